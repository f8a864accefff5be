// The evaluate cell's optional extras: a chosen decision threshold (binary
// classifiers), top-k accuracy, the classification report table and metrics
// per group. Kept apart so evaluate.ts stays the plain, default path.
import { z } from 'zod';
import type { Scalar, TableOutput } from '../core/outputs.ts';
import type { Prediction, TrainedModel } from '../core/values.ts';
import { CellError } from '../core/errors.ts';
import {
  accuracy, averagePrecision, chooseThreshold, classificationReport, mae, metricsByGroup, pick, precisionRecallF1,
  r2, reportRows, rmse, rocAuc, topKAccuracy, type ThresholdChoice,
} from '../ml/metrics/index.ts';
import { labelKey } from '../ml/metrics/labels.ts';

export const thresholdSchema = z.object({
  rule: z.enum(['default', 'f1', 'acc_macro_f1', 'youden', 'fixed']).default('default')
    .describe('default: the model\'s own prediction; f1: maximise F1 of the positive class; acc_macro_f1: maximise ½(accuracy + macro F1); youden: maximise TPR − FPR; fixed: use value.'),
  value: z.number().min(0).max(1).optional().describe('The threshold for rule fixed (probability of the positive class).'),
});

export type ThresholdParams = z.output<typeof thresholdSchema>;

/**
 * Binary classifiers only: predictions re-made at the chosen threshold
 * (positive = the second class, when its probability is at least the
 * threshold). Undefined for rule 'default' or when it does not apply.
 */
export function applyThreshold(pred: Prediction, truth: readonly Scalar[], t: ThresholdParams | undefined): { predictions: Scalar[]; choice: ThresholdChoice } | undefined {
  if (!t || t.rule === 'default') return undefined;
  const classes = pred.classes ?? [];
  if (classes.length !== 2 || !pred.probabilities) {
    throw CellError.coded('threshold.binaryOnly', {}, { where: 'params.threshold.rule' });
  }
  if (t.rule === 'fixed' && t.value === undefined) throw CellError.coded('threshold.needsValue', {}, { where: 'params.threshold.value' });
  const scores = pred.probabilities.map((row) => row[1]);
  const positive = truth.map((v) => labelKey(v) === labelKey(classes[1]));
  const choice = chooseThreshold(positive, scores, t.rule, t.value ?? 0.5);
  return { predictions: scores.map((s) => (s >= choice.threshold ? classes[1] : classes[0])), choice };
}

export function topK(truth: readonly Scalar[], pred: Prediction, k: number): number | undefined {
  if (!pred.probabilities || !pred.classes) return undefined;
  const known = new Set(pred.classes.map(labelKey));
  if (!truth.every((v) => known.has(labelKey(v)))) return undefined;
  return topKAccuracy(truth, pred.probabilities, pred.classes, k);
}

function round(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

export function reportTable(truth: readonly Scalar[], predictions: readonly Scalar[]): TableOutput {
  const rows = reportRows(classificationReport(truth, predictions)).map((r) => ({
    class: r.label, precision: round(r.precision), recall: round(r.recall), f1: round(r.f1), support: r.support,
  }));
  return {
    type: 'table', title: 'Classification report', titleKo: '분류 리포트',
    columns: [{ name: 'class', type: 'string' }, { name: 'precision', type: 'number' }, { name: 'recall', type: 'number' }, { name: 'f1', type: 'number' }, { name: 'support', type: 'integer' }],
    rowCount: rows.length, rows,
  };
}

/** Classification: accuracy, macro F1, and ROC-AUC / PR-AUC where the group holds every class. */
function classScores(truth: readonly Scalar[], predictions: readonly Scalar[], pred: Prediction): (rows: number[]) => Record<string, number> {
  const classes = pred.classes ?? [];
  return (rows) => {
    const t = pick(truth, rows);
    const p = pick(predictions, rows);
    const out: Record<string, number> = { accuracy: accuracy(t, p), f1_macro: precisionRecallF1(t, p, { average: 'macro' }).f1 };
    const present = new Set(t.map(labelKey));
    if (pred.probabilities && classes.length >= 2 && classes.every((c) => present.has(labelKey(c))) && present.size === classes.length) {
      const pr = pick(pred.probabilities, rows);
      out.roc_auc = rocAuc(t, pr, classes);
      out.average_precision = averagePrecision(t, pr, classes);
    }
    return out;
  };
}

export function groupTable(model: TrainedModel, groups: readonly Scalar[], truth: readonly Scalar[], predictions: readonly Scalar[], pred: Prediction, groupBy: string): TableOutput {
  const compute = model.task === 'classification'
    ? classScores(truth, predictions, pred)
    : (rows: number[]) => {
      const t = pick(truth as number[], rows);
      const p = pick(predictions as number[], rows);
      return { rmse: rmse(t, p), mae: mae(t, p), r2: r2(t, p) };
    };
  const res = metricsByGroup(groups, compute);
  const all = [...res.groups, res.overall];
  const names = [...new Set(all.flatMap((g) => Object.keys(g.metrics)))];
  const rows = all.map((g) => {
    const row: Record<string, Scalar> = { [groupBy]: g.group, n: g.n };
    for (const m of names) row[m] = g.metrics[m] ?? null;
    return row;
  });
  return {
    type: 'table', title: `Metrics by ${groupBy}`, titleKo: `${groupBy}별 지표`,
    columns: [{ name: groupBy, type: 'unknown' }, { name: 'n', type: 'integer' }, ...names.map((name) => ({ name, type: 'number' as const }))],
    rowCount: rows.length, rows,
  };
}
