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
