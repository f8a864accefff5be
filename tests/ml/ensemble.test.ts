// Ensembles (src/ml/ensemble): voting rules and meta-learners against
// scikit-learn 1.2.1 (tests/fixtures/make_ensemble_fixtures.py →
// ensemble.json), and a blend of complementary models on synthetic data.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { Prediction, TrainedModel } from '../../src/core/values.ts';
import type { Scalar } from '../../src/core/outputs.ts';
import { seededRandom } from '../../src/core/random.ts';
import { fitTreeModel } from '../../src/ml/fit.ts';
import { rocAuc } from '../../src/ml/metrics/index.ts';
import { targetLabels } from '../../src/ml/features.ts';
import { BlendModel, VotingModel, fitLogistic, fitRidge, hardVote, logisticProba, resolveWeights, softVote } from '../../src/ml/ensemble/index.ts';

const fx = JSON.parse(readFileSync(new URL('../fixtures/ensemble.json', import.meta.url), 'utf8'));

/** A "trained" model whose outputs for row i are given (the row's `i` column). */
class FixedModel implements TrainedModel {
  readonly modelType = 'fixed';
  readonly features = ['i'];
  disposed = false;
  constructor(
    readonly task: 'classification' | 'regression',
    readonly target: string,
    readonly classes: Scalar[] | undefined,
    private readonly out: { proba?: number[][]; labels?: Scalar[]; values?: number[] },
  ) {}
  async predict(table: ColumnTable): Promise<Prediction> {
    const rows = (table.array('i') as number[]).map(Number);
    if (this.task === 'regression') return { predictions: rows.map((i) => this.out.values![i]) };
    if (this.out.proba) {
      const probabilities = rows.map((i) => this.out.proba![i]);
      return { predictions: probabilities.map((p) => this.classes![p.indexOf(Math.max(...p))]), probabilities, classes: this.classes };
    }
    return { predictions: rows.map((i) => this.out.labels![i]) };
  }
  describe() {
    return { modelType: this.modelType };
  }
  dispose() {
    this.disposed = true;
  }
}

const n = fx.y.length as number;
const rowsTable = aq.table({ i: Array.from({ length: n }, (_, i) => i), y: fx.y });
const classes: string[] = fx.classes;

describe('voting rules (scikit-learn VotingClassifier / VotingRegressor)', () => {
  it('soft voting is the weighted mean of the probabilities', async () => {
    const members = (fx.probas as number[][][]).map((proba, j) => ({ name: `m${j}`, model: new FixedModel('classification', 'y', classes, { proba }) }));
    const vote = new VotingModel(members, { voting: 'soft', weights: fx.weights });
    const pred = await vote.predict(rowsTable);
    pred.probabilities!.forEach((row, i) => row.forEach((p, k) => expect(p).toBeCloseTo(fx.soft.proba[i][k], 12)));
    expect(pred.predictions).toEqual(fx.soft.pred);
    expect(pred.classes).toEqual(classes);
    // By hand, equal weights: the plain mean.
    const plain = softVote(fx.probas, [1, 1, 1]);
    expect(plain[0][1]).toBeCloseTo((fx.probas[0][0][1] + fx.probas[1][0][1] + fx.probas[2][0][1]) / 3, 14);
  });

  it('soft voting aligns members whose classes come in another order', async () => {
    const a = new FixedModel('classification', 'y', ['a', 'b', 'c'], { proba: [[0.7, 0.2, 0.1]] });
    const b = new FixedModel('classification', 'y', ['c', 'a', 'b'], { proba: [[0.5, 0.1, 0.4]] }); // c .5, a .1, b .4
    const pred = await new VotingModel([{ name: 'a', model: a }, { name: 'b', model: b }]).predict(aq.table({ i: [0] }));
    expect(pred.probabilities![0][0]).toBeCloseTo(0.4, 12);
    expect(pred.probabilities![0][1]).toBeCloseTo(0.3, 12);
    expect(pred.probabilities![0][2]).toBeCloseTo(0.3, 12);
  });

  it('hard voting: majority, ties to the lowest class index, weights as given', async () => {
    const make = (labels: number[][], weights?: number[]) => new VotingModel(
      labels.map((l, j) => ({ name: `m${j}`, model: new FixedModel('classification', 'y', classes, { labels: l.map((k) => classes[k]) }) })),
      { voting: 'hard', weights },
    );
    const two = await make(fx.hard2.labels).predict(rowsTable);
    expect(two.predictions).toEqual(fx.hard2.pred);
    expect(two.probabilities).toBeUndefined(); // like sklearn: hard voting has no predict_proba
    expect((await make(fx.hard3.labels).predict(rowsTable)).predictions).toEqual(fx.hard3.pred_equal);
    expect((await make(fx.hard3.labels, fx.hard3.weights).predict(rowsTable)).predictions).toEqual(fx.hard3.pred_weighted);
    // The rule itself: a 1–1 tie between classes 2 and 1 goes to 1; 0 beats everything it ties with.
    expect(Array.from(hardVote([[2, 0], [1, 2]], [1, 1], 3).winners)).toEqual([1, 0]);
  });

  it('regression: the weighted mean of the predictions', async () => {
    const members = (fx.regression.values as number[][]).map((values, j) => ({ name: `r${j}`, model: new FixedModel('regression', 'y', undefined, { values }) }));
    const pred = await new VotingModel(members, { weights: fx.weights }).predict(rowsTable);
    (pred.predictions as number[]).forEach((v, i) => expect(v).toBeCloseTo(fx.regression.pred[i], 12));
  });

  it('checks weights and members', () => {
    expect(resolveWeights([], 3)).toEqual([1, 1, 1]);
    expect(() => resolveWeights([1, 2], 3)).toThrow(/one per model/);
    expect(() => resolveWeights([0, 0], 2)).toThrow(/above 0/);
    const m = (task: 'classification' | 'regression', target = 'y', cls: Scalar[] | undefined = classes) => new FixedModel(task, target, cls, {});
    expect(() => new VotingModel([{ name: 'a', model: m('classification') }])).toThrow(/at least two/);
    expect(() => new VotingModel([{ name: 'a', model: m('classification') }, { name: 'b', model: m('regression', 'y', undefined) }])).toThrow(/one task/);
    expect(() => new VotingModel([{ name: 'a', model: m('classification') }, { name: 'b', model: m('classification', 'z') }])).toThrow(/predicts/);
    expect(() => new VotingModel([{ name: 'a', model: m('classification') }, { name: 'b', model: m('classification', 'y', ['a', 'b']) }])).toThrow(/classes/);
  });

  it('dispose() leaves the members alone', async () => {
    const a = new FixedModel('classification', 'y', classes, { proba: fx.probas[0] });
    const b = new FixedModel('classification', 'y', classes, { proba: fx.probas[1] });
    const vote = new VotingModel([{ name: 'a', model: a }, { name: 'b', model: b }]);
    vote.dispose();
    expect(a.disposed).toBe(false);
    expect(b.disposed).toBe(false);
    await expect(vote.predict(rowsTable)).rejects.toThrow(/disposed/);
    expect(vote.describe()).toMatchObject({ modelType: 'voting', voting: 'soft', members: [{ name: 'a' }, { name: 'b' }] });
  });
});

describe('meta-learners (scikit-learn LogisticRegression, Ridge)', () => {
  const flat = (X: number[][]) => Float64Array.from(X.flat());

  it('binary logistic regression matches LogisticRegression(C) to 1e-6', () => {
    const { X, y } = fx.logistic_binary;
    for (const [C, ref] of [[1, fx.logistic_binary.C1], [0.05, fx.logistic_binary.C005]] as const) {
      const m = fitLogistic(flat(X), X.length, X[0].length, y, 2, C);
      m.coef[0].forEach((w, a) => expect(w).toBeCloseTo(ref.coef[0][a], 6));
      expect(m.intercept[0]).toBeCloseTo(ref.intercept[0], 6);
    }
  });

  it('multinomial logistic regression matches LogisticRegression() to 1e-5', () => {
    const { X, y, coef, intercept, proba_first5 } = fx.logistic_multinomial;
    const m = fitLogistic(flat(X), X.length, X[0].length, y, 3, 1);
    m.coef.forEach((row, c) => row.forEach((w, a) => expect(w).toBeCloseTo(coef[c][a], 5)));
    m.intercept.forEach((b, c) => expect(b).toBeCloseTo(intercept[c], 5));
    for (let i = 0; i < 5; i++) logisticProba(m, X[i]).forEach((p, k) => expect(p).toBeCloseTo(proba_first5[i][k], 6));
  });

  it('ridge regression matches Ridge(alpha) to 1e-9', () => {
    const { X, y } = fx.ridge;
    for (const [alpha, ref] of [[1, fx.ridge.a1], [10, fx.ridge.a10]] as const) {
      const m = fitRidge(flat(X), X.length, X[0].length, y, alpha);
      m.coef.forEach((w, a) => expect(w).toBeCloseTo(ref.coef[a], 9));
      expect(m.intercept).toBeCloseTo(ref.intercept, 9);
    }
  });
});

/**
 * y depends on x1 and x2 equally; one member sees only x1, the other only x2.
 * Each alone ranks at AUC ≈ 0.76; combined they know both halves.
 */
function complementary(rows: number, seed: number): ColumnTable {
  const r = seededRandom(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const x1: number[] = [];
  const x2: number[] = [];
  const y: string[] = [];
  for (let i = 0; i < rows; i++) {
    const a = gauss();
    const b = gauss();
    x1.push(a);
    x2.push(b);
    y.push(a + b + 0.6 * gauss() > 0 ? 'yes' : 'no');
  }
  return aq.table({ x1, x2, y });
}

describe('regression blending', () => {
  it('a ridge meta-learner recovers how the target mixes the members', async () => {
    const r = seededRandom(5);
    const rows = 300;
    const a = Array.from({ length: rows }, () => r() * 10);
    const b = Array.from({ length: rows }, () => r() * 10);
    const y = a.map((v, i) => 1 + 0.3 * v + 0.7 * b[i]);
    const t = aq.table({ i: Array.from({ length: rows }, (_, i) => i), y });
    const members = [
      { name: 'a', model: new FixedModel('regression', 'y', undefined, { values: a }) },
      { name: 'b', model: new FixedModel('regression', 'y', undefined, { values: b }) },
    ];
    const blend = await BlendModel.fit(members, t, { alpha: 0 });
    expect(blend.meta.kind).toBe('ridge');
    const [wa, wb] = blend.weightsTable().map((w) => w.weights[0]);
    // The target is read as float32 (regressionTarget, as for every model), hence 1e-6.
    expect(wa).toBeCloseTo(0.3, 6);
    expect(wb).toBeCloseTo(0.7, 6);
    const pred = (await blend.predict(t)).predictions as number[];
    pred.forEach((p, i) => expect(p).toBeCloseTo(y[i], 5));
    await expect(BlendModel.fit(members, t, { meta: 'logistic' })).rejects.toThrow(/ridge/);
  });
});

describe('blending and voting complementary models', () => {
  it('beat the best member on held-out rows', async () => {
    const train = complementary(1500, 11);
    const valid = complementary(800, 12);
    const test = complementary(2000, 13);
    const opts = { target: 'y', rounds: 40, maxDepth: 3, learningRate: 0.2, seed: 1 };
    const a = (await fitTreeModel(train, { ...opts, features: ['x1'] })).model;
    const b = (await fitTreeModel(train, { ...opts, features: ['x2'] })).model;
    const truth = targetLabels(test, 'y');
    const auc = async (m: TrainedModel) => {
      const p = await m.predict(test);
      return rocAuc(truth, p.probabilities!, p.classes!);
    };
    const members = [{ name: 'a', model: a as TrainedModel }, { name: 'b', model: b as TrainedModel }];
    const blend = await BlendModel.fit(members, valid);
    const vote = new VotingModel(members);
    const [aucA, aucB, aucBlend, aucVote] = [await auc(a), await auc(b), await auc(blend), await auc(vote)];
    const best = Math.max(aucA, aucB);
    // Measured: members 0.75–0.77, blend and vote ≈ 0.90.
    expect(best).toBeGreaterThan(0.7);
    expect(best).toBeLessThan(0.82);
    expect(aucBlend).toBeGreaterThan(best + 0.08);
    expect(aucVote).toBeGreaterThan(best + 0.05);
    // Both members count, with similar positive weights.
    const w = blend.weightsTable();
    expect(w.map((r) => r.feature)).toEqual(['a:P(yes)', 'b:P(yes)']);
    for (const r of w) expect(r.weights[0]).toBeGreaterThan(1);
    expect(blend.features).toEqual(['x1', 'x2']);
    expect(blend.describe()).toMatchObject({ modelType: 'blending', holdoutRows: 800, meta: { kind: 'logistic' } });
  });

  it('a blend of one good and one useless member leans on the good one and matches it', async () => {
    const train = complementary(1500, 21);
    const valid = complementary(800, 22);
    const test = complementary(2000, 23);
    const noise = (t: ColumnTable, seed: number) => {
      const r = seededRandom(seed);
      return t.assign({ z: Array.from({ length: t.numRows() }, () => r()) });
    };
    const opts = { target: 'y', rounds: 40, maxDepth: 3, learningRate: 0.2, seed: 1 };
    const good = (await fitTreeModel(train, { ...opts, features: ['x1', 'x2'] })).model;
    const bad = (await fitTreeModel(noise(train, 1), { ...opts, features: ['z'] })).model;
    const blend = await BlendModel.fit([{ name: 'good', model: good }, { name: 'bad', model: bad }], noise(valid, 2));
    const t = noise(test, 3);
    const truth = targetLabels(t, 'y');
    const pg = await good.predict(t);
    const pb = await blend.predict(t);
    const aucGood = rocAuc(truth, pg.probabilities!, pg.classes!);
    const aucBlend = rocAuc(truth, pb.probabilities!, pb.classes!);
    expect(aucBlend).toBeGreaterThan(aucGood - 0.01);
    const [wGood, wBad] = blend.weightsTable().map((r) => Math.abs(r.weights[0]));
    expect(wGood).toBeGreaterThan(5 * wBad);
  });
});
