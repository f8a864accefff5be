// The k-nearest-neighbour mutual information estimators of scikit-learn
// (sklearn/feature_selection/_mutual_info.py), natural log, k = 3:
// - continuous x, discrete y: Ross (2014), _compute_mi_cd — per class, the
//   distance d to the k-th nearest member of the same class (k = min(3,
//   class size − 1); classes of one member are left out), m = the points of
//   any class closer than d (itself included);
//   MI = ψ(N) + ⟨ψ(k)⟩ − ⟨ψ(class size)⟩ − ⟨ψ(m)⟩.
// - continuous x and y: Kraskov–Stögbauer–Grassberger (2004), _compute_mi_cc —
//   ε = the max-norm (Chebyshev) distance to the k-th neighbour in (x, y),
//   nx, ny = the other points closer than ε along x, along y;
//   MI = ψ(N) + ψ(k) − ⟨ψ(nx + 1)⟩ − ⟨ψ(ny + 1)⟩.
// Both are clipped at 0. "Closer than d" is strict: sklearn counts distances
// ≤ nextafter(d, 0), the same set for floats. Distances are |a − b|.
//
// Complexity: the Ross estimator sorts each class and counts by binary search
// (O(n log n)); KSG finds neighbours by walking outwards along x from each
// point in x order until |Δx| reaches the k-th distance so far (O(n log n) to
// O(n·w), w the points within ε along x: about √(kn) for independent
// variables, up to n for a nearly constant x) and counts by binary search.
import { digamma } from './special.ts';

/** Inputs here are plain numbers with no missing values (the caller drops incomplete rows). */
export type Values = ArrayLike<number>;

/** How many sorted values lie strictly within d of c: |v − c| < d, evaluated as floats (binary search on each side). */
function countWithin(sorted: Float64Array, c: number, d: number): number {
  // First index whose value is not left of the window: v ≥ c or c − v < d (monotone in v).
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid];
    if (v >= c || c - v < d) hi = mid;
    else lo = mid + 1;
  }
  const start = lo;
  // First index past the window: v > c and v − c ≥ d.
  hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid];
    if (v > c && v - c >= d) hi = mid;
    else lo = mid + 1;
  }
  return lo - start;
}

/** Distance from sorted[p] to its k-th nearest other value in sorted (1-D, k < sorted.length). */
function kthDistance1d(sorted: Float64Array, p: number, k: number): number {
  let l = p - 1;
  let r = p + 1;
  let d = 0;
  for (let found = 0; found < k; found++) {
    const dl = l >= 0 ? sorted[p] - sorted[l] : Infinity;
    const dr = r < sorted.length ? sorted[r] - sorted[p] : Infinity;
    if (dl <= dr) {
      d = dl;
      l--;
    } else {
      d = dr;
      r++;
    }
  }
  return d;
}

/** sklearn _compute_mi_cd: a continuous variable c against discrete labels d. */
export function miContinuousDiscrete(c: Values, d: readonly unknown[], nNeighbors = 3): number {
  const classes = new Map<unknown, number[]>();
  for (let i = 0; i < c.length; i++) {
    const rows = classes.get(d[i]);
    if (rows) rows.push(i);
    else classes.set(d[i], [i]);
  }
  const kept: { value: number; radius: number; k: number; count: number }[] = [];
  for (const rows of classes.values()) {
    if (rows.length < 2) continue; // a class of one member is left out, as in sklearn
    const k = Math.min(nNeighbors, rows.length - 1);
    const sorted = Float64Array.from(rows, (i) => c[i]).sort();
    for (let p = 0; p < sorted.length; p++) kept.push({ value: sorted[p], radius: kthDistance1d(sorted, p, k), k, count: rows.length });
  }
  const n = kept.length;
  if (n === 0) return 0;
  const all = Float64Array.from(kept, (e) => e.value).sort();
  let sumK = 0;
  let sumCount = 0;
  let sumM = 0;
  for (const e of kept) {
    sumK += digamma(e.k);
    sumCount += digamma(e.count);
    sumM += digamma(countWithin(all, e.value, e.radius));
  }
  const mi = digamma(n) + sumK / n - sumCount / n - sumM / n;
  return Math.max(0, mi);
}

/** Insert d into the ascending list `best` (at most k long), keeping the k smallest. */
function pushBest(best: number[], k: number, d: number): void {
  if (best.length === k && d >= best[k - 1]) return;
  let at = best.length < k ? best.length : k - 1;
  if (best.length < k) best.push(d);
  while (at > 0 && best[at - 1] > d) {
    best[at] = best[at - 1];
    at--;
  }
  best[at] = d;
}

/** sklearn _compute_mi_cc: two continuous variables (KSG estimator 1, max-norm). */
export function miContinuousContinuous(x: Values, y: Values, nNeighbors = 3): number {
  const n = x.length;
  const k = nNeighbors;
  if (n <= k) return 0;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => x[a] - x[b] || a - b);
  const xs = Float64Array.from(order, (i) => x[i]);
  const ys = Float64Array.from(order, (i) => y[i]);
  const xSorted = xs;
  const ySorted = Float64Array.from(ys).sort();
  const best: number[] = [];
  let sumX = 0;
  let sumY = 0;
  for (let p = 0; p < n; p++) {
    best.length = 0;
    let l = p - 1;
    let r = p + 1;
    // Visit the others by increasing |Δx|; stop once |Δx| alone reaches the k-th distance found.
    for (;;) {
      const dl = l >= 0 ? xs[p] - xs[l] : Infinity;
      const dr = r < n ? xs[r] - xs[p] : Infinity;
      const dx = Math.min(dl, dr);
      if (dx === Infinity || (best.length === k && dx >= best[k - 1])) break;
      const j = dl <= dr ? l-- : r++;
      pushBest(best, k, Math.max(dx, Math.abs(ys[j] - ys[p])));
    }
    const eps = best[k - 1];
    sumX += digamma(countWithin(xSorted, xs[p], eps)); // itself included: nx + 1
    sumY += digamma(countWithin(ySorted, ys[p], eps));
  }
  const mi = digamma(n) + digamma(k) - sumX / n - sumY / n;
  return Math.max(0, mi);
}
