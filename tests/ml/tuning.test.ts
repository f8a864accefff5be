// Hyperparameter search on pure functions (no training): TPE against random
// search, determinism, the median pruner, budgets.
import { describe, expect, it } from 'vitest';
import { CancelledError } from '../../src/core/errors.ts';
import { MedianPruner, randomSampler, runStudy, tpeSampler, type ParamDef, type Sampler } from '../../src/ml/tuning/index.ts';

/** Branin: minimum 0.397887 at three points in [-5, 10] × [0, 15]. */
function branin(x1: number, x2: number): number {
  const b = 5.1 / (4 * Math.PI ** 2);
  const c = 5 / Math.PI;
  return (x2 - b * x1 * x1 + c * x1 - 6) ** 2 + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x1) + 10;
}

const braninSpace: ParamDef[] = [
  { name: 'x1', type: 'float', low: -5, high: 10 },
  { name: 'x2', type: 'float', low: 0, high: 15 },
];

async function bestOf(sampler: Sampler, seed: number, nTrials: number): Promise<number> {
  const res = await runStudy({ space: braninSpace, sampler, nTrials, seed, objective: async (p) => branin(p.x1 as number, p.x2 as number) });
  return res.best!.value;
}

describe('tuning', () => {
  it('TPE beats random search on Branin with the same budget (mean over seeds)', async () => {
    const seeds = [1, 2, 3, 4, 5, 6, 7, 8];
    let tpe = 0;
    let rnd = 0;
    for (const s of seeds) {
      tpe += await bestOf(tpeSampler({ nStartupTrials: 10 }), s, 50);
      rnd += await bestOf(randomSampler, s, 50);
    }
    expect(tpe / seeds.length).toBeLessThan(rnd / seeds.length);
    expect(tpe / seeds.length).toBeLessThan(1.5);
  });

  it('is deterministic for a seed; mixed spaces keep types and bounds', async () => {
    const space: ParamDef[] = [
      { name: 'lr', type: 'logfloat', low: 1e-4, high: 1e-1 },
      { name: 'units', type: 'int', low: 2, high: 9 },
      { name: 'act', type: 'categorical', choices: ['relu', 'tanh', 'elu'] },
    ];
    const objective = async (p: Record<string, unknown>) => (Math.log10(p.lr as number) + 2.5) ** 2 + ((p.units as number) - 6) ** 2 / 10 + (p.act === 'tanh' ? 0 : 0.5);
    const run = () => runStudy({ space, sampler: tpeSampler({ nStartupTrials: 5 }), nTrials: 25, seed: 9, objective });
    const a = await run();
    const b = await run();
    expect(a.trials).toHaveLength(25);
    expect(a.trials.map((t) => [t.params, t.value])).toEqual(b.trials.map((t) => [t.params, t.value]));
    for (const t of a.trials) {
      expect(t.params.lr).toBeGreaterThanOrEqual(1e-4);
      expect(t.params.lr).toBeLessThanOrEqual(1e-1);
      expect(Number.isInteger(t.params.units)).toBe(true);
      expect(['relu', 'tanh', 'elu']).toContain(t.params.act);
    }
    const c = await runStudy({ space, sampler: tpeSampler({ nStartupTrials: 5 }), nTrials: 25, seed: 10, objective });
    expect(c.trials.map((t) => t.params)).not.toEqual(a.trials.map((t) => t.params));
  });

  it('the median pruner stops bad trials early through their abort signal', async () => {
    const space: ParamDef[] = [{ name: 'x', type: 'float', low: 0, high: 1 }];
    const steps = 10;
    const res = await runStudy({
      space, sampler: randomSampler, nTrials: 20, seed: 4, pruner: new MedianPruner({ nStartupTrials: 3, nWarmupSteps: 2 }),
      objective: async (p, trial) => {
        let v = 0;
        for (let s = 1; s <= steps; s++) {
          if (trial.signal.aborted) throw new CancelledError();
          v = (p.x as number) + 1 / s;
          trial.report(s, v);
        }
        return v;
      },
    });
    const pruned = res.trials.filter((t) => t.state === 'pruned');
    expect(pruned.length).toBeGreaterThan(3);
    for (const t of pruned) expect(t.steps).toBeLessThan(steps);
    expect(res.trials.slice(0, 3).every((t) => t.state === 'complete')).toBe(true);
    // Pruned trials were the bad ones: none beats the best complete trial.
    const best = res.best!;
    expect(best.state).toBe('complete');
    for (const t of pruned) expect(t.params.x as number).toBeGreaterThan(best.params.x as number);
  });

  it('honours the time limit and cancellation', async () => {
    const space: ParamDef[] = [{ name: 'x', type: 'float', low: 0, high: 1 }];
    const slow = async () => {
      await new Promise((r) => setTimeout(r, 30));
      return 1;
    };
    const res = await runStudy({ space, sampler: randomSampler, nTrials: 1000, timeLimitSeconds: 0.1, seed: 1, objective: slow });
    expect(res.timedOut).toBe(true);
    expect(res.trials.length).toBeLessThan(10);
    const controller = new AbortController();
    controller.abort();
    await expect(runStudy({ space, sampler: randomSampler, nTrials: 5, seed: 1, objective: slow, signal: controller.signal })).rejects.toThrow(/Stopped/);
  });
});
