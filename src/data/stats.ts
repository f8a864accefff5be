// Descriptive statistics computed the way numpy/pandas compute them, so
// that profiles and fitted transforms match the Python reference values.
import type { ColumnTable } from 'arquero';

/** True for null, undefined and NaN: the values treated as missing everywhere. */
export function isMissing(v: unknown): v is null | undefined {
  return v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));
}

/** A column's values in table order (respects filters and orderby). */
export function columnValues(table: ColumnTable, name: string): unknown[] {
  return table.array(name) as unknown[];
}

/** Non-missing finite numbers of a column, in row order. */
export function numbersOf(values: readonly unknown[]): number[] {
  const out: number[] = [];
  for (const v of values) if (typeof v === 'number' && !Number.isNaN(v)) out.push(v);
  return out;
}

export function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s / xs.length;
}

/** Two-pass variance like numpy/pandas: sum((x - mean)^2) / (n - ddof). */
export function variance(xs: ArrayLike<number>, ddof: number): number {
  const n = xs.length;
  if (n - ddof <= 0) return NaN;
  const m = mean(xs);
  let s = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i] - m;
    s += d * d;
  }
  return s / (n - ddof);
}

export function sortedNumbers(xs: readonly number[]): Float64Array {
  return Float64Array.from(xs).sort();
}

/**
 * Quantile with numpy's default 'linear' method, including its lerp that
 * interpolates from the upper value when t >= 0.5 (bit-for-bit like numpy).
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, n - 1);
  const t = pos - lo;
  const a = sorted[lo];
  const b = sorted[hi];
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}

/** Largest number of histogram bins; beyond it we use this many equal bins. */
export const MAX_BINS = 200;

/**
 * Bin count by numpy's 'auto' rule: the smaller width of Freedman–Diaconis and
 * Sturges (Sturges alone when the IQR is 0), capped at MAX_BINS.
 */
export function autoBinCount(sorted: ArrayLike<number>): number {
  const n = sorted.length;
  if (n === 0) return 1;
  // The bin count is scale-free, so a range that overflows (values near
  // ±1.8e308) is measured at half scale instead of becoming Infinity / NaN.
  const s = rangeScale(sorted[0], sorted[n - 1]);
  const ptp = sorted[n - 1] * s - sorted[0] * s;
  const sturges = ptp / (Math.log2(n) + 1);
  const iqr = quantileSorted(sorted, 0.75) * s - quantileSorted(sorted, 0.25) * s;
  const fd = (2 * iqr) * Math.pow(n, -1 / 3);
  const width = fd ? Math.min(fd, sturges) : sturges;
  const count = Math.ceil(ptp / width);
  if (!width || !Number.isFinite(count)) return 1;
  return Math.min(MAX_BINS, Math.max(1, count));
}

/** 1, or 0.5 where max − min overflows a double: differences are then taken at half scale. */
function rangeScale(min: number, max: number): number {
  return Number.isFinite(max - min) ? 1 : 0.5;
}

/** numpy.histogram(x, bins) with equal-width bins over [min, max]; edges like np.linspace. */
export function histogram(sorted: ArrayLike<number>, bins: number): { edges: number[]; counts: number[] } {
  const n = sorted.length;
  let first = n ? sorted[0] : 0;
  let last = n ? sorted[n - 1] : 1;
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  // numpy overflows on ranges wider than the largest double; here they are
  // measured at half scale (s = 0.5), which changes nothing for finite ranges.
  const s = rangeScale(first, last);
  const step = (last * s - first * s) / bins;
  const edges: number[] = [];
  for (let i = 0; i <= bins; i++) edges.push(s === 1 ? i * step + first : (i * step + first * s) / s);
  edges[bins] = last;
  const counts = new Array<number>(bins).fill(0);
  const norm = bins / (last * s - first * s);
  for (let i = 0; i < n; i++) {
    const x = sorted[i];
    // numpy: index from the scaled offset, then fix rounding against the edges.
    let k = Math.trunc((x * s - first * s) * norm);
    if (k === bins) k--;
    if (x < edges[k]) k--;
    else if (x >= edges[k + 1] && k !== bins - 1) k++;
    counts[k]++;
  }
  return { edges, counts };
}
