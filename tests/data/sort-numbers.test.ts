// The profile's radix sort (src/data/sort-numbers.ts) must order doubles
// exactly as Float64Array.prototype.sort does: by value, -0 before +0,
// NaN (either sign bit) last, at every length (short arrays take the native sort).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sortFloat64 } from '../../src/data/sort-numbers.ts';

/** A NaN with its sign bit set (native sort still puts it last; a naive bit-key sort would put it first). */
function negativeNaN(): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setUint32(0, 0xfff80000);
  view.setUint32(4, 1);
  return view.getFloat64(0);
}

const special = fc.constantFrom(0, -0, 1, -1, Infinity, -Infinity, NaN, negativeNaN(), 5e-324, -5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, 2 ** 53, 0.1, 1e-300);
const value = fc.oneof(special, fc.integer({ min: -1000, max: 1000 }), fc.double());

function expectSameOrder(actual: Float64Array, expected: Float64Array): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (!Object.is(actual[i], expected[i])) throw new Error(`index ${i}: ${actual[i]} (sorted) vs ${expected[i]} (native sort)`);
  }
}

describe('sortFloat64', () => {
  it('orders like the native sort on long arrays (the radix path) with signed zeros, NaN, infinities and subnormals', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 50 }), fc.integer({ min: 4096, max: 9000 }), fc.integer(), (pool, n, seed) => {
        let s = seed >>> 0;
        const xs = Float64Array.from({ length: n }, () => pool[(s = (Math.imul(s, 1103515245) + 12345) >>> 0) % pool.length]);
        const expected = xs.slice().sort();
        expectSameOrder(sortFloat64(xs), expected);
      }),
      { numRuns: 60 },
    );
  });

  it('takes the shortcuts only where the order is the native one: sorted input, whole numbers in a narrow range', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: -60, max: 60 }), fc.constantFrom(-0, 0.5, NaN, 1e6)), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 4096, max: 6000 }),
        fc.integer(),
        fc.boolean(),
        (pool, n, seed, presorted) => {
          let s = seed >>> 0;
          const xs = Float64Array.from({ length: n }, () => pool[(s = (Math.imul(s, 1103515245) + 12345) >>> 0) % pool.length]);
          const expected = xs.slice().sort();
          // Half the runs start sorted by value only (+0 and -0 in the order drawn): sorted input that is not quite the native order.
          if (presorted) xs.set(Float64Array.from([...xs].sort((a, b) => a - b)));
          expectSameOrder(sortFloat64(xs), expected);
        },
      ),
      { numRuns: 80 },
    );
    // Row ids in order, and a column of small counts: the shortcuts' own cases.
    const ids = Float64Array.from({ length: 10_000 }, (_, i) => i);
    expectSameOrder(sortFloat64(ids.slice()), ids);
    const counts = Float64Array.from({ length: 10_000 }, (_, i) => (i * 7919) % 1000);
    expectSameOrder(sortFloat64(counts.slice()), counts.slice().sort());
    const zeros = Float64Array.from({ length: 5000 }, (_, i) => (i % 2 ? 0 : -0));
    expectSameOrder(sortFloat64(zeros.slice()), zeros.slice().sort());
  });

  it('sorts a subarray in place without touching the rest of its buffer', () => {
    const buffer = new Float64Array(10_002);
    buffer[0] = 42;
    buffer[10_001] = -42;
    const inner = buffer.subarray(1, 10_001);
    for (let i = 0; i < inner.length; i++) inner[i] = ((i * 7919) % 10_000) - 5000.5;
    const expected = inner.slice().sort();
    expect(sortFloat64(inner)).toBe(inner);
    expectSameOrder(inner, expected);
    expect([buffer[0], buffer[10_001]]).toEqual([42, -42]);
  });

  it('orders short arrays (the native path) the same way', () => {
    const xs = Float64Array.from([3, -0, NaN, 0, -Infinity, 2, negativeNaN()]);
    expectSameOrder(sortFloat64(xs), Float64Array.from([-Infinity, -0, 0, 2, 3, NaN, NaN]));
  });
});
