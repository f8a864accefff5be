// Evaluation additions against scikit-learn 1.2.1 reference values, made by
// tests/fixtures/make_eval_fixtures.py (run it with /usr/bin/python3).
import { describe, expect, it } from 'vitest';
import fx from '../fixtures/eval_metrics.json' with { type: 'json' };
import {
  accuracy,
  averagePrecision,
  binaryAveragePrecision,
  chooseThreshold,
  classificationReport,
  metricsByGroup,
  pick,
  precisionRecallF1,
  rocAuc,
  topKAccuracy,
  type Label,
} from '../../src/ml/metrics/index.ts';

function close(actual: number | undefined, expected: number, name: string): void {
  expect(actual, name).toBeTypeOf('number');
  expect(Math.abs((actual as number) - expected), `${name}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9);
}

interface SkRow { precision: number; recall: number; 'f1-score': number; support: number }

function checkReport(c: { y_true: Label[]; y_pred: Label[]; report: Record<string, SkRow | number> }): void {
  const r = classificationReport(c.y_true, c.y_pred);
  const sk = c.report;
  for (const row of [...r.classes, r.macro, r.weighted]) {
    const e = sk[row.label] as SkRow;
    close(row.precision, e.precision, `${row.label} precision`);
    close(row.recall, e.recall, `${row.label} recall`);
    close(row.f1, e['f1-score'], `${row.label} f1`);
    expect(row.support).toBe(e.support);
  }
  expect(r.classes.map((x) => x.label)).toEqual(Object.keys(sk).filter((k) => !['accuracy', 'macro avg', 'weighted avg'].includes(k)));
  close(r.accuracy, sk.accuracy as number, 'accuracy');
}

describe.each([
  ['multiclass', fx.multiclass],
  ['strings', fx.strings],
])('%s vs sklearn', (_name, c) => {
  it('top-k accuracy (ties ranked like numpy argsort)', () => {
    for (const [k, v] of Object.entries(c.top_k)) close(topKAccuracy(c.y_true, c.proba, c.labels, Number(k)), v, `top-${k}`);
  });
  it('classification report', () => checkReport(c));
  it('average precision (macro one-vs-rest)', () => close(averagePrecision(c.y_true, c.proba, c.labels), c.average_precision, 'AP'));
});

describe('binary vs sklearn', () => {
  const b = fx.binary;
  const positive = b.y_true.map((y) => y === 1);
  it('top-k accuracy, report and average precision', () => {
    for (const [k, v] of Object.entries(b.top_k)) close(topKAccuracy(b.y_true, b.proba, b.labels, Number(k)), v, `top-${k}`);
    checkReport(b);
    close(averagePrecision(b.y_true, b.proba, b.labels), b.average_precision, 'AP');
    close(binaryAveragePrecision(positive, b.scores), b.average_precision, 'binary AP');
  });
  it.each(['f1', 'acc_macro_f1', 'youden', 'fixed'] as const)('threshold rule %s', (rule) => {
    const e = b.thresholds[rule];
    const choice = chooseThreshold(positive, b.scores, rule, 0.42);
    expect(choice.threshold).toBe(e.threshold);
    for (const [k, v] of Object.entries(e.metrics)) close(choice.metrics[k as keyof typeof choice.metrics], v, `${rule} ${k}`);
  });
  it('metrics per group plus overall', () => {
    const res = metricsByGroup(b.groups, (rows) => {
      const t = pick(b.y_true, rows);
      const p = pick(b.y_pred, rows);
      const pr = pick(b.proba, rows);
      return { accuracy: accuracy(t, p), f1_macro: precisionRecallF1(t, p, { average: 'macro' }).f1, roc_auc: rocAuc(t, pr, b.labels), average_precision: averagePrecision(t, pr, b.labels) };
    });
    expect(res.groups.map((g) => g.group)).toEqual([1, 2, 3]);
    for (const g of res.groups) {
      const e = b.per_group[String(g.group) as '1' | '2' | '3'];
      expect(g.n).toBe(e.n);
      for (const k of ['accuracy', 'f1_macro', 'roc_auc', 'average_precision'] as const) close(g.metrics[k], e[k], `group ${g.group} ${k}`);
    }
    for (const k of ['accuracy', 'f1_macro', 'roc_auc', 'average_precision'] as const) close(res.overall.metrics[k], b.overall[k], `overall ${k}`);
    expect(res.overall.n).toBe(b.y_true.length);
  });
});
