// Cross-validation folds: the guarantees of scikit-learn's splitters (their
// shuffles cannot be reproduced, their properties can), and TimeSeriesSplit
// indices equal to scikit-learn's (tests/fixtures/make_eval_fixtures.py).
import { describe, expect, it } from 'vitest';
import fx from '../fixtures/eval_metrics.json' with { type: 'json' };
import { groupKFold, kFold, stratifiedKFold, timeFolds, type Fold } from '../../src/ml/validation/folds.ts';

function expectPartition(folds: Fold[], n: number): void {
  const tests = folds.flatMap((f) => f.test).sort((a, b) => a - b);
  expect(tests).toEqual(Array.from({ length: n }, (_, i) => i));
  for (const f of folds) {
    expect([...f.train, ...f.test].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
    expect(new Set(f.train).size + new Set(f.test).size).toBe(n);
  }
}

describe('folds', () => {
  it('kfold: test parts partition the rows, sizes like sklearn KFold, seeded', () => {
    for (const [key, sizes] of Object.entries(fx.folds.kfold_test_sizes)) {
      const [n, k] = key.split(',').map(Number);
      const folds = kFold(n, k, 3);
      expectPartition(folds, n);
      expect(folds.map((f) => f.test.length)).toEqual(sizes);
    }
    expect(kFold(23, 5, 7)).toEqual(kFold(23, 5, 7));
    expect(kFold(23, 5, 7)).not.toEqual(kFold(23, 5, 8));
  });

  it('stratified: every class within one row of its share in every fold', () => {
    const labels = Array.from({ length: 53 }, (_, i) => (i % 7 === 0 ? 'rare' : i % 2 ? 'a' : 'b'));
    const k = 4;
    const folds = stratifiedKFold(labels, k, 11);
    expectPartition(folds, labels.length);
    for (const cls of ['rare', 'a', 'b']) {
      const total = labels.filter((l) => l === cls).length;
      for (const f of folds) {
        const c = f.test.filter((i) => labels[i] === cls).length;
        expect(c).toBeGreaterThanOrEqual(Math.floor(total / k));
        expect(c).toBeLessThanOrEqual(Math.ceil(total / k));
      }
    }
    const sizes = folds.map((f) => f.test.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('group: no group on both sides, sizes balanced greedily', () => {
    const groups = Array.from({ length: 40 }, (_, i) => `u${Math.floor((i * i) % 13)}`);
    const folds = groupKFold(groups, 3);
    expectPartition(folds, groups.length);
    for (const f of folds) {
      const testGroups = new Set(f.test.map((i) => groups[i]));
      expect(f.train.some((i) => testGroups.has(groups[i]))).toBe(false);
    }
    expect(() => groupKFold(['a', 'a', 'b'], 3)).toThrow(/distinct groups/);
  });

  it('time: TimeSeriesSplit indices, and no future rows in training', () => {
    for (const [key, expected] of Object.entries(fx.folds.time_series)) {
      const [n, k] = key.split(',').map(Number);
      expect(timeFolds(n, k)).toEqual(expected);
    }
    // Rows out of time order: folds follow the times, not the row numbers.
    const times = [5, 1, 9, 3, 7, 2, 8, 4, 6, 0, 11, 10];
    for (const f of timeFolds(times.length, 3, times)) {
      const latestTrain = Math.max(...f.train.map((i) => times[i]));
      expect(Math.min(...f.test.map((i) => times[i]))).toBeGreaterThan(latestTrain);
    }
  });
});
