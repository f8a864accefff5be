// Numeric columns' distinct values come from the sorted copy (profile-numeric.ts):
// the same unique count, top values (ties by first appearance, the value as
// first seen: -0 or 0) and duplicate-row count as the Map path (topValues,
// duplicateRows) on columns with ties, missing values, NaN and signed zeros.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as aq from 'arquero';
import { duplicateRows, profileColumn, profileTable, topValues } from '../../src/data/profile.ts';

const value = fc.oneof(fc.constantFrom(null, NaN, 0, -0, 1, -1, 2.5, 1e300, -Infinity, Infinity, 5e-324), fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }));

describe('numeric profile from the sorted values', () => {
  // Doubles within ±1e6: a range wider than the largest double overflows histogram() (both paths; a separate issue).
  it('gives the Map path unique count and top values', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 60 }), (xs) => {
        if (!xs.some((x) => typeof x === 'number' && x === x)) xs.push(1);
        const table = aq.table({ x: xs });
        const profile = profileColumn(table, 'x');
        const expected = topValues(xs);
        expect(profile.unique).toBe(expected.unique);
        expect(profile.top).toEqual(expected.top);
        expect(Object.is(profile.top[0].value, expected.top[0].value)).toBe(true);
        expect(profile.missing).toBe(xs.filter((x) => x === null || x !== x).length);
      }),
      { numRuns: 500 },
    );
  });

  it('counts duplicate rows as the Map path does, with and without a key column', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(null, 0, -0, 1, 2.5), fc.constantFrom('a', 'b', null)), { maxLength: 30 }), fc.boolean(), (rows, withKey) => {
        const data: Record<string, unknown[]> = { x: rows.map((r) => r[0]), s: rows.map((r) => r[1]) };
        if (withKey) data.id = rows.map((_, i) => i);
        const table = aq.table(data);
        const dup = duplicateRows(table);
        const warning = profileTable(table).warnings.find((w) => w.includes('duplicate row'));
        expect(warning === undefined ? 0 : Number(warning.split(' ')[0])).toBe(dup);
        if (withKey) expect(dup).toBe(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('a range wider than the largest double', () => {
  it('gets a finite histogram instead of a RangeError (numpy overflows here too)', async () => {
    const { autoBinCount, histogram } = await import('../../src/data/stats.ts');
    const sorted = Float64Array.from([-1.7e308, -1e300, 0, 5, 1e300, 1.7e308]);
    const bins = autoBinCount(sorted);
    expect(Number.isInteger(bins) && bins >= 1).toBe(true);
    const h = histogram(sorted, bins);
    expect(h.edges).toHaveLength(bins + 1);
    expect(h.edges.every(Number.isFinite)).toBe(true);
    expect(h.edges[0]).toBe(-1.7e308);
    expect(h.edges[bins]).toBe(1.7e308);
    for (let i = 1; i <= bins; i++) expect(h.edges[i]).toBeGreaterThan(h.edges[i - 1]);
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(sorted.length);
    // Two bins: the negative half and the positive half.
    expect(histogram(sorted, 2).counts).toEqual([2, 4]);
    // And the profile of such a column works end to end.
    const p = profileColumn(aq.table({ x: [...sorted] }), 'x');
    expect(p.histogram?.counts.reduce((a: number, b: number) => a + b, 0)).toBe(sorted.length);
  });
});
