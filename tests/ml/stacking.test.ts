// Out-of-fold stacking (StackModel): members re-fitted per fold through
// TrainedModel.refit, the meta-learner fitted on out-of-fold predictions
// (checked against a hand computation), fold models disposed, and stacking
// of complementary members at least as good as the best member.
import { beforeAll, describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { Prediction, TrainedModel } from '../../src/core/values.ts';
import { seededRandom } from '../../src/core/random.ts';
import { fitModel, fitTreeModel } from '../../src/ml/fit.ts';
import { initBackend } from '../../src/ml/backend.ts';
import { tf } from '../../src/ml/tf.ts';
import { classificationMetrics } from '../../src/ml/metrics/index.ts';
import { targetLabels } from '../../src/ml/features.ts';
import { StackModel, fitLogistic, fitRidge } from '../../src/ml/ensemble/index.ts';
import { stratifiedKFold, kFold } from '../../src/ml/validation/index.ts';

beforeAll(async () => {
  await initBackend({ order: ['wasm', 'cpu'] });
});

/**
 * A model that predicts, for every row, the mean target of the rows it was
 * fitted on (times `factor`): P(1) for classification, the value for regression.
 */
class MeanModel implements TrainedModel {
  readonly modelType = 'mean';
  readonly features = ['x'];
  readonly classes?: number[];
  static fits: { rows: number[]; disposed: boolean }[] = [];
  disposed = false;
  constructor(readonly task: 'classification' | 'regression', readonly target: string, readonly value: number, readonly factor: number) {
    if (task === 'classification') this.classes = [0, 1];
  }
  static fit(table: ColumnTable, task: 'classification' | 'regression', factor: number): MeanModel {
    const y = table.array('y') as number[];
    return new MeanModel(task, 'y', (factor * y.reduce((a, b) => a + b, 0)) / y.length, factor);
  }
  async refit(table: ColumnTable): Promise<TrainedModel> {
    const m = MeanModel.fit(table, this.task, this.factor);
    const record = { rows: table.array('id') as number[], disposed: false };
    MeanModel.fits.push(record);
    const dispose = m.dispose.bind(m);
    m.dispose = () => { record.disposed = true; dispose(); };
    return m;
  }
  async predict(table: ColumnTable): Promise<Prediction> {
    const n = table.numRows();
    if (this.task === 'regression') return { predictions: new Array<number>(n).fill(this.value) };
    const p = Math.min(0.99, Math.max(0.01, this.value));
    return { predictions: new Array<number>(n).fill(p > 0.5 ? 1 : 0), probabilities: Array.from({ length: n }, () => [1 - p, p]), classes: [0, 1] };
  }
  describe() { return { modelType: this.modelType }; }
  dispose() { this.disposed = true; }
}

function table(n: number, seed: number): ColumnTable {
  const r = seededRandom(seed);
  const x = Array.from({ length: n }, () => r());
  return aq.table({ id: Array.from({ length: n }, (_, i) => i), x, y: x.map((v) => (v + 0.3 * r() > 0.6 ? 1 : 0)) });
}

describe('StackModel.fitOutOfFold', () => {
  it('fits the meta-learner on hand-computable out-of-fold predictions; folds never see their test rows; fold models disposed', async () => {
    const t = table(40, 1);
    const y = t.array('y') as number[];
    const a = MeanModel.fit(t, 'classification', 1);
    const b = MeanModel.fit(t, 'classification', 0.8);
    MeanModel.fits = [];
    const stack = await StackModel.fitOutOfFold([{ name: 'a', model: a }, { name: 'b', model: b }], t, { folds: 4, seed: 3, C: 2 });
    expect(stack.modelType).toBe('stacking');
    expect(MeanModel.fits).toHaveLength(8);
    expect(MeanModel.fits.every((f) => f.disposed)).toBe(true);
    const folds = stratifiedKFold(targetLabels(t, 'y'), 4, 3);
    // Each refit saw exactly its fold's training rows.
    folds.forEach((f, k) => {
      expect(MeanModel.fits[2 * k].rows).toEqual(f.train);
      expect(MeanModel.fits[2 * k + 1].rows).toEqual(f.train);
    });
    // By hand: row i's features are P(1) of the two members fitted without i's fold.
    const X = new Float64Array(40 * 2);
    for (const f of folds) {
      const mean = f.train.reduce((s, i) => s + y[i], 0) / f.train.length;
      const clip = (p: number) => Math.min(0.99, Math.max(0.01, p));
      for (const i of f.test) { X[2 * i] = clip(mean); X[2 * i + 1] = clip(0.8 * mean); }
    }
    const expected = fitLogistic(X, 40, 2, y, 2, 2);
    expect(stack.meta.kind).toBe('logistic');
    if (stack.meta.kind !== 'logistic') return;
    stack.meta.coef[0].forEach((c, k) => expect(c).toBeCloseTo(expected.coef[0][k], 8));
    expect(stack.meta.intercept[0]).toBeCloseTo(expected.intercept[0], 8);
    // The final members are the given ones, untouched.
    expect(stack.members.map((m) => m.model)).toEqual([a, b]);
    expect(a.disposed || b.disposed).toBe(false);
    expect(stack.describe()).toMatchObject({ modelType: 'stacking', folds: 4, trainRows: 40 });
  });

  it('regression: ridge on out-of-fold predictions with shuffled K-fold', async () => {
    const r = seededRandom(4);
    const t = aq.table({ id: Array.from({ length: 30 }, (_, i) => i), x: Array.from({ length: 30 }, () => r()), y: Array.from({ length: 30 }, () => r() * 10) });
    const y = t.array('y') as number[];
    const members = [{ name: 'a', model: MeanModel.fit(t, 'regression', 1) }, { name: 'b', model: MeanModel.fit(t, 'regression', 2) }];
    const stack = await StackModel.fitOutOfFold(members, t, { folds: 3, seed: 5, alpha: 0.5 });
    const X = new Float64Array(60);
    for (const f of kFold(30, 3, 5)) {
      const mean = f.train.reduce((s, i) => s + y[i], 0) / f.train.length;
      for (const i of f.test) { X[2 * i] = mean; X[2 * i + 1] = 2 * mean; }
    }
    const expected = fitRidge(X, 30, 2, y, 0.5);
    if (stack.meta.kind !== 'ridge') throw new Error('expected ridge');
    stack.meta.coef.forEach((c, k) => expect(c).toBeCloseTo(expected.coef[k], 5)); // collinear members: summation order shows at 1e-9
    expect(stack.meta.intercept).toBeCloseTo(expected.intercept, 5);
  });

  it('refuses a member that cannot be re-fitted', async () => {
    const t = table(20, 2);
    const plain = MeanModel.fit(t, 'classification', 1);
    const frozen = Object.assign(Object.create(Object.getPrototypeOf(plain)), plain, { refit: undefined }) as TrainedModel;
    await expect(StackModel.fitOutOfFold([{ name: 'a', model: plain }, { name: 'f', model: frozen }], t)).rejects.toThrow(/cannot be re-fitted/);
  });
});

describe('refit of trained models', () => {
  it('a TfjsModel and a TreeModel refit with their own settings; the fresh model is independent', async () => {
    const t = table(60, 3);
    const before = tf.memory().numTensors;
    const { model } = await fitModel(t, { target: 'y', features: ['x'], model: 'logistic', optimizer: 'adam', learningRate: 0.1, epochs: 3, batchSize: 16, seed: 1 });
    const again = await model.refit!(t);
    expect(again.features).toEqual(['x']);
    expect(again.modelType).toBe('logistic');
    expect((again.describe() as { training?: { epochs?: number } }).training?.epochs ?? 3).toBe(3);
    const p1 = await model.predict(t);
    const p2 = await again.predict(t);
    expect(p2.probabilities).toEqual(p1.probabilities); // same settings and seed → same weights
    again.dispose();
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
    const tree = (await fitTreeModel(t, { target: 'y', features: ['x'], rounds: 5, maxDepth: 2, seed: 1 })).model;
    const tree2 = await tree.refit!(t);
    expect(await tree2.predict(t)).toEqual(await tree.predict(t));
  });
});

/** y depends on x1 + x2; one member sees x1, the other x2. */
function complementary(rows: number, seed: number): ColumnTable {
  const r = seededRandom(seed);
  const x1 = Array.from({ length: rows }, () => r() * 2 - 1);
  const x2 = Array.from({ length: rows }, () => r() * 2 - 1);
  return aq.table({ x1, x2, y: x1.map((a, i) => (a + x2[i] + 0.3 * (r() - 0.5) > 0 ? 1 : 0)) });
}

describe('stacking on a complementary problem', () => {
  it('is at least as accurate as the best member (within a margin)', async () => {
    const train = complementary(500, 11);
    const test = complementary(600, 12);
    const opts = { target: 'y', rounds: 20, maxDepth: 2, learningRate: 0.3, seed: 1 };
    const a = (await fitTreeModel(train, { ...opts, features: ['x1'] })).model;
    const b = (await fitTreeModel(train, { ...opts, features: ['x2'] })).model;
    const stack = await StackModel.fitOutOfFold([{ name: 'a', model: a }, { name: 'b', model: b }], train, { folds: 5, seed: 1 });
    const truth = targetLabels(test, 'y');
    const acc = async (m: TrainedModel) => {
      const p = await m.predict(test);
      return classificationMetrics(truth, p.predictions, p.probabilities, p.classes ?? [0, 1]).metrics.accuracy;
    };
    const best = Math.max(await acc(a), await acc(b));
    const stacked = await acc(stack);
    expect(stacked).toBeGreaterThanOrEqual(best - 0.01);
    expect(stacked).toBeGreaterThan(best); // complementary members: the meta-learner combines both
  });
});
