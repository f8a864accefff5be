// Mutual information between discrete features and a class target, as
// scikit-learn's mutual_info_classif(X, y, discrete_features=True), which is
// mutual_info_score per column (natural log, from the contingency table) and
// deterministic. Continuous features are first cut into equal-width bins
// (discretize) — the variant this workbench uses; sklearn's default kNN
// estimator for continuous features (random noise, neighbours) is not implemented.

/** bin = floor((x − min) / (max − min) · bins), the maximum going to the last bin; a constant column is all bin 0. */
export function discretize(values: readonly number[], bins = 10): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi > lo)) return values.map(() => 0);
  return values.map((v) => Math.min(Math.floor(((v - lo) / (hi - lo)) * bins), bins - 1));
}

/** sklearn mutual_info_score(x, y): Σ p(x,y) · log(p(x,y) / (p(x) p(y))), clipped at 0. */
export function mutualInfoScore(x: readonly unknown[], y: readonly unknown[]): number {
  const n = x.length;
  const joint = new Map<string, number>();
  const px = new Map<unknown, number>();
  const py = new Map<unknown, number>();
  for (let i = 0; i < n; i++) {
    const k = `${String(x[i])}\u0000${String(y[i])}`;
    joint.set(k, (joint.get(k) ?? 0) + 1);
    px.set(String(x[i]), (px.get(String(x[i])) ?? 0) + 1);
    py.set(String(y[i]), (py.get(String(y[i])) ?? 0) + 1);
  }
  let mi = 0;
  for (const [k, nij] of joint) {
    const [a, b] = k.split('\u0000');
    mi += (nij / n) * (Math.log(nij) + Math.log(n) - Math.log(px.get(a) as number) - Math.log(py.get(b) as number));
  }
  return Math.max(mi, 0);
}

/** mutual_info_classif(X, y, discrete_features=True) for rows X. */
export function mutualInfoClassif(X: readonly (readonly number[])[], y: readonly unknown[]): number[] {
  const k = X[0]?.length ?? 0;
  return Array.from({ length: k }, (_, j) => mutualInfoScore(X.map((r) => r[j]), y));
}
