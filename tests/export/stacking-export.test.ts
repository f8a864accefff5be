// The ensemble cell's stacking exported to Python: each member refitted on
// the workbench's folds from its own train cell (stratified for classes,
// shuffled K-fold for numbers; the fold rows are checked identical in
// python-export / crossval-export), the meta-learner on the out-of-fold
// predictions. The members here are the train cell's logistic (linear)
// network and boosted trees: PyTorch and XGBoost against tfjs and the
// workbench's trees, so the out-of-fold predictions are close, not equal
// (OOF_TOLERANCE, measured below; the held-out rows of every fold are
// identical), and the stacked model's scores on a test
// table within the model tolerances.
import { beforeAll, describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { trainCell, trainSchema } from '../../src/cells/train.ts';
import { ensembleCell, ensembleSchema } from '../../src/cells/ensemble.ts';
import { evaluateCell, evaluateSchema } from '../../src/cells/evaluate.ts';
import type { MetricsOutput, Scalar } from '../../src/core/outputs.ts';
import { initBackend } from '../../src/ml/backend.ts';
import { seededRandom } from '../../src/core/random.ts';
import { kFold, stratifiedKFold } from '../../src/ml/validation/folds.ts';
import { takeRows } from '../../src/ml/validation/crossval.ts';
import type { NotebookDoc } from '../../src/notebook/model.ts';
import { testContext } from '../helpers/context.ts';
import { MODEL_TOLERANCE, pythonMissing, runExported, typedCell } from './helpers.ts';

const missing = pythonMissing(['numpy', 'pandas', 'sklearn', 'xgboost', 'torch']);
const RELATIVE = new Set(['rmse', 'mae']);
/**
 * Mean |python − workbench| of the out-of-fold predictions over the training rows: probabilities of the second
 * class (classes), or values in units of the target's standard deviation (numbers). Measured on four training
 * tables (data seeds 11, 21, 31, 41): at most 0.030 (logistic network) and 0.023 (trees) for probabilities,
 * 0.035 (linear network) and 0.053 (trees: XGBoost's histogram cuts against the workbench's) for numbers.
 */
const OOF_TOLERANCE = { classification: 0.05, regression: 0.08 };
/**
 * Members that stopped early on a validation table stop at another epoch or round on each side (their validation
 * losses differ a little), so their refits train for different lengths. Measured on the same four tables: at most
 * 0.046 for probabilities.
 */
const EARLY_OOF_TOLERANCE = { classification: 0.08, regression: 0.08 };

function rows(n: number, seed: number) {
  const r = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const [x1, x2, x3] = [r() * 4 - 2, r() * 4 - 2, r() * 2];
    const z = 1.2 * x1 - 0.8 * x2 + (x3 > 1 ? 0.7 : -0.3) + (r() - 0.5) * 2;
    return { x1: +x1.toFixed(4), x2: +x2.toFixed(4), x3: +x3.toFixed(4), label: z > 0 ? 'yes' : 'no', amount: +(3 * x1 - x2 + 2 * x3 + (r() - 0.5)).toFixed(4) };
  });
}
const csv = (rs: ReturnType<typeof rows>) => ['x1,x2,x3,label,amount', ...rs.map((x) => `${x.x1},${x.x2},${x.x3},${x.label},${x.amount}`)].join('\n');

/** The workbench's out-of-fold predictions, as StackModel.fitOutOfFold makes them: its folds, each member's refit. */
async function workbenchOof(ctx: ReturnType<typeof testContext>, members: string[], train: ColumnTable, target: string, classification: boolean, folds: number, seed: number): Promise<{ oof: number[][]; heldOut: number[][] }> {
  const n = train.numRows();
  const split = classification ? stratifiedKFold(train.array(target) as Scalar[], folds, seed) : kFold(n, folds, seed);
  const out = members.map(() => new Array<number>(n));
  for (const fold of split) {
    for (const [j, name] of members.entries()) {
      const model = await ctx.require(name, 'model').model.refit!(takeRows(train, fold.train));
      const pred = await model.predict(takeRows(train, fold.test));
      fold.test.forEach((row, i) => (out[j][row] = classification ? pred.probabilities![i][1] : Number(pred.predictions[i])));
      model.dispose();
    }
  }
  return { oof: out, heldOut: split.map((f) => [...f.test]) };
}

describe.skipIf(missing !== undefined)(`stacking exported to Python${missing ? ` (skipped: ${missing})` : ''}`, () => {
  beforeAll(async () => {
    await initBackend({ order: ['cpu'] });
  });

  it.each([
    { target: 'label', classification: true, network: 'logistic', early: false },
    { target: 'amount', classification: false, network: 'linear', early: false },
    // Members that stopped early on a validation table are refitted for the rounds (XGBoost's best_iteration + 1) or epochs they kept.
    // (Numbers are left out here: on one of four tables the workbench's early-stopped linear network itself scored an RMSE
    // 0.39 against PyTorch's 0.27, a gap of the members, not of the stacking.)
    { target: 'label', classification: true, network: 'logistic', early: true },
  ])('$network and boosted trees stacked on $target (members stop early: $early)', async ({ target, classification, network, early }) => {
    const train = rows(300, 11);
    const test = rows(150, 12);
    const fit = { input: 'train', target, features: ['x1', 'x2', 'x3'], seed: 3 };
    const netParams = trainSchema.parse({ ...fit, model: network, epochs: 40, batchSize: 32, learningRate: 0.05, optimizer: 'adam', ...(early ? { validation: 'test', patience: 8 } : {}), output: 'net' });
    const treeParams = trainSchema.parse({ ...fit, model: 'gbdt', gbdt: { rounds: 40, maxDepth: 3, eta: 0.2, ...(early ? { earlyStoppingRounds: 3 } : {}) }, ...(early ? { validation: 'test' } : {}), output: 'trees' });
    const stackParams = ensembleSchema.parse({ models: ['net', 'trees'], method: 'stacking', train: 'train', folds: 4, seed: 9, output: 'stack' });
    const evalParams = evaluateSchema.parse({ input: 'test', model: 'stack', output: 'metrics' });
    const doc = {
      title: 'Stacking export',
      cells: [
        typedCell('load-1', 'load', { source: { type: 'file', fileId: 'train.csv', fileName: 'train.csv' }, output: 'train' }),
        typedCell('load-2', 'load', { source: { type: 'file', fileId: 'test.csv', fileName: 'test.csv' }, output: 'test' }),
        typedCell('train-1', 'train', netParams),
        typedCell('train-2', 'train', treeParams),
        typedCell('ensemble-1', 'ensemble', stackParams),
        typedCell('eval-1', 'evaluate', evalParams),
      ],
    } as unknown as NotebookDoc;
    const column = classification ? 'p[:, 1]' : 'np.asarray(pred, dtype=float)';
    const { reported, exported } = runExported(doc, { 'train.csv': csv(train), 'test.csv': csv(test) },
      `report('oof', 'members', [[float(v) for v in ${column}] for pred, p in oof['members']])\nreport('oof', 'folds', oof['folds'])`);
    expect(exported.todos).toEqual([]);

    const ctx = testContext({ train: { type: 'table', table: aq.from(train) }, test: { type: 'table', table: aq.from(test) } });
    await trainCell.run(netParams, ctx);
    await trainCell.run(treeParams, ctx);
    await ensembleCell.run(stackParams, ctx);
    const wb = (await evaluateCell.run(evalParams, ctx)).find((o): o is MetricsOutput => o.type === 'metrics')!.metrics;

    const { oof: oofWb, heldOut } = await workbenchOof(ctx, ['net', 'trees'], aq.from(train), target, classification, 4, 9);
    expect(reported.get('oof folds'), 'the held-out rows of each fold').toEqual(heldOut);
    const oofPy = reported.get('oof members') as number[][];
    const y = train.map((r) => r.amount);
    const mean = y.reduce((a, b) => a + b, 0) / y.length;
    const scale = classification ? 1 : Math.sqrt(y.reduce((a, b) => a + (b - mean) ** 2, 0) / y.length);
    ['net', 'trees'].forEach((name, j) => {
      const gap = oofWb[j].reduce((s, v, i) => s + Math.abs(v - oofPy[j][i]), 0) / train.length / scale;
      console.log(`${target} ${name}: mean |OOF python − workbench| ${gap.toFixed(4)}${classification ? '' : ' (of the target\'s std)'}`);
      expect(gap, `${name} out-of-fold predictions`).toBeLessThanOrEqual((early ? EARLY_OOF_TOLERANCE : OOF_TOLERANCE)[classification ? 'classification' : 'regression']);
    });

    const py = reported.get('eval-1 metrics') as Record<string, number>;
    const checked = Object.entries(MODEL_TOLERANCE).filter(([name]) => wb[name] !== undefined);
    expect(checked.length).toBeGreaterThan(2);
    for (const [name, tol] of checked) {
      const allowed = RELATIVE.has(name) ? tol * Math.abs(wb[name]) : tol;
      expect(Math.abs(py[name] - wb[name]), `${name}: workbench ${wb[name]}, python ${py[name]} (tolerance ${allowed})`).toBeLessThanOrEqual(allowed);
    }
    console.log(`stacked ${target}: ${checked.map(([n]) => `${n} ${wb[n].toFixed(4)} / ${py[n].toFixed(4)}`).join(', ')}`);
  }, 300_000);
});
