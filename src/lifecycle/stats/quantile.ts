// Quantiles the way numpy computes them by default (method 'linear'), so
// PSI bin edges and bootstrap percentiles agree with the Python references.

/** The q-quantile (0 ≤ q ≤ 1) of ascending `sorted` values, like np.quantile. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) throw new Error('Quantile of an empty sample.');
  const index = q * (n - 1);
  const lo = Math.floor(index);
  const hi = Math.min(lo + 1, n - 1);
  const t = index - lo;
  const a = sorted[lo];
  const b = sorted[hi];
  // numpy's _lerp: interpolate from the nearer end, which is exact at t = 0 and 1.
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** Ascending copy as a Float64Array (NaN-free input expected). */
export function sortedCopy(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/** Number of sorted values ≤ x (np.searchsorted(sorted, x, side='right')). */
export function countAtMost(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
