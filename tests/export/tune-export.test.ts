// The tune cell's study in Python (src/export/python/helpers-tune.ts) against
// the workbench's (src/ml/tuning/): on the same objective, a pure function of
// the settings, both studies draw the same settings trial after trial (random
// search and TPE, with median pruning) and reach the same best trial.
import { describe, expect, it } from 'vitest';
import { MedianPruner, randomSampler, runStudy, tpeSampler, type ParamDef, type ParamValues } from '../../src/ml/tuning/index.ts';
import { pythonMissing, runWithHelpers } from './helpers.ts';

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
