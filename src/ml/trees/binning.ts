// Quantile binning of raw feature values into at most 255 value bins per
// feature plus one missing bin (index MISSING_BIN), like scikit-learn's
// HistGradientBoosting _BinMapper: with few distinct values the thresholds
// are the midpoints between them, otherwise midpoint percentiles of the data.
// Value x falls in bin b where thresholds[b - 1] < x <= thresholds[b], so a
// split "bin <= b" is the same as "x <= thresholds[b]" on raw values.
// Missing values get the bin just past the feature's value bins (nBins[j]),
// at most MISSING_BIN, so histograms stay compact for one-hot columns.
import { seededRandom } from '../../core/random.ts';
import { sortFloat64 } from '../../data/sort-numbers.ts';

/** The largest missing-bin index (a feature with 255 value bins). */
export const MISSING_BIN = 255;
export const MAX_BINS = 255;

export interface BinMapper {
  /** Per feature: ascending upper bounds of bins 0..n-2 (the last bin is open). */
  thresholds: Float64Array[];
  /** Per feature: number of value bins (thresholds.length + 1; 1 for a constant column). */
  nBins: Uint16Array;
}

/** A column-major raw matrix: value of row i, feature j at X[j * rows + i]; NaN = missing. */
export interface RawMatrix {
  X: Float64Array;
  rows: number;
  cols: number;
}

/** Rows the thresholds are fitted on at most (scikit-learn's _BinMapper subsample). */
export const BIN_SUBSAMPLE = 200_000;

/**
 * Fit bin thresholds per feature on training values (NaN ignored). Above
 * `subsample` rows, on a seeded sample of that many distinct rows, as
 * scikit-learn and LightGBM do: quantiles of 200k rows place the bins as
 * well, and sorting every full column was most of a large fit's binning.
 */
export function fitBins(data: RawMatrix, maxBins = MAX_BINS, options: { subsample?: number; seed?: number } = {}): BinMapper {
  const bins = Math.max(2, Math.min(MAX_BINS, Math.floor(maxBins)));
  const { X, rows, cols } = data;
  const sample = sampleRows(rows, options.subsample ?? BIN_SUBSAMPLE, options.seed ?? 0);
  const thresholds: Float64Array[] = [];
  const nBins = new Uint16Array(cols);
  const buf = new Float64Array(sample ? sample.length : rows);
  for (let j = 0; j < cols; j++) {
    let n = 0;
    const off = j * rows;
    if (sample) {
      for (let k = 0; k < sample.length; k++) {
        const v = X[off + sample[k]];
        if (v === v) buf[n++] = v;
      }
    } else {
      for (let i = 0; i < rows; i++) {
        const v = X[off + i];
        if (v === v) buf[n++] = v;
      }
    }
    const sorted = sortFloat64(buf.subarray(0, n));
    let distinct = 0;
    for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
    let t: number[];
    if (distinct <= bins) {
      t = [];
      let prev = NaN;
      for (let i = 0; i < n; i++) {
        const v = sorted[i];
        if (i > 0 && v !== prev) t.push((prev + v) / 2);
        prev = v;
      }
    } else {
      // np.percentile(values, linspace(0, 100, bins + 1)[1:-1], method='midpoint'), then unique.
      t = [];
      for (let k = 1; k < bins; k++) {
        const pos = (k / bins) * (n - 1);
        const lo = Math.floor(pos);
        const hi = Math.ceil(pos);
        const v = (sorted[lo] + sorted[hi]) / 2;
        if (t.length === 0 || v > t[t.length - 1]) t.push(v);
      }
    }
    thresholds.push(Float64Array.from(t));
    nBins[j] = t.length + 1;
  }
  return { thresholds, nBins };
}

/** `size` distinct row indices from mulberry32(seed) (a partial Fisher–Yates), or null when every row is used. */
function sampleRows(rows: number, size: number, seed: number): Uint32Array | null {
  if (rows <= size) return null;
  const random = seededRandom(seed);
  const all = new Uint32Array(rows);
  for (let i = 0; i < rows; i++) all[i] = i;
  for (let i = 0; i < size; i++) {
    const k = i + Math.floor(random() * (rows - i));
    const t = all[i];
    all[i] = all[k];
    all[k] = t;
  }
  // Ascending, so the column reads go forward through memory.
  return all.slice(0, size).sort();
}

/** First index i with t[i] >= v (t ascending), i.e. the bin of v. */
export function binOf(t: Float64Array, v: number): number {
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Equal-width buckets over a feature's threshold range in the bucket table of applyBins. */
const BUCKETS = 1024;

/**
 * Bin a raw matrix with fitted thresholds: column-major Uint8Array, NaN →
 * nBins[j] (the missing bin). Each value's bin is binOf's answer, found fast:
 * a table over equal-width buckets of the thresholds' range gives the first
 * threshold at or above each bucket's lower edge, so a value's bin lies
 * between its bucket's entry and the next bucket's; the binary search runs on
 * that short stretch (a bucket either side is added, against round-off in
 * the bucket arithmetic) instead of on every threshold.
 */
export function applyBins(data: RawMatrix, mapper: BinMapper): Uint8Array {
  const { X, rows, cols } = data;
  const out = new Uint8Array(rows * cols);
  const first = new Int32Array(BUCKETS + 1);
  for (let j = 0; j < cols; j++) {
    const t = mapper.thresholds[j];
    const missing = mapper.nBins[j];
    const off = j * rows;
    const n = t.length;
    const lo = n > 0 ? t[0] : 0;
    const range = n > 0 ? t[n - 1] - lo : 0;
    const scale = BUCKETS / range;
    if (n < 8 || !(range > 0 && range < Infinity && scale < Infinity)) {
      for (let i = 0; i < rows; i++) {
        const v = X[off + i];
        out[off + i] = v === v ? binOf(t, v) : missing;
      }
      continue;
    }
    // first[k]: the first threshold index i with t[i] >= lo + k / scale.
    let i = 0;
    for (let k = 0; k <= BUCKETS; k++) {
      const edge = lo + k / scale;
      while (i < n && t[i] < edge) i++;
      first[k] = i;
    }
    for (let r = 0; r < rows; r++) {
      const v = X[off + r];
      if (v !== v) {
        out[off + r] = missing;
        continue;
      }
      if (v <= lo) {
        out[off + r] = 0;
        continue;
      }
      if (v > t[n - 1]) {
        out[off + r] = n;
        continue;
      }
      const k = Math.floor((v - lo) * scale);
      let a = first[k > 0 ? k - 1 : 0];
      let b = k + 2 < BUCKETS ? Math.min(first[k + 2] + 1, n) : n;
      // The bin is in [a, b): the first index with t[index] >= v.
      while (a < b) {
        const mid = (a + b) >>> 1;
        if (t[mid] < v) a = mid + 1;
        else b = mid;
      }
      out[off + r] = a;
    }
  }
  return out;
}
