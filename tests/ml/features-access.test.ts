// Feature matrices read typed and plain column arrays directly; filtered and
// ordered tables must still give rows in table order.
import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { columnValues, featureMatrix, isNumericColumn, selectFeatures } from '../../src/ml/features.ts';

describe('direct column access', () => {
  const t = aq.table({ a: Float64Array.of(3, 1, 2, 5), b: [30, 10, 20, 50], s: ['c', 'a', 'b', 'e'], n: Float64Array.of(NaN, NaN, NaN, NaN) });

  it('follows filters and orderby for typed and plain arrays', () => {
    const v = t.filter((d: { a: number }) => d.a > 1).orderby('a');
    expect(Array.from(featureMatrix(v, ['a', 'b']).X)).toEqual([2, 20, 3, 30, 5, 50]);
    expect(columnValues(v, 's')).toEqual(['b', 'c', 'e']);
    expect(Array.from(featureMatrix(t, ['a']).X)).toEqual([3, 1, 2, 5]);
  });

  it('a typed column of NaN is not numeric; missing typed values are refused', () => {
    expect(isNumericColumn(t, 'n')).toBe(false);
    expect(selectFeatures(t, 's', [])).toEqual(['a', 'b']);
    expect(() => featureMatrix(t, ['n'])).toThrow(/4 missing values/);
  });
});
