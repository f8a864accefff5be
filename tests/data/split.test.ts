import { describe, expect, it } from 'vitest';
import { partSizes, randomSplit, stratifiedCounts, stratifiedSplit, PARTS, type Fractions, type SplitIndices } from '../../src/data/split.ts';
import { CellError } from '../../src/core/errors.ts';
import { seededRandom } from '../../src/core/random.ts';

const f = (train: number, validation: number, test: number): Fractions => ({ train, validation, test });

function expectPartition(s: SplitIndices, n: number): void {
  const all = [...s.train, ...s.validation, ...s.test].sort((a, b) => a - b);
  expect(all).toEqual(Array.from({ length: n }, (_, i) => i));
  for (const p of PARTS) {
    // Original order kept within each part.
    for (let i = 1; i < s[p].length; i++) expect(s[p][i]).toBeGreaterThan(s[p][i - 1]);
  }
}

describe('randomSplit', () => {
  it('is an exact partition with rounded sizes', () => {
    const s = randomSplit(101, f(0.7, 0.15, 0.15), 42);
    expectPartition(s, 101);
    expect([s.train.length, s.validation.length, s.test.length]).toEqual(partSizes(101, f(0.7, 0.15, 0.15)));
    expect(s.train.length + s.validation.length + s.test.length).toBe(101);
    expect(Math.abs(s.train.length - 70.7)).toBeLessThan(1);
  });

  it('is reproducible with a seed and different with another', () => {
    expect(randomSplit(200, f(0.6, 0.2, 0.2), 7)).toEqual(randomSplit(200, f(0.6, 0.2, 0.2), 7));
    expect(randomSplit(200, f(0.6, 0.2, 0.2), 8).test).not.toEqual(randomSplit(200, f(0.6, 0.2, 0.2), 7).test);
  });

  it('allows empty validation or test parts', () => {
    const s = randomSplit(10, f(0.8, 0, 0.2), 1);
    expect(s.validation).toEqual([]);
    expect(s.test).toHaveLength(2);
    expectPartition(s, 10);
  });

  it('keeps every part within one row of its fraction', () => {
    for (const n of [1, 2, 3, 7, 10, 99]) {
      const sizes = partSizes(n, f(0.5, 0.25, 0.25));
      expect(sizes.reduce((a, b) => a + b)).toBe(n);
      sizes.forEach((s, i) => expect(Math.abs(s - n * [0.5, 0.25, 0.25][i])).toBeLessThan(1));
    }
  });

  it('rejects fractions that do not add up to 1', () => {
    expect(() => randomSplit(10, f(0.7, 0.2, 0.2), 1)).toThrow(CellError);
    expect(() => randomSplit(10, f(0, 0.5, 0.5), 1)).toThrow(/train fraction/);
  });
});

describe('stratifiedSplit', () => {
  it('keeps each class within one row of its proportion in every part', () => {
    const random = seededRandom(3);
    const labels = Array.from({ length: 523 }, () => {
      const u = random();
      return u < 0.62 ? 'a' : u < 0.9 ? 'b' : u < 0.97 ? 'c' : 'd';
    });
    const fr = f(0.7, 0.15, 0.15);
    const s = stratifiedSplit(labels, fr, 42);
    expectPartition(s, labels.length);
    for (const cls of ['a', 'b', 'c', 'd']) {
      const nc = labels.filter((l) => l === cls).length;
      for (const p of PARTS) {
        const got = s[p].filter((i) => labels[i] === cls).length;
        expect(Math.abs(got - nc * fr[p]), `${cls} in ${p}`).toBeLessThan(1);
      }
    }
    for (const p of PARTS) expect(Math.abs(s[p].length - labels.length * fr[p])).toBeLessThan(1);
  });

  it('is reproducible and seed-dependent', () => {
    const labels = Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? 'x' : 'y'));
    expect(stratifiedSplit(labels, f(0.5, 0.25, 0.25), 1)).toEqual(stratifiedSplit(labels, f(0.5, 0.25, 0.25), 1));
    expect(stratifiedSplit(labels, f(0.5, 0.25, 0.25), 2).train).not.toEqual(stratifiedSplit(labels, f(0.5, 0.25, 0.25), 1).train);
  });

  it('allocates counts so classes and parts both add up, even with many small classes', () => {
    for (let trial = 0; trial < 200; trial++) {
      const random = seededRandom(trial);
      const sizes = Array.from({ length: 1 + Math.floor(random() * 12) }, () => 1 + Math.floor(random() * 9));
      const a = random();
      const b = random() * (1 - a);
      const fr = f(Math.max(0.05, 1 - a - b), b, 1 - Math.max(0.05, 1 - a - b) - b);
      const counts = stratifiedCounts(sizes, fr);
      const n = sizes.reduce((x, y) => x + y);
      counts.forEach((row, c) => {
        expect(row.reduce((x, y) => x + y)).toBe(sizes[c]);
        row.forEach((x, p) => expect(Math.abs(x - sizes[c] * [fr.train, fr.validation, fr.test][p])).toBeLessThan(1));
      });
      [fr.train, fr.validation, fr.test].forEach((x, p) => {
        const total = counts.reduce((s, row) => s + row[p], 0);
        expect(total).toBeLessThanOrEqual(Math.ceil(n * x - 1e-9));
      });
    }
  });
});
