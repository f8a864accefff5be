import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chi2, fClassif, varianceThreshold } from '../../src/data/selection/index.ts';
import { CellError } from '../../src/core/errors.ts';

const fx = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/ts_selection.json', import.meta.url)), 'utf8')) as {
  X: number[][]; y: number[]; f: number[]; fp: number[]; chi2: number[]; chi2p: number[]; variances: number[]; support: boolean[];
};
const rel = (a: number[], b: number[], label: string) => b.forEach((v, i) => expect(Math.abs(a[i] - v) / Math.max(Math.abs(v), 1e-300), `${label}[${i}]: ${a[i]} vs ${v}`).toBeLessThanOrEqual(1e-9));

describe('feature selection matches sklearn', () => {
  it('f_classif', () => {
    const r = fClassif(fx.X, fx.y);
    rel(r.scores, fx.f, 'F');
    rel(r.pValues, fx.fp, 'p');
  });
  it('chi2 on |X|', () => {
    const r = chi2(fx.X.map((row) => row.map(Math.abs)), fx.y);
    rel(r.scores, fx.chi2, 'chi2');
    rel(r.pValues, fx.chi2p, 'p');
    expect(() => chi2([[-1]], [0])).toThrow(CellError);
  });
  it('variance threshold', () => {
    const r = varianceThreshold(fx.X, 0.01);
    rel(r.variances, fx.variances, 'variance');
    expect(r.support).toEqual(fx.support);
  });
});
