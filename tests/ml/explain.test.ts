// Explanations on models whose answer is known: permutation importance when
// only one feature matters, partial dependence of linear and logistic models
// against scikit-learn's partial_dependence (tests/fixtures/make_eval_fixtures.py).
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { describe, expect, it } from 'vitest';
import fx from '../fixtures/eval_explain.json' with { type: 'json' };
import type { Scalar } from '../../src/core/outputs.ts';
import type { Prediction, TrainedModel } from '../../src/core/values.ts';
import { seededRandom } from '../../src/core/random.ts';
import { modelImportances, partialDependence, permutationImportance } from '../../src/ml/explain/index.ts';

/** A fixed linear (or logistic, two classes 0/1) model over named features: no training needed. */
function fakeModel(features: string[], coef: number[], intercept: number, kind: 'linear' | 'logistic', target = 'y'): TrainedModel {
  const classify = kind === 'logistic';
  return {
    modelType: kind, task: classify ? 'classification' : 'regression', target, features, classes: classify ? [0, 1] : undefined,
    async predict(table: ColumnTable): Promise<Prediction> {
      const cols = features.map((f) => table.array(f) as ArrayLike<number>);
      const z = Array.from({ length: table.numRows() }, (_, i) => cols.reduce((a, c, j) => a + coef[j] * c[i], intercept));
      if (!classify) return { predictions: z };
      const p = z.map((v) => 1 / (1 + Math.exp(-v)));
      return { predictions: p.map((v): Scalar => (v > 0.5 ? 1 : 0)), probabilities: p.map((v) => [1 - v, v]), classes: [0, 1] };
    },
    describe: () => ({}),
    dispose: () => undefined,
  };
}

function fixtureTable(): ColumnTable {
  const X = fx.X as number[][];
  return aq.table({ a: X.map((r) => r[0]), b: X.map((r) => r[1]), c: X.map((r) => r[2]) });
}

describe('permutation importance', () => {
  const r = seededRandom(5);
  const n = 120;
  const x1 = Array.from({ length: n }, () => r() * 2 - 1);
  const x2 = Array.from({ length: n }, () => r() * 2 - 1);
  const table = aq.table({ x1, x2, y: x1.map((v) => 4 * v), label: x1.map((v) => (v > 0 ? 1 : 0)) });

  it('regression (R²): only the feature that matters loses score; seeded', async () => {
    const model = fakeModel(['x1', 'x2'], [4, 0], 0, 'linear');
    const res = await permutationImportance(model, table, { nRepeats: 4, seed: 3 });
    expect(res.scoring).toBe('r2');
    expect(res.baseline).toBeCloseTo(1, 12);
    expect(res.features[0].mean).toBeGreaterThan(1);
    expect(res.features[1].mean).toBe(0);
    expect(res.features[1].std).toBe(0);
    expect(res.features[0].importances).toHaveLength(4);
    expect(await permutationImportance(model, table, { nRepeats: 4, seed: 3 })).toEqual(res);
  });

  it('classification (accuracy and ROC-AUC)', async () => {
    const model = fakeModel(['x1', 'x2'], [20, 0], 0, 'logistic', 'label');
    for (const scoring of ['accuracy', 'roc_auc'] as const) {
      const res = await permutationImportance(model, table, { scoring, nRepeats: 3, seed: 1 });
      expect(res.baseline).toBe(1);
      expect(res.features[0].mean).toBeGreaterThan(0.3);
      expect(res.features[1].mean).toBe(0);
    }
  });
});

describe('partial dependence vs sklearn', () => {
  const table = fixtureTable();
  const lin = fakeModel(['a', 'b', 'c'], fx.linear.coef, fx.linear.intercept, 'linear');

  it('linear model: sklearn grid (quantile range or distinct values) and averages; slope = coefficient', async () => {
    for (const c of fx.linear.cases) {
      const feature = ['a', 'b', 'c'][c.feature];
      const pd = await partialDependence(lin, table, feature, { gridResolution: 10 });
      expect(pd.grid).toHaveLength(c.grid.length);
      pd.grid.forEach((g, i) => expect(Math.abs(g - c.grid[i])).toBeLessThanOrEqual(1e-9));
      pd.curves[0].average.forEach((v, i) => expect(Math.abs(v - c.average[i])).toBeLessThanOrEqual(1e-9));
      const slope = (pd.curves[0].average.at(-1)! - pd.curves[0].average[0]) / (pd.grid.at(-1)! - pd.grid[0]);
      expect(slope).toBeCloseTo(fx.linear.coef[c.feature], 9);
    }
  });

  it('binary classifier: positive-class probability averaged', async () => {
    const model = fakeModel(['a', 'b', 'c'], fx.logistic.coef, fx.logistic.intercept, 'logistic');
    const pd = await partialDependence(model, table, 'a', { gridResolution: 8 });
    pd.grid.forEach((g, i) => expect(Math.abs(g - fx.logistic.grid[i])).toBeLessThanOrEqual(1e-9));
    expect(pd.curves.map((c) => c.output)).toEqual([1]);
    pd.curves[0].average.forEach((v, i) => expect(Math.abs(v - fx.logistic.average[i])).toBeLessThanOrEqual(1e-9));
  });

  it('refuses a feature the model does not use', async () => {
    await expect(partialDependence(lin, table, 'zzz')).rejects.toThrow(/not one of the model's features/);
  });
});

describe('built-in importances', () => {
  it('uses featureImportances() when the model has it', () => {
    const plain = fakeModel(['a', 'b'], [1, 1], 0, 'linear');
    expect(modelImportances(plain)).toBeUndefined();
    const withArray = Object.assign(fakeModel(['a', 'b'], [1, 1], 0, 'linear'), { featureImportances: () => [0.75, 0.25] });
    expect(modelImportances(withArray)).toEqual([{ feature: 'a', importance: 0.75 }, { feature: 'b', importance: 0.25 }]);
    const withRecord = Object.assign(fakeModel(['a', 'b'], [1, 1], 0, 'linear'), { featureImportances: () => ({ b: 1 }) });
    expect(modelImportances(withRecord)).toEqual([{ feature: 'a', importance: 0 }, { feature: 'b', importance: 1 }]);
  });
});
