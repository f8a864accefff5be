import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as aq from 'arquero';
import { profileTable, duplicateRows, topValues } from '../../src/data/profile.ts';
import { autoBinCount, histogram, quantileSorted, MAX_BINS } from '../../src/data/stats.ts';
import type { Scalar } from '../../src/core/outputs.ts';

interface Expected {
  count: number;
  missing: number;
  unique: number;
  top: { value: Scalar; count: number }[];
  mean?: number;
  std?: number;
  min?: number;
  q1?: number;
  median?: number;
  q3?: number;
  max?: number;
  histogram?: { edges: number[]; counts: number[] };
}
const fx = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/data_profile.json', import.meta.url)), 'utf8')) as {
  columns: string[];
  data: Record<string, Scalar[]>;
  rowCount: number;
  duplicates: number;
  expected: Record<string, Expected>;
};

/** |a - b| within 1e-9, relative to the size of b. */
function close(actual: number | string | undefined, expected: number | undefined, label: string): void {
  expect(typeof actual, label).toBe('number');
  const a = actual as number;
  const b = expected as number;
  expect(Math.abs(a - b), `${label}: ${a} vs ${b}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
}

describe('profileTable against pandas describe / numpy.histogram', () => {
  const table = aq.table(fx.data, fx.columns);
  const profile = profileTable(table);

  it('has one profile per column and the row count', () => {
    expect(profile.rowCount).toBe(fx.rowCount);
    expect(profile.columns.map((c) => c.name)).toEqual(fx.columns);
  });

  for (const name of fx.columns) {
    it(`matches column ${name}`, () => {
      const e = fx.expected[name];
      const p = profile.columns.find((c) => c.name === name)!;
      expect(p.count).toBe(e.count);
      expect(p.missing).toBe(e.missing);
      expect(p.unique).toBe(e.unique);
      expect(p.top).toEqual(e.top);
      if (e.mean !== undefined) {
        for (const k of ['mean', 'std', 'min', 'q1', 'median', 'q3', 'max'] as const) close(p[k], e[k], `${name}.${k}`);
        expect(p.histogram!.counts).toEqual(e.histogram!.counts);
        expect(p.histogram!.edges).toHaveLength(e.histogram!.edges.length);
        p.histogram!.edges.forEach((edge, i) => close(edge, e.histogram!.edges[i], `${name}.edges[${i}]`));
      }
    });
  }

  it('counts duplicate rows like DataFrame.duplicated()', () => {
    expect(duplicateRows(table)).toBe(fx.duplicates);
  });

  it('warns about constant, high-cardinality columns and duplicates', () => {
    expect(profile.warnings).toContain('"constant" is constant (4.25 in every non-missing row).');
    expect(profile.warnings.some((w) => w.startsWith('"ident" has high cardinality'))).toBe(true);
    expect(profile.warnings.some((w) => w.startsWith('"color" has high cardinality'))).toBe(false);
    expect(profile.warnings).toContain(`${fx.duplicates} duplicate rows (identical to an earlier row).`);
    // The same warnings in Korean, in the same order, for a Korean UI.
    expect(profile.warningsKo).toHaveLength(profile.warnings.length);
    expect(profile.warningsKo![profile.warnings.indexOf('"constant" is constant (4.25 in every non-missing row).')]).toBe('"constant"은(는) 상수예요 (비어 있지 않은 모든 행이 4.25).');
    expect(profile.warningsKo).toContain(`중복 행 ${fx.duplicates}개 (앞의 행과 똑같아요).`);
  });

  it('warns about an all-missing column and gives it no statistics', () => {
    const p = profileTable(aq.table({ x: [null, null], y: [1, 2] }));
    expect(p.warnings).toEqual(['"x" is entirely missing.']);
    expect(p.warningsKo).toEqual(['"x"은(는) 값이 모두 비어 있어요.']);
    expect(p.columns[0].count).toBe(0);
    expect(p.columns[0].mean).toBeUndefined();
  });
});

describe('statistics helpers', () => {
  it('interpolates quantiles linearly', () => {
    const s = Float64Array.from([1, 2, 3, 4]);
    expect(quantileSorted(s, 0.25)).toBe(1.75);
    expect(quantileSorted(s, 0.5)).toBe(2.5);
    expect(quantileSorted(Float64Array.from([7]), 0.75)).toBe(7);
  });

  it('uses one bin of width 1 around a constant, and caps the bin count', () => {
    expect(histogram(Float64Array.from([3, 3]), autoBinCount(Float64Array.from([3, 3])))).toEqual({ edges: [2.5, 3.5], counts: [2] });
    const spread = Float64Array.from({ length: 1000 }, (_, i) => (i < 900 ? 0 : 10 ** (i - 900)));
    expect(autoBinCount(spread)).toBeLessThanOrEqual(MAX_BINS);
  });

  it('orders tied top values by first appearance', () => {
    expect(topValues(['b', 'a', 'a', 'b', 'c']).top).toEqual([
      { value: 'b', count: 2 },
      { value: 'a', count: 2 },
      { value: 'c', count: 1 },
    ]);
  });
});
