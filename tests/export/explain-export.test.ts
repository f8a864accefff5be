// The explain cell exported to Python: on a model that is the same fixed
// function on both sides (a logistic curve or a line of x1, x2, x3), the
// permutation importances (the workbench's shuffles, drawn from its seeded
// stream) and the partial dependence curves (its grid: scipy's mquantiles
// and numpy's linspace, or the distinct values) equal the workbench's to
// 1e-9, for accuracy, ROC-AUC and R².
import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { Prediction, TrainedModel } from '../../src/core/values.ts';
import type { FigureOutput, TableOutput } from '../../src/core/outputs.ts';
import { explainCell, explainSchema } from '../../src/cells/explain.ts';
import { seededRandom } from '../../src/core/random.ts';
import { pyLiteral } from '../../src/export/python/context.ts';
import { testContext } from '../helpers/context.ts';
import { pythonMissing, runWithHelpers } from './helpers.ts';

const missing = pythonMissing(['numpy', 'pandas', 'sklearn']);
const TOLERANCE = 1e-9;
const COEF = [1.2, -0.8, 0.5, -0.3];

function rows(n: number, regression: boolean) {
  const r = seededRandom(9);
  return Array.from({ length: n }, () => {
    const x1 = r() * 4 - 2;
    const x2 = r() * 4 - 2;
    const x3 = Math.floor(r() * 5);
    const z = COEF[0] * x1 + COEF[1] * x2 + COEF[2] * x3 + COEF[3] + (r() - 0.5) * 3;
    return { x1, x2, x3, y: regression ? z : z > 0 ? 'yes' : 'no' };
  });
}

function fixedModel(regression: boolean): TrainedModel {
  return {
    modelType: 'fixed', task: regression ? 'regression' : 'classification', target: 'y', features: ['x1', 'x2', 'x3'],
    ...(regression ? {} : { classes: ['no', 'yes'] }),
    async predict(t: ColumnTable): Promise<Prediction> {
      const [x1, x2, x3] = ['x1', 'x2', 'x3'].map((c) => Array.from(t.array(c) as ArrayLike<number>));
      const z = x1.map((v, i) => COEF[0] * v + COEF[1] * x2[i] + COEF[2] * x3[i] + COEF[3]);
      if (regression) return { predictions: z };
      const p = z.map((v) => 1 / (1 + Math.exp(-v)));
      return { predictions: p.map((q) => (q >= 0.5 ? 'yes' : 'no')), probabilities: p.map((q) => [1 - q, q]), classes: ['no', 'yes'] };
    },
    describe: () => ({}), dispose: () => {},
  };
}

const PY_MODEL = (regression: boolean) => `
class Fixed:
    def z(self, X):
        return ${COEF[0]} * X[:, 0] + ${COEF[1]} * X[:, 1] + ${COEF[2]} * X[:, 2] + ${COEF[3]}
    def predict(self, X):
        return self.z(X)
    def predict_proba(self, X):
        p = 1 / (1 + np.exp(-self.z(X)))
        return np.column_stack([1 - p, p])
model = {'kind': 'xgboost', 'model': Fixed(), 'features': ['x1', 'x2', 'x3'], 'classes': ${regression ? 'None' : "['no', 'yes']"}, 'target': 'y'}
`;

function close(py: readonly number[], wb: readonly number[], label: string) {
  expect(py, label).toHaveLength(wb.length);
  wb.forEach((b, i) => expect(Math.abs(py[i] - b), `${label}[${i}]: workbench ${b}, python ${py[i]}`).toBeLessThanOrEqual(TOLERANCE * Math.max(1, Math.abs(b))));
}

describe.skipIf(missing !== undefined)(`explain exported to Python matches the workbench${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it.each([['accuracy', false, 'x1'], ['roc_auc', false, 'x3'], ['r2', true, 'x2']] as const)('%s (regression %s), partial dependence on %s', async (scoring, regression, feature) => {
    const table = rows(150, regression);
    const params = explainSchema.parse({ model: 'm', input: 'test', scoring, repeats: 3, seed: 5, feature, gridResolution: 12, output: 'imp' });
    const out = await explainCell.run(params, testContext({ m: { type: 'model', model: fixedModel(regression) }, test: { type: 'table', table: aq.from(table) } }));
    const wb = out.find((o): o is TableOutput => o.type === 'table')!.rows;
    const pd = out.find((o): o is FigureOutput => o.type === 'figure' && !!o.title?.startsWith('Partial'))!.spec.data as { x: number[]; y: number[] }[];
    const py = runWithHelpers(`${PY_MODEL(regression)}
df = pd.DataFrame(${pyLiteral(table)})
scoring, baseline, imp = permutation_importance(model, df, '${scoring}', repeats=3, seed=5)
grid, curves = partial_dependence(model, df, '${params.feature}', grid_resolution=12)
print(json.dumps({'imp': records(imp, 10), 'grid': grid, 'curves': list(curves.values())}))`) as { imp: Record<string, number | string>[]; grid: number[]; curves: number[][] };
    expect(py.imp.map((r) => r.feature), 'feature order').toEqual(wb.map((r) => r.feature));
    close(py.imp.map((r) => Number(r.importance_mean)), wb.map((r) => Number(r.importance_mean)), 'importance mean');
    close(py.imp.map((r) => Number(r.importance_std)), wb.map((r) => Number(r.importance_std)), 'importance std');
    expect(wb.some((r) => Number(r.importance_std) > 0), 'the shuffles differ between repeats').toBe(true);
    close(py.grid, pd[0].x, 'grid');
    pd.forEach((c, k) => close(py.curves[k], c.y, `curve ${k}`));
  });
});
