// The classification report, like scikit-learn's classification_report(
// output_dict=True, zero_division=0): precision, recall, F1 and support per
// class, then accuracy, the macro average and the support-weighted average.
import { accuracy, perLabelPRF } from './classification.ts';
import type { Label } from './labels.ts';

export interface ReportRow {
  /** A class label as a string, or 'macro avg' / 'weighted avg'. */
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface ClassificationReport {
  classes: ReportRow[];
  accuracy: number;
  macro: ReportRow;
  weighted: ReportRow;
}

/** Labels default to the sorted union of y_true and y_pred (sklearn's unique_labels). */
export function classificationReport(yTrue: readonly Label[], yPred: readonly Label[], labels?: readonly Label[]): ClassificationReport {
  const per = perLabelPRF(yTrue, yPred, labels);
  const classes = per.labels.map((l, i) => ({ label: String(l), precision: per.precision[i], recall: per.recall[i], f1: per.f1[i], support: per.support[i] }));
  const total = per.support.reduce((a, b) => a + b, 0);
  const avg = (key: 'precision' | 'recall' | 'f1', weighted: boolean) => {
    if (!weighted) return classes.reduce((a, r) => a + r[key], 0) / classes.length;
    return total === 0 ? 0 : classes.reduce((a, r) => a + r[key] * r.support, 0) / total;
  };
  const row = (label: string, weighted: boolean): ReportRow => ({ label, precision: avg('precision', weighted), recall: avg('recall', weighted), f1: avg('f1', weighted), support: total });
  return { classes, accuracy: accuracy(yTrue, yPred), macro: row('macro avg', false), weighted: row('weighted avg', true) };
}

/** The report as table rows, in sklearn's printed order (accuracy has support only in the total). */
export function reportRows(report: ClassificationReport): ReportRow[] {
  const total = report.macro.support;
  return [...report.classes, { label: 'accuracy', precision: NaN, recall: NaN, f1: report.accuracy, support: total }, report.macro, report.weighted];
}
