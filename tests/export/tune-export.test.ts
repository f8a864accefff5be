// The tune cell's study in Python (src/export/python/helpers-tune.ts) against
// the workbench's (src/ml/tuning/): on the same objective, a pure function of
// the settings, both studies draw the same settings trial after trial (random
// search and TPE, with median pruning) and reach the same best trial.
import { describe, expect, it } from 'vitest';
import { MedianPruner, randomSampler, runStudy, tpeSampler, type ParamDef, type ParamValues } from '../../src/ml/tuning/index.ts';
import { pythonMissing, runWithHelpers } from './helpers.ts';
import { exportPython } from '../../src/export/python/index.ts';
import { NotebookBuilder } from '../../notebooks/source/builder.ts';

const missing = pythonMissing(['numpy', 'pandas']);

const SPACE: ParamDef[] = [
  { name: 'gbdt.eta', type: 'logfloat', low: 0.001, high: 1 },
  { name: 'gbdt.maxDepth', type: 'int', low: 1, high: 9 },
  { name: 'gbdt.subsample', type: 'float', low: -2, high: 3 },
  { name: 'kind', type: 'categorical', choices: ['a', 'b', 'c'] },
];

/** A learning curve per trial: its value at step s falls towards a floor set by the settings. */
const CURVE = 'floor = (v["gbdt.subsample"] - 1) ** 2 + (v["gbdt.eta"] - 0.1) ** 2 + (v["gbdt.maxDepth"] - 5) ** 2 / 10 + (0 if v["kind"] == "b" else 0.5)';
function floorOf(v: ParamValues): number {
  return ((v['gbdt.subsample'] as number) - 1) ** 2 + ((v['gbdt.eta'] as number) - 0.1) ** 2 + ((v['gbdt.maxDepth'] as number) - 5) ** 2 / 10 + (v.kind === 'b' ? 0 : 0.5);
}

async function workbenchStudy(sampler: 'tpe' | 'random', seed: number) {
  const result = await runStudy({
    space: SPACE, sampler: sampler === 'tpe' ? tpeSampler({ nStartupTrials: 4 }) : randomSampler, nTrials: 16, seed,
    pruner: new MedianPruner({ nStartupTrials: 3, nWarmupSteps: 2 }),
    objective: async (v, trial) => {
      let value = NaN;
      for (let step = 1; step <= 8; step++) {
        value = floorOf(v) + 1 / step;
        if (trial.report(step, value)) break;
      }
      return value;
    },
  });
  return result.trials.map((t) => ({ params: t.params, state: t.state, value: t.value, steps: t.steps }));
}

function pythonStudy(sampler: 'tpe' | 'random', seed: number): unknown {
  return runWithHelpers(`
def objective(v, report):
    ${CURVE}
    value = math.nan
    for step in range(1, 9):
        value = floor + 1 / step
        if report(step, value):
            break
    return value
trials, best = run_study(${JSON.stringify(SPACE)}, objective, 16, ${seed}, sampler='${sampler}', startup_trials=4, pruner=MedianPruner(3, 2))
print(json.dumps([{'params': t['params'], 'state': t['state'], 'value': t['value'], 'steps': t['steps']} for t in trials]))
`);
}

describe.skipIf(missing !== undefined)(`the tune cell's study in Python${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it.each([['random', 42], ['tpe', 42], ['tpe', 7]] as const)('%s search, seed %i: the same settings, states and values, trial after trial', async (sampler, seed) => {
    const workbench = await workbenchStudy(sampler, seed);
    const python = pythonStudy(sampler, seed) as typeof workbench;
    expect(python.length).toBe(workbench.length);
    workbench.forEach((t, i) => {
      expect(python[i].state, `trial ${i + 1} state`).toBe(t.state);
      expect(python[i].steps, `trial ${i + 1} steps`).toBe(t.steps);
      for (const [name, v] of Object.entries(t.params)) {
        if (typeof v === 'number') expect(Math.abs((python[i].params[name] as number) - v), `trial ${i + 1} ${name}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(v)));
        else expect(python[i].params[name], `trial ${i + 1} ${name}`).toBe(v);
      }
      expect(Math.abs(python[i].value - t.value), `trial ${i + 1} value`).toBeLessThanOrEqual(1e-12);
    });
    // Pruning happened, so the pruner was exercised, not only the sampler.
    if (sampler === 'tpe') expect(workbench.some((t) => t.state === 'pruned')).toBe(true);
  });
});

describe('the tune cell in an exported notebook', () => {
  const notebook = (tune: Record<string, unknown>) => new NotebookBuilder('Tune')
    .cell('load', { source: { type: 'dataset', name: 'bank-marketing' }, output: 'bank' })
    .cell('split', { input: 'bank', method: 'stratified', target: 'y', train: 0.7, validation: 0.3, test: 0, seed: 42, outputs: { train: 'train', validation: 'valid' } })
    .cell('tune', { input: 'train', validation: 'valid', target: 'y', features: ['age', 'campaign'], model: 'gbdt', metric: 'val_auc', trials: 3, output: 'best_params', space: [{ name: 'gbdt.maxDepth', type: 'int', low: 2, high: 4 }], ...tune })
    .cell('train', { input: 'train', target: 'y', features: ['age', 'campaign'], model: 'gbdt', paramsFrom: 'best_params', output: 'tuned' })
    .build();

  it('boosted trees: the study, then a train cell with params from its best params', () => {
    const out = exportPython(notebook({}));
    expect(out.todos).toEqual([]);
    const source = (id: string) => out.cells.filter((c) => c.from === id).map((c) => c.source).join('\n');
    expect(source('tune-1')).toContain('best_params = dict(tune_best[\'params\'])');
    expect(source('tune-1')).toContain('run_study(tune_space, objective, n_trials=3, seed=42, sampler="tpe", startup_trials=5, pruner=MedianPruner(n_startup_trials=5, n_warmup_steps=5))');
    expect(source('train-1')).toContain('params.update(xgb_overrides(best_params))');
  });

  it('says why where it does not translate, and the train cell that needs its params waits', () => {
    const reasons = (tune: Record<string, unknown>) => exportPython(notebook(tune)).todos.map((t) => `${t.cell}: ${t.reason}`);
    expect(reasons({ model: 'mlp', space: [{ name: 'learningRate', type: 'logfloat', low: 0.001, high: 0.1 }] })).toEqual([
      'tune-1: tuning mlp models has no Python translation yet (boosted trees do)',
      'train-1: it needs "best_params", which an earlier cell that is not exported makes',
    ]);
    expect(reasons({ metric: 'val_macro_f1' })[0]).toBe('tune-1: its metric val_macro_f1 is not one XGBoost records per round here (val_auc, val_loss are)');
    expect(reasons({ timeLimit: 30 })[0]).toBe('tune-1: its time limit makes the number of trials depend on the machine');
    expect(reasons({ space: [{ name: 'gbdt.stoppingMetric', type: 'categorical', choices: ['auc'] }] })[0]).toBe('tune-1: its parameter "gbdt.stoppingMetric" has no XGBoost equivalent here');
  });
});
