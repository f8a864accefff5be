import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as aq from 'arquero';
import { correlationMatrix, missingPatterns, outlierCounts, skewness } from '../../src/data/features/correlation.ts';
import { dateOrderWarnings, leakageWarnings } from '../../src/data/profile.ts';

const fx = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/ts_eda.json', import.meta.url)), 'utf8')) as {
  table: Record<string, (number | null)[]>;
  columns: string[];
  pearson: (number | null)[][];
  spearman: (number | null)[][];
  skew: Record<string, number>;
  outliers: { iqr: Record<string, number>; z: Record<string, number> };
  missingPatterns: { missing: string[]; count: number }[];
};
const table = aq.table(fx.table, fx.columns);

function closeMatrix(a: (number | null)[][], b: (number | null)[][]): void {
  b.forEach((row, i) => row.forEach((v, j) => (v === null ? expect(a[i][j]).toBeNull() : expect(Math.abs((a[i][j] as number) - v), `[${i}][${j}]`).toBeLessThanOrEqual(1e-9))));
}

describe('EDA statistics match pandas', () => {
  it('pearson and spearman correlation (pairwise complete)', () => {
    closeMatrix(correlationMatrix(table, fx.columns, 'pearson'), fx.pearson);
    closeMatrix(correlationMatrix(table, fx.columns, 'spearman'), fx.spearman);
  });
  it('skew', () => {
    for (const c of fx.columns) expect(Math.abs(skewness(fx.table[c])! - fx.skew[c]), c).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(fx.skew[c])));
    expect(skewness([1, 2])).toBeNull();
  });
  it('outlier counts', () => {
    for (const c of fx.columns) expect(outlierCounts(fx.table[c]), c).toEqual({ iqr: fx.outliers.iqr[c], z: fx.outliers.z[c] });
    expect(fx.outliers.iqr.c + fx.outliers.z.c).toBeGreaterThan(0);
  });
  it('missing-value patterns', () => {
    expect(missingPatterns(table, fx.columns)).toEqual(fx.missingPatterns);
  });
});

describe('warnings', () => {
  it('flags a numeric feature that nearly equals the target, and a 1:1 categorical', () => {
    const t = aq.table({ y: [0, 1, 0, 1, 1, 0], copy: [0.1, 1.0, 0.0, 0.9, 1.1, 0.05], noise: [3, 1, 4, 1, 5, 9], code: ['n', 'p', 'n', 'p', 'p', 'n'], city: ['a', 'b', 'a', 'a', 'b', 'c'] });
    const w = leakageWarnings(t, 'y', t.columnNames());
    expect(w).toHaveLength(2);
    expect(w[0]).toMatch(/^"copy" is almost perfectly correlated/);
    expect(w[1]).toMatch(/^"code" maps one-to-one/);
  });
  it('flags dates out of order', () => {
    const t = aq.table({ d: [new Date('2024-01-02'), new Date('2024-01-01')], e: [new Date('2024-01-01'), new Date('2024-01-02')] });
    expect(dateOrderWarnings(t, ['d', 'e'])).toEqual(['"d" is out of order (row 2 is earlier than a row above it): sort by it before lag features or a time split.']);
  });
});
