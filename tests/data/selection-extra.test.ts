import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chi2, fClassif, varianceThreshold } from '../../src/data/selection/index.ts';
import { discretize, mutualInfoClassif, mutualInfoScore } from '../../src/data/selection/mutual-info.ts';
import { correlationFilter, correlationRatio } from '../../src/data/selection/correlation-filter.ts';
import { rfe } from '../../src/data/selection/rfe.ts';

const fx = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/data_selection.json', import.meta.url)), 'utf8')) as {
  names: string[]; X: number[][]; y: number[]; variances: number[]; f: (number | null)[]; fp: (number | null)[];
  chi2: number[]; chi2p: number[]; binned: number[][]; mi: number[];
};
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
const columns = fx.names.map((_, j) => fx.X.map((r) => r[j]));

describe('selection scores match sklearn (data_selection.json)', () => {
  it('variance, F (constant feature: NaN like sklearn) and chi²', () => {
    varianceThreshold(fx.X).variances.forEach((v, j) => expect(close(v, fx.variances[j])).toBe(true));
    const f = fClassif(fx.X, fx.y);
    f.scores.forEach((v, j) => (fx.f[j] === null ? expect(Number.isNaN(v)).toBe(true) : expect(close(v, fx.f[j] as number)).toBe(true)));
    const c = chi2(fx.X.map((r) => r.map(Math.abs)), fx.y);
    c.scores.forEach((v, j) => expect(close(v, fx.chi2[j])).toBe(true));
  });

  it('discretizes like the fixture and gives mutual_info_classif(discrete_features=True)', () => {
    const binned = columns.map((c) => discretize(c, 10));
    expect(fx.binned).toEqual(fx.X.map((_, i) => binned.map((c) => c[i])));
    const mi = mutualInfoClassif(fx.binned, fx.y);
    mi.forEach((v, j) => expect(Math.abs(v - fx.mi[j])).toBeLessThan(1e-12));
    expect(mutualInfoScore([1, 1, 2, 2], ['a', 'a', 'b', 'b'])).toBeCloseTo(Math.log(2), 12);
  });
});

describe('correlation filter', () => {
  it('drops the member of a correlated pair less related to the target', () => {
    const r = correlationFilter(columns, fx.y, 0.5);
    // f0 and f1 are correlated; f0 carries the class signal, so f1 goes.
    expect(r.keep[0]).toBe(true);
    expect(r.keep[1]).toBe(false);
    expect(r.dropped.find((d) => d.feature === 1)?.kept).toBe(0);
  });

  it('uses the correlation ratio for class labels', () => {
    expect(correlationRatio([1, 1, 5, 5], ['a', 'a', 'b', 'b'])).toBeCloseTo(1, 12);
    expect(correlationRatio([1, 5, 1, 5], ['a', 'a', 'b', 'b'])).toBeCloseTo(0, 12);
  });
});

describe('rfe', () => {
  it('removes the least important step features per round and ranks like sklearn', async () => {
    const weight = [5, 1, 4, 2, 3];
    const calls: number[][] = [];
    const res = await rfe(5, 2, 1, async (idx) => {
      calls.push(idx);
      return idx.map((j) => weight[j]);
    });
    expect(res.keep).toEqual([true, false, true, false, false]);
    expect(res.ranking).toEqual([1, 4, 1, 3, 2]);
    expect(calls.map((c) => c.length)).toEqual([5, 4, 3, 2]);
    const two = await rfe(5, 1, 2, async (idx) => idx.map((j) => weight[j]));
    expect(two.ranking).toEqual([1, 3, 2, 3, 2]);
  });
});
