// The generated Abalone-shaped table: determinism, the UCI schema and shape,
// and the relationships the pipeline's regressor learns from.
import { describe, expect, it } from 'vitest';
import { ABALONE_COLUMNS, ABALONE_ROWS, generateAbaloneCsv, generateAbaloneRows } from '../../src/datasets/generators/abalone/index.ts';
import { generateAllDatasets } from '../../src/datasets/generators/index.ts';
import { findDataset } from '../../src/datasets/catalog.ts';

const rows = generateAbaloneRows(42);
const col = (name: (typeof ABALONE_COLUMNS)[number]) => rows.map((r) => r[ABALONE_COLUMNS.indexOf(name)] as number);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
function correlation(a: number[], b: number[]): number {
  const ma = mean(a);
  const mb = mean(b);
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < a.length; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

describe('abalone: determinism and shape', () => {
  it('is identical for a seed and differs for another', () => {
    const a = generateAbaloneCsv(1, 300);
    expect(generateAbaloneCsv(1, 300)).toBe(a);
    expect(generateAbaloneCsv(2, 300)).not.toBe(a);
  });

  it('has the UCI columns and 4,177 rows, and is written by `generate` and listed in the catalogue', () => {
    expect(rows).toHaveLength(ABALONE_ROWS);
    expect(ABALONE_ROWS).toBe(4177);
    const [header, first] = generateAbaloneCsv(42, 1).split('\n');
    expect(header).toBe('sex,length,diameter,height,whole_weight,shucked_weight,viscera_weight,shell_weight,rings');
    expect(first).toMatch(/^[MFI](,\d+(\.\d+)?){8}$/);
    expect(generateAllDatasets(42).find((f) => f.file === 'abalone.csv')?.text).toBe(generateAbaloneCsv(42));
    expect(findDataset('abalone')).toMatchObject({ file: 'abalone.csv', path: 'public/datasets/abalone.csv' });
    expect(findDataset('abalone')?.description).toMatch(/Generated/);
  });

  it('has the UCI sex shares, integer rings and sizes in the real ranges', () => {
    const sexes = rows.map((r) => r[0]);
    const share = (s: string) => sexes.filter((x) => x === s).length / rows.length;
    // UCI: 36.6 % M, 31.3 % F, 32.1 % I.
    expect(share('M')).toBeCloseTo(0.366, 1);
    expect(share('F')).toBeCloseTo(0.313, 1);
    expect(share('I')).toBeCloseTo(0.321, 1);
    const rings = col('rings');
    expect(rings.every((r) => Number.isInteger(r) && r >= 1 && r <= 29)).toBe(true);
    expect(mean(rings)).toBeGreaterThan(9);
    expect(mean(rings)).toBeLessThan(11);
    for (const [name, lo, hi] of [['length', 0.075, 0.815], ['diameter', 0.055, 0.65], ['height', 0, 0.25], ['whole_weight', 0, 2.83]] as const) {
      const xs = col(name);
      expect(Math.min(...xs), name).toBeGreaterThanOrEqual(lo);
      expect(Math.max(...xs), name).toBeLessThanOrEqual(hi);
    }
    // The parts weigh less than the whole.
    expect(rows.every((r) => (r[5] as number) < (r[4] as number) && (r[6] as number) < (r[4] as number) && (r[7] as number) < (r[4] as number))).toBe(true);
  });

  it('relates size to age as abalones grow: infants younger and smaller, the shell weight the strongest single signal', () => {
    const rings = col('rings');
    const bySex = (s: string) => rows.filter((r) => r[0] === s).map((r) => r[8] as number);
    expect(mean(bySex('I'))).toBeLessThan(mean(bySex('M')) - 2);
    const r = Object.fromEntries(['length', 'diameter', 'whole_weight', 'shell_weight'].map((c) => [c, correlation(col(c as 'length'), rings)]));
    // UCI: 0.56, 0.57, 0.54, 0.63. Measured here: 0.55, 0.55, 0.57, 0.61.
    for (const c of Object.keys(r)) {
      expect(r[c], c).toBeGreaterThan(0.45);
      expect(r[c], c).toBeLessThan(0.7);
    }
    expect(r.shell_weight).toBeGreaterThan(r.length);
    expect(correlation(col('length'), col('diameter'))).toBeGreaterThan(0.95);
  });
});
