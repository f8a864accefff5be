// The ensemble and compare cells exported to Python, on members whose
// predictions are a fixed function of the features on both sides (logistic
// curves of x1, x2; a linear function for regression), so that any gap is the
// ensemble's or the comparison's own: soft and hard voting, weights, the
// blend's logistic and ridge meta-learners (scikit-learn against the
// workbench's Newton solver), and compare's bootstrap intervals, paired
// differences, McNemar's test and traffic split from the same resamples.
// Tolerances: voting 1e-12; blending 1e-6 (two solvers of one convex
// objective, scikit-learn's L-BFGS stopping at tol 1e-10); compare 1e-12.
import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { Prediction, TrainedModel } from '../../src/core/values.ts';
import type { Scalar } from '../../src/core/outputs.ts';
import { BlendModel, VotingModel } from '../../src/ml/ensemble/index.ts';
import { compareModels } from '../../src/lifecycle/compare.ts';
import { seededRandom } from '../../src/core/random.ts';
import { pyLiteral } from '../../src/export/python/context.ts';
import { pythonMissing, runWithHelpers } from './helpers.ts';

const missing = pythonMissing(['numpy', 'pandas', 'sklearn', 'statsmodels']);

type Coef = [number, number, number];
const MEMBERS: Coef[] = [[1.5, 0, -0.5], [0.3, -0.7, 0], [0, 1, 0.2]];

function rows(n: number, seed: number, regression = false) {
  const r = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const x1 = r() * 4 - 2;
    const x2 = r() * 4 - 2;
    const z = x1 - 0.5 * x2 + (r() - 0.5) * 2.5;
    return { x1, x2, y: regression ? 3 * x1 - x2 + (r() - 0.5) : z > 0.8 ? 'yes' : 'no' };
  });
}

/** A member whose prediction is a fixed function of (x1, x2): a logistic curve, or a line for regression. */
function fixedModel([a, b, c]: Coef, regression: boolean): TrainedModel {
  return {
    modelType: 'fixed', task: regression ? 'regression' : 'classification', target: 'y', features: ['x1', 'x2'],
    ...(regression ? {} : { classes: ['no', 'yes'] }),
    async predict(t: ColumnTable): Promise<Prediction> {
      const x1 = t.array('x1') as number[];
      const x2 = t.array('x2') as number[];
      const z = Array.from(x1, (v, i) => a * v + b * x2[i] + c);
      if (regression) return { predictions: z };
      const p = z.map((v) => 1 / (1 + Math.exp(-v)));
      return { predictions: p.map((q) => (q >= 0.5 ? 'yes' : 'no')), probabilities: p.map((q) => [1 - q, q]), classes: ['no', 'yes'] };
    },
    describe: () => ({}), dispose: () => {},
  };
}

/** The same members in Python: model dicts of the exported kind 'xgboost', whose model is a fixed function. */
const PY_MEMBERS = (regression: boolean) => `
class Fixed:
    def __init__(self, a, b, c):
        self.a, self.b, self.c = a, b, c
    def z(self, X):
        return self.a * X[:, 0] + self.b * X[:, 1] + self.c
    def predict(self, X):
        return self.z(X)
    def predict_proba(self, X):
        p = 1 / (1 + np.exp(-self.z(X)))
        return np.column_stack([1 - p, p])
members = [{'kind': 'xgboost', 'model': Fixed(*c), 'features': ['x1', 'x2'], 'classes': ${regression ? 'None' : "['no', 'yes']"}, 'target': 'y'} for c in ${pyLiteral(MEMBERS)}]
`;

const members = (regression: boolean) => MEMBERS.map((c, i) => ({ name: `m${i}`, model: fixedModel(c, regression) }));

describe.skipIf(missing !== undefined)(`ensemble and compare exported to Python match the workbench${missing ? ` (skipped: ${missing})` : ''}`, () => {
  const test = rows(120, 2);

  it.each([['soft', [] as number[]], ['soft', [2, 1, 0.5]], ['hard', []], ['hard', [1, 1, 2]]] as const)('%s voting, weights %j', async (voting, weights) => {
    const wb = await new VotingModel(members(false), { voting, weights: [...weights] }).predict(aq.from(test));
    const py = runWithHelpers(`${PY_MEMBERS(false)}
e = make_ensemble(members, method='voting', voting='${voting}', weights=${weights.length ? pyLiteral(weights) : 'None'})
pred, proba = model_predict(e, pd.DataFrame(${pyLiteral(test)}))
print(json.dumps({'pred': list(pred), 'proba': None if proba is None else proba.tolist()}))`) as { pred: string[]; proba: number[][] | null };
    expect(py.pred).toEqual(wb.predictions);
    if (voting === 'soft') py.proba!.forEach((row, i) => row.forEach((v, k) => expect(Math.abs(v - wb.probabilities![i][k])).toBeLessThanOrEqual(1e-12)));
    else expect(py.proba).toBeNull();
  });

  it.each([false, true])('blending (regression %s): the meta-learner and its predictions', async (regression) => {
    const hold = rows(150, 1, regression);
    const rowsTest = rows(120, 2, regression);
    const wb = await BlendModel.fit(members(regression), aq.from(hold), {});
    const pred = await wb.predict(aq.from(rowsTest));
    const py = runWithHelpers(`${PY_MEMBERS(regression)}
e = make_ensemble(members, method='blending', holdout=pd.DataFrame(${pyLiteral(hold)}))
pred, proba = model_predict(e, pd.DataFrame(${pyLiteral(rowsTest)}))
print(json.dumps({'coef': np.ravel(e['meta'].coef_).tolist(), 'intercept': float(np.ravel(e['meta'].intercept_)[0]), 'pred': [float(v) for v in pred] if ${regression ? 'True' : 'False'} else list(pred), 'proba': None if proba is None else proba.tolist()}))`) as { coef: number[]; intercept: number; pred: Scalar[]; proba: number[][] | null };
    const meta = wb.meta.kind === 'ridge' ? { coef: wb.meta.coef, intercept: wb.meta.intercept } : { coef: wb.meta.coef[0], intercept: wb.meta.intercept[0] };
    py.coef.forEach((c, a) => expect(Math.abs(c - meta.coef[a]), `coef ${a}: workbench ${meta.coef[a]}, python ${c}`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(c))));
    expect(Math.abs(py.intercept - meta.intercept)).toBeLessThanOrEqual(1e-6);
    if (regression) py.pred.forEach((v, i) => expect(Math.abs(Number(v) - Number(pred.predictions[i]))).toBeLessThanOrEqual(1e-6));
    else py.proba!.forEach((row, i) => expect(Math.abs(row[1] - pred.probabilities![i][1])).toBeLessThanOrEqual(1e-6));
  });

  it.each([false, true])('compare (regression %s): intervals, differences, McNemar and traffic from the same resamples', async (regression) => {
    // Few positives: some resamples have one class, where ROC-AUC is undefined and skipped on both sides.
    const table = rows(80, 3, regression).map((r, i) => (regression ? r : { ...r, y: i % 40 === 0 ? 'yes' : 'no' }));
    const [a, b] = members(regression);
    const predA = await a.model.predict(aq.from(table));
    const predB = await b.model.predict(aq.from(table));
    const metrics = regression ? ['rmse', 'mae', 'mape', 'r2'] : ['accuracy', 'roc_auc', 'f1', 'log_loss', 'precision', 'recall'];
    const wb = compareModels(regression ? 'regression' : 'classification', table.map((r) => r.y), predA, predB, { metrics, nBoot: 300, seed: 7, alpha: 0.1, trafficSplit: 0.7 });
    const py = runWithHelpers(`${PY_MEMBERS(regression)}
df = pd.DataFrame(${pyLiteral(table)})
r = compare_models(df['y'].tolist(), model_predict(members[0], df), model_predict(members[1], df), members[0]['classes'], ${pyLiteral(metrics)}, n_boot=300, seed=7, confidence=0.9, traffic_split=0.7)
print(json.dumps(r))`) as { metrics: { metric: string; a: Record<string, number>; b: Record<string, number>; diff: Record<string, number> }[]; mcnemar?: { table: number[][]; statistic: number; pvalue: number }; traffic: { rows: number; outcome: number }[] };
    wb.metrics.forEach((m, k) => {
      for (const side of ['a', 'b', 'diff'] as const) {
        for (const key of ['estimate', 'low', 'high'] as const) {
          expect(Math.abs(py.metrics[k][side][key] - m[side][key]), `${m.metric} ${side} ${key}: workbench ${m[side][key]}, python ${py.metrics[k][side][key]}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(m[side][key])));
        }
        expect(py.metrics[k][side].used, `${m.metric} ${side} resamples used`).toBe(m[side].used);
      }
    });
    if (!regression) {
      expect(wb.metrics.find((m) => m.metric === 'roc_auc')!.a.used, 'some resamples skipped').toBeLessThan(300);
      expect(py.mcnemar!.table).toEqual(wb.mcnemar!.table);
      expect(Math.abs(py.mcnemar!.pvalue - wb.mcnemar!.pvalue)).toBeLessThanOrEqual(1e-12);
    }
    expect(py.traffic.map((t) => t.rows)).toEqual(wb.traffic.arms.map((t) => t.rows));
    py.traffic.forEach((t, k) => expect(Math.abs(t.outcome - wb.traffic.arms[k].outcome)).toBeLessThanOrEqual(1e-12));
  });
});
