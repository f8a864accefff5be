// Runs the session-drop notebook headless (kernel + Node host, the
// sessionfeatures cell added to the registry) and checks its key outputs
// against what the generated shop-sessions data supports (seed 42: 2,210
// sessions, 53.2% complete; measured: macro-F1 0.553 / 0.574 / 0.625 at
// K = 3 / 5 / 7, 0.585 overall; logistic regression 0.572 overall).
// The ranges leave room for changes to the tree and tfjs code:
// - session label share 0.45–0.60: the generator's documented 53.2% (its own test allows 40–60%);
// - every part of the group split within 0.43–0.63 complete (small parts drift);
// - boosted trees: macro-F1 ≥ 0.56 at K = 7 and ≥ 0.53 overall — above chance (0.5) but
//   modest, as the label is mostly decided after the first events; ≤ 0.85 everywhere, since
//   a much higher score on this data would mean the terminal state leaked into the features;
// - accuracy at K = 7 above K = 3 (measured 0.627 vs 0.553): more of the session, more signal;
// - the notebook finishes without errors in under 60 s.
import { describe, expect, it } from 'vitest';
import { runNotebook } from '../helpers/runNotebook.ts';
import type { MetricsOutput, TableOutput } from '../../src/core/outputs.ts';

describe('session-drop notebook', () => {
  it('runs headless and scores in the range the generated data supports', async () => {
    const { kernel, failures } = await runNotebook('session-drop.ipynb');
    const states = kernel.cells();
    expect(failures).toEqual([]);
    expect(states.filter((s) => s.kind !== 'markdown').every((s) => s.status === 'done')).toBe(true);

    // Sessions and labels.
    const sessions = kernel.getValue('sessions');
    if (sessions?.type !== 'table') throw new Error('no sessions table');
    expect(sessions.table.numRows()).toBe(2210);
    const share = (sessions.table.array('complete') as number[]).filter((c) => c === 1).length / 2210;
    expect(share).toBeGreaterThan(0.45);
    expect(share).toBeLessThan(0.6);

    // Feature tables: one row per (session, K), 88 features + session_id, K, label; parts balanced.
    for (const name of ['train_x', 'valid_x', 'test_x']) {
      const v = kernel.getValue(name);
      if (v?.type !== 'table') throw new Error(`no ${name}`);
      expect(v.table.numCols()).toBe(91);
      const y = v.table.array('label') as number[];
      const pos = y.filter((c) => c === 1).length / y.length;
      expect(pos, name).toBeGreaterThan(0.43);
      expect(pos, name).toBeLessThan(0.63);
    }

    // Boosted trees, per K and overall, at the tuned threshold.
    const evaluate = states.find((s) => s.id === 'evaluate-1')!;
    const overall = evaluate.outputs.find((o): o is MetricsOutput => o.type === 'metrics')!;
    expect(overall.metrics.f1_macro).toBeGreaterThan(0.53);
    expect(overall.metrics.f1_macro).toBeLessThan(0.85);
    const byK = evaluate.outputs.find((o): o is TableOutput => o.type === 'table' && o.title === 'Metrics by K')!;
    const at = (k: number | string) => byK.rows.find((r) => r.K === k)!;
    expect(at(7).f1_macro as number).toBeGreaterThan(0.56);
    expect(at(7).accuracy as number).toBeGreaterThan(at(3).accuracy as number);
    for (const k of [3, 5, 7]) expect(at(k).f1_macro as number).toBeLessThan(0.85);

    const perK = kernel.getValue('metrics_by_k');
    expect(perK?.type).toBe('table');

    // Logistic regression works too (above chance).
    const logreg = kernel.getValue('logreg_metrics');
    if (logreg?.type !== 'metrics') throw new Error('no logreg metrics');
    expect(logreg.metrics.f1_macro).toBeGreaterThan(0.52);

    // Inference on raw sessions through the fitted transform, and the conditional registration.
    const sample = kernel.getValue('sample_pred');
    if (sample?.type !== 'table') throw new Error('no sample predictions');
    expect(new Set(sample.table.array('session_id') as string[]).size).toBe(10);
    const registered = kernel.getValue('registered');
    expect(registered?.type).toBe('object');
    expect((registered as { value: { registered: boolean } }).value.registered).toBe(true);
    kernel.dispose();
  });
});
