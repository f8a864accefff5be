// The bank-marketing notebook, on the generated data it ships with and on the
// real UCI sample (../shared/datasets) swapped into its load cell.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runNotebook } from '../helpers/runNotebook.ts';
import { englishOnly } from '../helpers/koreanTitles.ts';
import { stratifiedSplit } from '../../src/data/split.ts';
import { loadBytes } from '../../src/data/load.ts';
import { binomialInterval } from '../../src/lifecycle/stats/binomial.ts';

const SAMPLE = fileURLToPath(new URL('../../../shared/datasets/bank-marketing/bank-additional.csv', import.meta.url));
const reference = JSON.parse(readFileSync(new URL('../fixtures/bank_course.json', import.meta.url), 'utf8'));
const splitFixture = JSON.parse(readFileSync(new URL('../fixtures/bank_course_split.json', import.meta.url), 'utf8'));

describe('bank-marketing notebook', () => {
  it('runs end to end on the generated data, in the range that data supports', async () => {
    const { failures, metrics, table, kernel, doc } = await runNotebook('bank-marketing.ipynb');
    expect(failures).toEqual([]);
    // Issue 13: a student in the Korean UI reads every output's title, axes and summary in Korean.
    expect(englishOnly(kernel.cells(), doc)).toEqual([]);
    // 41,188 generated calls, 11.27 % yes; 70/20/10 stratified.
    expect(table('bank').numRows()).toBe(41188);
    expect(table('test_x').numRows()).toBe(4119);
    // The course's 59 features (+ y).
    expect(table('train_x').numCols()).toBe(60);
    for (const name of ['conservative_metrics', 'aggressive_metrics']) {
      const m = metrics(name);
      // The generator plants group rates that a ranker can use: the course reports AUC ≈ 0.79 on the real
      // full data; the generated data measures 0.81–0.82. Accuracy at 0.5 stays near 1 − 11 % positives.
      expect(m.roc_auc).toBeGreaterThan(0.76);
      expect(m.roc_auc).toBeLessThan(0.88);
      expect(m.accuracy).toBeGreaterThan(0.885);
      expect(m.threshold).toBe(0.5);
    }
    // The baselines beside the models: the majority class ("no") and a logistic regression on the same 59 features.
    const majority = metrics('majority_metrics');
    const positives = (table('test_x').array('y') as string[]).filter((v) => v === 'yes').length / 4119;
    expect(majority.accuracy).toBeCloseTo(1 - positives, 10);
    expect(majority.roc_auc).toBe(0.5);
    const logistic = metrics('logistic_metrics');
    expect(logistic.roc_auc).toBeGreaterThan(0.7);
    for (const name of ['conservative_metrics', 'aggressive_metrics']) expect(metrics(name).roc_auc).toBeGreaterThan(majority.roc_auc);
    // The tuning step (issue 18): 10 trials on validation AUC, the best params feed the tuned model, and the
    // comparison either shows a gain over the conservative model or says why not. Measured: +0.0038 (0.8101 → 0.8139).
    const tuneCell = kernel.cells().find((c) => c.kind === 'tune')!;
    const trials = tuneCell.outputs.find((o) => o.type === 'table') as { rowCount: number; columns: { name: string }[] };
    expect(trials.rowCount).toBe(10);
    expect(trials.columns.map((c) => c.name)).toEqual(expect.arrayContaining(['gbdt.maxDepth', 'gbdt.eta', 'gbdt.rounds', 'gbdt.minChildWeight']));
    const best = kernel.getValue('best_params') as { type: 'object'; value: Record<string, number> };
    const tuned = kernel.getValue('tuned');
    expect(tuned?.type === 'model' && tuned.model.describe()).toMatchObject({ rounds: best.value['gbdt.rounds'], params: { maxDepth: best.value['gbdt.maxDepth'], minChildWeight: best.value['gbdt.minChildWeight'] } });
    const gain = metrics('tuned_valid').roc_auc - metrics('conservative_valid').roc_auc;
    const verdictId = doc.cells.find((c) => c.title?.startsWith('Tuned vs conservative'))!.id;
    const verdict = kernel.cells().find((c) => c.id === verdictId)!.outputs.map((o) => JSON.stringify(o)).join(' ');
    expect(verdict).toMatch(gain > 0 ? /raised the validation AUC/ : /did not beat the conservative model/);
    expect(gain).toBeGreaterThan(0);
    const registered = kernel.getValue('registered');
    expect(registered?.type).toBe('object');
    expect((registered as { value: { registered: boolean } }).value.registered).toBe(true);

    // The endpoint (issue 18): it answers requests, and the A/B split of 1,000 requests matches its 70/30
    // weights within the binomial 99 % interval (scipy.stats.binom.interval(0.99, 1000, 0.7) = (662, 737)).
    const first = table('first_responses');
    expect(first.numRows()).toBe(20);
    expect(new Set(first.array('variant') as string[])).toEqual(new Set(['AllTraffic']));
    expect((first.array('prediction') as string[]).every((p) => p === 'yes' || p === 'no')).toBe(true);
    const ab = table('ab_responses');
    expect(ab.numRows()).toBe(1000);
    const current = (ab.array('variant') as string[]).filter((v) => v === 'current').length;
    const tunedCount = (ab.array('variant') as string[]).filter((v) => v === 'tuned').length;
    expect(current + tunedCount).toBe(1000);
    expect(binomialInterval(1000, 0.7)).toEqual({ low: 662, high: 737 });
    expect(current).toBeGreaterThanOrEqual(662);
    expect(current).toBeLessThanOrEqual(737);
    // Each answer is the registered version's own prediction for that test row.
    const keys = ab.array('key') as string[];
    const variants = ab.array('variant') as string[];
    const answers = ab.array('prediction') as string[];
    const sameRows = table('test_x').reify(keys.map(Number));
    for (const [variant, model] of [['current', 'best'], ['tuned', 'tuned']] as const) {
      const m = kernel.getValue(model);
      const own = m?.type === 'model' ? (await m.model.predict(sameRows)).predictions : [];
      const mismatched = variants.filter((v, i) => v === variant && own[i] !== answers[i]).length;
      expect(mismatched, variant).toBe(0);
    }
    const monitor = kernel.getValue('ab_monitor') as { type: 'object'; value: { labelled: number; alerts: unknown[]; variants: { variant: string; metrics: Record<string, number> }[] } };
    expect(monitor.value.labelled).toBe(1000);
    for (const v of monitor.value.variants) expect(v.metrics.roc_auc).toBeGreaterThan(0.75);
    const redeployed = kernel.getValue('endpoint_best') as { type: 'object'; value: { config: number; status: string; variants: { variant: string }[] } };
    const winner = [...monitor.value.variants].sort((a, b) => b.metrics.roc_auc - a.metrics.roc_auc)[0].variant;
    expect(redeployed.value).toMatchObject({ config: 4, status: 'in-service', variants: [{ variant: winner }] });
    expect(table('best_responses').numRows()).toBe(20);
  });

  it.skipIf(!existsSync(SAMPLE))('on the real UCI sample, reaches scikit-learn HistGradientBoosting\'s test AUC within 0.03 (same preprocessing, same split)', async () => {
    // The fixture was made from this split; if the split algorithm changes, regenerate both fixture steps.
    const y = loadBytes(new Uint8Array(readFileSync(SAMPLE)), { fileName: 'bank-additional.csv' }).table.array('y') as unknown[];
    expect(stratifiedSplit(y, { train: 0.7, validation: 0.2, test: 0.1 }, 42)).toEqual(splitFixture);

    const { failures, metrics, table } = await runNotebook('bank-marketing.ipynb', {
      // The runner reads only the notebook's folder unless the user allows another (--allow-read).
      allowRead: [dirname(SAMPLE)],
      edit: (doc) => {
        const load = doc.cells.find((c) => c.kind === 'load')!;
        load.params = { ...load.params, source: { type: 'file', fileId: SAMPLE, fileName: 'bank-additional.csv' } };
      },
    });
    expect(failures).toEqual([]);
    expect(table('test_x').numRows()).toBe(reference.rows.test);
    expect(table('train_x').numCols() - 1).toBe(reference.n_features);
    const best = Math.max(metrics('conservative_metrics').roc_auc, metrics('aggressive_metrics').roc_auc);
    expect(Math.abs(best - reference.sklearn_hgb_test_auc)).toBeLessThan(0.03);
    // The logistic-regression baseline against scikit-learn's LogisticRegression on the same split and features.
    expect(Math.abs(metrics('logistic_metrics').roc_auc - reference.sklearn_logistic_test_auc)).toBeLessThan(0.03);
  });
});
