// Column statistics for the EDA cell beyond describe(), computed as pandas
// does: correlation matrices (DataFrame.corr, pairwise complete rows),
// bias-corrected skewness (Series.skew), outlier counts, and the patterns of
// missing values (df.isna().value_counts()).
import type { ColumnTable } from 'arquero';
import { columnValues, isMissing, mean, quantileSorted, sortedNumbers, variance } from '../stats.ts';

const num = (v: unknown): number | null => (typeof v === 'number' && !Number.isNaN(v) ? v : null);

/** Pearson r of two equal-length complete series; null when either is constant or shorter than 2. */
export function pearson(x: readonly number[], y: readonly number[]): number | null {
  const n = x.length;
  if (n < 2) return null;
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  const d = Math.sqrt(sxx * syy);
  return d === 0 ? null : sxy / d;
}

/** Average ranks, 1-based, ties share their mean rank (scipy rankdata 'average'). */
export function averageRanks(x: readonly number[]): number[] {
  const order = x.map((_, i) => i).sort((a, b) => x[a] - x[b]);
  const ranks = new Array<number>(x.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && x[order[j + 1]] === x[order[i]]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]] = r;
    i = j + 1;
  }
  return ranks;
}

export type CorrelationMethod = 'pearson' | 'spearman';

/** DataFrame.corr(method): each pair over the rows where both are present; null where undefined. */
export function correlationMatrix(table: ColumnTable, columns: readonly string[], method: CorrelationMethod): (number | null)[][] {
  const cols = columns.map((c) => columnValues(table, c).map(num));
  return cols.map((a, i) =>
    cols.map((b, j) => {
      const x: number[] = [];
      const y: number[] = [];
      for (let r = 0; r < a.length; r++) {
        const u = a[r];
        const v = b[r];
        if (u !== null && v !== null) {
          x.push(u);
          y.push(v);
        }
      }
      if (i === j && x.length > 1) return variance(x, 0) > 0 ? 1 : null;
      // pandas ranks the pairwise-complete values of each pair (nancorr_spearman).
      return method === 'pearson' ? pearson(x, y) : pearson(averageRanks(x), averageRanks(y));
    }),
  );
}

/** pandas Series.skew(): adjusted Fisher–Pearson, sqrt(n (n-1)) / (n-2) * m3 / m2^1.5; null below 3 values, 0 for constant data. */
export function skewness(values: readonly unknown[]): number | null {
  const xs = values.map(num).filter((v): v is number => v !== null);
  const n = xs.length;
  if (n < 3) return null;
  const m = mean(xs);
  let m2 = 0;
  let m3 = 0;
  for (const x of xs) {
    const d = x - m;
    m2 += d * d;
    m3 += d * d * d;
  }
  if (m2 === 0) return 0;
  return ((n * Math.sqrt(n - 1)) / (n - 2)) * (m3 / Math.pow(m2, 1.5));
}

/** Values beyond 1.5 IQR from the quartiles, and with |z| > 3 (sample std), among the present ones. */
export function outlierCounts(values: readonly unknown[]): { iqr: number; z: number } {
  const xs = values.map(num).filter((v): v is number => v !== null);
  if (xs.length === 0) return { iqr: 0, z: 0 };
  const sorted = sortedNumbers(xs);
  const q1 = quantileSorted(sorted, 0.25);
  const q3 = quantileSorted(sorted, 0.75);
  const lo = q1 - 1.5 * (q3 - q1);
  const hi = q3 + 1.5 * (q3 - q1);
  const m = mean(xs);
  const sd = Math.sqrt(variance(xs, 1));
  let iqr = 0;
  let z = 0;
  for (const x of xs) {
    if (x < lo || x > hi) iqr++;
    if (sd > 0 && Math.abs((x - m) / sd) > 3) z++;
  }
  return { iqr, z };
}

/** Rows per combination of missing columns, most frequent first (ties: first seen), at most `limit`. */
export function missingPatterns(table: ColumnTable, columns: readonly string[], limit = 10): { missing: string[]; count: number }[] {
  const cols = columns.map((c) => columnValues(table, c));
  const counts = new Map<string, { missing: string[]; count: number }>();
  for (let r = 0; r < table.numRows(); r++) {
    const missing = columns.filter((_, i) => isMissing(cols[i][r]));
    const k = missing.join('\u0000');
    const e = counts.get(k);
    if (e) e.count++;
    else counts.set(k, { missing, count: 1 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count).slice(0, limit);
}
