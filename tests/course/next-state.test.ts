// Runs the next-state notebook headless (kernel + Node host, WASM backend)
// and checks its key outputs against what the generated shop-sessions data
// supports (seed 42). Measured on this notebook: 1,929 sessions kept (≥ 3
// events), 1,543 / 386 train / validation sessions; majority next page
// (/product) 17.7% of the validation steps; LSTM top-1 0.324, top-3 0.624,
// macro-F1 0.279; tuned MLP top-1 0.312, top-3 0.620; 25–85 s on 2 cores.
// The next page is drawn from the generator's transition table, so top-1 has
// a ceiling well below 1. Ranges:
// - LSTM top-1 ≥ 0.27 (≥ 1.5 × the majority rate) and ≤ 0.6 (above would mean the next state leaked);
// - top-3 ≥ top-1 + 0.15 and ≥ 0.5; macro-F1 ≥ 0.18;
// - the tuned tabular model also beats the majority rate (top-1 ≥ 0.25);
// - no session on both sides of the split; every cell runs.
import { describe, expect, it } from 'vitest';
import { runNotebook } from '../helpers/runNotebook.ts';

describe('next-state notebook', () => {
  it('runs headless and scores in the range the generated data supports', async () => {
    const { kernel, failures } = await runNotebook('next-state.ipynb');
    const states = kernel.cells();
    expect(failures).toEqual([]);
    expect(states.filter((s) => s.kind !== 'markdown').every((s) => s.status === 'done')).toBe(true);

    const table = (name: string) => {
      const v = kernel.getValue(name);
      if (v?.type !== 'table') throw new Error(`no table ${name}`);
      return v.table;
    };
    const metrics = (name: string) => {
      const v = kernel.getValue(name);
      if (v?.type !== 'metrics') throw new Error(`no metrics ${name}`);
      return v.metrics;
    };
    // The short-session filter and the session split.
    const events = table('events');
    expect((events.array('n_events') as number[]).every((n) => n >= 3)).toBe(true);
    const train = new Set(table('train_log').array('session_id') as string[]);
    const valid = new Set(table('valid_log').array('session_id') as string[]);
    expect([...valid].some((s) => train.has(s))).toBe(false);
    expect(valid.size / (train.size + valid.size)).toBeGreaterThan(0.15);
    expect(valid.size / (train.size + valid.size)).toBeLessThan(0.25);
    // The vocabulary: PAD 0, UNK 1, then the 17 states.
    const mapping = kernel.getValue('state_mapping');
    // A plain object of numbers is stored as a metrics value by the code cell's set().
    const m = (mapping?.type === 'metrics' ? mapping.metrics : (mapping as { value: Record<string, number> }).value);
    expect(m['<PAD>']).toBe(0);
    expect(m['<UNK>']).toBe(1);
    expect(Object.keys(m)).toHaveLength(19);

    const summary = table('model_summary').objects() as { model: string; top1: number }[];
    const majority = summary[0].top1;
    expect(majority).toBeGreaterThan(0.12);
    expect(majority).toBeLessThan(0.25);
    const lstm = metrics('lstm_metrics');
    expect(lstm.accuracy).toBeGreaterThan(Math.max(0.27, 1.5 * majority));
    expect(lstm.accuracy).toBeLessThan(0.6);
    expect(lstm.top_3_accuracy).toBeGreaterThan(Math.max(0.5, lstm.accuracy + 0.15));
    expect(lstm.f1_macro).toBeGreaterThan(0.18);
    const mlp = metrics('mlp_metrics');
    expect(mlp.accuracy).toBeGreaterThan(0.25);
    expect(mlp.top_3_accuracy).toBeGreaterThanOrEqual(mlp.accuracy);
    // Tuning stored its best params and the final retrain used them.
    const best = kernel.getValue('best_params');
    expect(best?.type).toBe('object');
    expect(Object.keys((best as { value: object }).value).sort()).toEqual(['dropout', 'hidden', 'learningRate']);
    // Inference on one session: one prediction per step with a next page.
    expect(table('sample_steps').numRows()).toBeGreaterThanOrEqual(7);
    kernel.dispose();
  }, 300_000);
});
