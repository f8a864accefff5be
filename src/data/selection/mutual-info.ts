// Mutual information between each feature and the target, as scikit-learn's
// mutual_info_classif (class target) and mutual_info_regression (numeric
// target) with n_neighbors=3:
// - discrete feature, class target: mutual_info_score from the contingency
//   table (natural log), deterministic;
// - any pair with a continuous side: the kNN estimators of ./mutual-info-knn.ts
//   after sklearn's preparation: continuous values divided by their standard
//   deviation (ddof 0; a constant one by 1) and a tie-breaking noise of
//   1e-10 · max(1, mean |x|) · N(0, 1) added. The noise comes from a seeded
//   generator (not numpy's), so on data with ties the scores are sklearn's
//   estimator with another random_state; on data without ties it moves no
//   neighbour and the scores are sklearn's.
// Which features are discrete is the caller's choice (sklearn's
// discrete_features). The older variant, continuous features cut into
// equal-width bins and scored as discrete (discretize), stays available.
import { seededRandom } from '../../core/random.ts';
import { miContinuousContinuous, miContinuousDiscrete } from './mutual-info-knn.ts';

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

export interface MutualInfoOptions {
  /** Per feature: true scores it from counts (discrete), false with the kNN estimator (continuous). */
  discrete: readonly boolean[];
  /** A class target (mutual_info_classif) or a continuous one (mutual_info_regression). */
  discreteTarget: boolean;
  nNeighbors?: number;
  /** Seed of the tie-breaking noise and of the row sample (default 0). */
  seed?: number;
  /** Rows the continuous–continuous (KSG) estimator uses at most; more are sampled (default 20,000). */
  maxRows?: number;
}

export interface MutualInfoResult {
  /** MI in nats per feature, ≥ 0. */
  mi: number[];
  /** Rows the KSG estimator used when they were sampled (undefined: all rows). */
  sampledRows?: number;
}

export const KSG_MAX_ROWS = 20_000;

/** Standard normal draws (Box–Muller) from a seeded uniform generator. */
function normals(random: () => number): () => number {
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const s = spare;
      spare = undefined;
      return s;
    }
    const u = 1 - random(); // (0, 1]: log stays finite
    const radius = Math.sqrt(-2 * Math.log(u));
    const angle = 2 * Math.PI * random();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}

/** sklearn's preparation of a continuous variable: scale(with_mean=False) then the tie-breaking noise. */
function scaledWithNoise(values: readonly number[], normal: () => number): Float64Array {
  const n = values.length;
  let mean = 0;
  for (const v of values) mean += v;
  mean /= n;
  let ss = 0;
  for (const v of values) ss += (v - mean) ** 2;
  const std = Math.sqrt(ss / n);
  // _handle_zeros_in_scale: a (near-)constant column is left unscaled.
  const scale = std < 10 * Number.EPSILON ? 1 : std;
  const out = Float64Array.from(values, (v) => v / scale);
  let meanAbs = 0;
  for (const v of out) meanAbs += Math.abs(v);
  const amplitude = 1e-10 * Math.max(1, meanAbs / n);
  for (let i = 0; i < n; i++) out[i] += amplitude * normal();
  return out;
}

const distinct = (values: readonly number[]): number => new Set(values).size;

/** Sorted row indices of a seeded sample of `size` of n rows. */
function sampleRows(n: number, size: number, random: () => number): Uint32Array {
  const order = Uint32Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (n - i));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order.subarray(0, size).sort();
}

/** mutual_info_classif / mutual_info_regression per feature column (columns[j][i]: feature j of row i). */
export function mutualInfo(columns: readonly (readonly number[])[], y: readonly unknown[], options: MutualInfoOptions): MutualInfoResult {
  const k = options.nNeighbors ?? 3;
  const seed = options.seed ?? 0;
  const normal = normals(seededRandom(seed));
  const n = y.length;
  const features = columns.map((c, j) => (options.discrete[j] ? c : scaledWithNoise(c, normal)));
  const target = options.discreteTarget ? y : scaledWithNoise(y as readonly number[], normal);
  const maxRows = options.maxRows ?? KSG_MAX_ROWS;
  let sample: Uint32Array | undefined;
  let yDistinct: number | undefined;
  const mi = features.map((x, j) => {
    if (options.discrete[j] && options.discreteTarget) return mutualInfoScore(x as readonly number[], y);
    if (options.discrete[j]) return miContinuousDiscrete(target as Float64Array, x as readonly number[], k);
    if (options.discreteTarget) return miContinuousDiscrete(x, y, k);
    // KSG is symmetric; its neighbour search walks along its first variable, which is
    // fastest when that one has the more distinct values (a few levels give long walks).
    const [a, b] = distinct(columns[j]) >= (yDistinct ??= distinct(y as readonly number[])) ? [x, target as Float64Array] : [target as Float64Array, x];
    if (n <= maxRows) return miContinuousContinuous(a, b, k);
    sample ??= sampleRows(n, maxRows, seededRandom(seed + 1));
    const rows = sample;
    return miContinuousContinuous(Float64Array.from(rows, (i) => a[i]), Float64Array.from(rows, (i) => b[i]), k);
  });
  return { mi, sampledRows: sample?.length };
}
