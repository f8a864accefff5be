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
// - the n_events-only baseline (logistic): ROC AUC above chance and below 0.75 (measured 0.568, macro-F1
//   0.546; the 88-feature logistic regression 0.583 / 0.572, the trees 0.597 / 0.585);
// - one model per K, on the per-K tables without the leak sessions (terminal page within the first K
//   events; listed first): macro-F1 within 0.4–0.85 (measured 0.581 / 0.635 / 0.687 at K = 3 / 5 / 7,
//   against 0.574 / 0.611 / 0.667 for the K-as-a-feature model on the same rows); their test ROC AUC within
//   0.02 of XGBoost's (same tables and hyperparameters, mean of ten seeds: .595 / .662 / .728;
//   tests/fixtures/make_session_drop_perk_fixture.py);
// - the leak sessions listed per K and part, and the per-K row counts before and after their removal,
//   equal pandas' recount exactly (tests/fixtures/make_shop_course_fixture.py → shop_course.json, on the
//   notebook's own split from shop_course_splits.mts);
// - the notebook finishes without errors (about 40 s on 2 busy cores).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runNotebook } from '../helpers/runNotebook.ts';
import { englishOnly } from '../helpers/koreanTitles.ts';
import type { MetricsOutput, TableOutput } from '../../src/core/outputs.ts';

interface LeakReference { counts: { K: number; part: string; rows_before: number; leak_sessions: number; rows_after: number }[]; leak_sessions: Record<string, string[]> }
const pandas = (JSON.parse(readFileSync(new URL('../fixtures/shop_course.json', import.meta.url), 'utf8')) as { session_drop_leaks: LeakReference }).session_drop_leaks;
/** XGBoost per K on the notebook's own per-K tables (tests/fixtures/make_session_drop_perk_fixture.py), ten seeds. */
const xgboost = JSON.parse(readFileSync(new URL('../fixtures/session_drop_perk.json', import.meta.url), 'utf8')) as { per_k: Record<3 | 5 | 7, { test_rows: number; test_auc_mean: number; test_auc_sd: number }> };
/**
 * Largest gap allowed between the workbench's per-K test AUC and XGBoost's mean: XGBoost's own spread over
 * seeds is ±.005–.008 (sd; range .579–.607 at K = 3), and the two differ in their row and column sampling,
 * histogram bin edges and starting score. Measured gaps: .007 / .002 / .008 (workbench .602 / .660 / .720).
 */
const PER_K_AUC_TOLERANCE = 0.02;

describe('session-drop notebook', () => {
  it('runs headless and scores in the range the generated data supports', async () => {
    const { kernel, failures, doc } = await runNotebook('session-drop.ipynb');
    const states = kernel.cells();
    expect(failures).toEqual([]);
    // Issue 13: a student in the Korean UI reads every output's title, axes, summary and notes in Korean.
    expect(englishOnly(states, doc)).toEqual([]);
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

    // The n_events-only baseline, printed beside both 88-feature models on the same test rows.
    const base = kernel.getValue('n_events_metrics');
    if (base?.type !== 'metrics') throw new Error('no n_events baseline metrics');
    expect(base.metrics.roc_auc).toBeGreaterThan(0.5);
    expect(base.metrics.roc_auc).toBeLessThan(0.75);
    const comparison = kernel.getValue('baseline_comparison');
    if (comparison?.type !== 'table') throw new Error('no baseline comparison');
    expect(comparison.table.array('model')).toEqual(['baseline: n_events only (logistic)', 'logistic regression, 88 features', 'boosted trees, 88 features']);
    expect(comparison.table.array('roc_auc')[0]).toBeCloseTo(base.metrics.roc_auc, 4);

    // One model per K, as the course trains, on the per-K tables without the leak sessions (listed first).
    const leaks = kernel.getValue('leak_sessions');
    if (leaks?.type !== 'table') throw new Error('no leak sessions');
    const leakRows = leaks.table.objects() as { K: number; part: string; session_id: string; terminal_at_event: number }[];
    expect(leakRows.length).toBeGreaterThan(0);
    for (const r of leakRows) expect(r.terminal_at_event).toBeLessThanOrEqual(r.K);
    // Every listed session was in that part's feature table at that K: the rows removed are the rows listed.
    for (const k of [3, 5, 7]) {
      const x = kernel.getValue('train_x');
      if (x?.type !== 'table') throw new Error('no train_x');
      const before = (x.table.array('K') as number[]).filter((v) => v === k).length;
      const after = kernel.getValue(`train_k${k}`);
      if (after?.type !== 'table') throw new Error(`no train_k${k}`);
      expect(before - after.table.numRows(), `K = ${k}`).toBe(leakRows.filter((r) => r.K === k && r.part === 'train').length);
    }
    for (const k of [3, 5, 7]) {
      for (const part of ['train', 'valid', 'test']) {
        const v = kernel.getValue(`${part}_k${k}`);
        if (v?.type !== 'table') throw new Error(`no ${part}_k${k}`);
        expect((v.table.array('K') as number[]).every((x) => x === k)).toBe(true);
        const leaked = new Set(leakRows.filter((r) => r.K === k && r.part === part).map((r) => r.session_id));
        expect((v.table.array('session_id') as string[]).some((id) => leaked.has(id)), `${part}_k${k}`).toBe(false);
      }
      const m = kernel.getValue(`gbdt_k${k}_metrics`);
      if (m?.type !== 'metrics') throw new Error(`no per-K model for K = ${k}`);
      expect(m.metrics.f1_macro).toBeGreaterThan(0.4);
      expect(m.metrics.f1_macro).toBeLessThan(0.85);
    }
    const perKTable = kernel.getValue('per_k_comparison');
    if (perKTable?.type !== 'table') throw new Error('no per-K comparison');
    expect(perKTable.table.array('K')).toEqual([3, 5, 7]);
    // Against XGBoost on the same per-K tables with the same hyperparameters (ten seeds): each per-K model's
    // test ROC AUC lies within PER_K_AUC_TOLERANCE of XGBoost's mean.
    for (const k of [3, 5, 7] as const) {
      const ref = xgboost.per_k[k];
      const m = kernel.getValue(`gbdt_k${k}_metrics`);
      const test = kernel.getValue(`test_k${k}`);
      if (m?.type !== 'metrics' || test?.type !== 'table') throw new Error(`no per-K model or table for K = ${k}`);
      expect(test.table.numRows()).toBe(ref.test_rows);
      const auc = m.metrics.roc_auc;
      expect(Math.abs(auc - ref.test_auc_mean), `K = ${k}: workbench AUC ${auc.toFixed(4)}, XGBoost ${ref.test_auc_mean.toFixed(4)} ± ${ref.test_auc_sd.toFixed(4)}`).toBeLessThanOrEqual(PER_K_AUC_TOLERANCE);
    }

    // Against pandas: the same leak sessions (id's first 8 characters @ the terminal page's page_depth) per K and part …
    const listed: Record<string, string[]> = {};
    for (const r of leakRows) (listed[`${r.K}/${r.part}`] ??= []).push(`${r.session_id.slice(0, 8)}@${r.terminal_at_event}`);
    for (const key of Object.keys(listed)) listed[key].sort();
    expect(listed).toEqual(Object.fromEntries(Object.entries(pandas.leak_sessions).filter(([, ids]) => ids.length > 0)));
    // … the same row counts before and after their removal, as the leak cell shows them …
    const leakCell = states.find((s) => s.outputs.some((o) => o.type === 'table' && o.columns.some((c) => c.name === 'rows_before')))!;
    const countTable = leakCell.outputs.find((o): o is TableOutput => o.type === 'table' && o.columns.some((c) => c.name === 'rows_before'))!;
    expect(countTable.rowCount).toBe(pandas.counts.length);
    expect(countTable.rows).toEqual(pandas.counts);
    // … which are the sizes of the per-K tables the per-K models train and are tested on.
    for (const c of pandas.counts) {
      const v = kernel.getValue(`${c.part}_k${c.K}`);
      if (v?.type !== 'table') throw new Error(`no ${c.part}_k${c.K}`);
      expect(v.table.numRows(), `${c.part}_k${c.K}`).toBe(c.rows_after);
    }
    expect(perKTable.table.array('test_rows')).toEqual(pandas.counts.filter((c) => c.part === 'test').map((c) => c.rows_after));

    // Inference on raw sessions through the fitted transform, and the conditional registration.
    const sample = kernel.getValue('sample_pred');
    if (sample?.type !== 'table') throw new Error('no sample predictions');
    expect(new Set(sample.table.array('session_id') as string[]).size).toBe(10);
    const registered = kernel.getValue('registered');
    expect(registered?.type).toBe('object');
    expect((registered as { value: { registered: boolean } }).value.registered).toBe(true);
    kernel.dispose();
  });

  it('runs its Korean copy (session-drop.ko.ipynb) without an output a Korean student would read in English', async () => {
    const { kernel, failures, doc } = await runNotebook('session-drop.ko.ipynb');
    const states = kernel.cells();
    expect(failures).toEqual([]);
    expect(states.filter((s) => s.kind !== 'markdown').every((s) => s.status === 'done')).toBe(true);
    expect(englishOnly(states, doc)).toEqual([]);
    kernel.dispose();
  });
});
