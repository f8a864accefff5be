// Label-based classification metrics with scikit-learn's semantics:
// accuracy, confusion matrix, precision/recall/F1 (binary with pos_label,
// macro, weighted), zero_division=0 wherever a denominator is zero.
import type { ConfusionMatrix } from '../../core/outputs.ts';
import { checkSameLength, indexLabels, sortedLabels, type Label } from './labels.ts';

export function accuracy(yTrue: readonly Label[], yPred: readonly Label[]): number {
  checkSameLength(yTrue, yPred);
  let hits = 0;
  for (let i = 0; i < yTrue.length; i++) if (yTrue[i] === yPred[i]) hits++;
  return hits / yTrue.length;
}

/**
 * Counts matrix[i][j] of rows with true label i predicted as j; labels default
 * to the sorted union of both arrays (sklearn's confusion_matrix).
 */
export function confusionMatrix(yTrue: readonly Label[], yPred: readonly Label[], labels?: readonly Label[]): { labels: Label[]; matrix: number[][] } {
  checkSameLength(yTrue, yPred);
  const ls = labels ? [...labels] : sortedLabels([...yTrue], [...yPred]);
  const t = indexLabels(yTrue, ls);
  const p = indexLabels(yPred, ls);
  const matrix = ls.map(() => new Array<number>(ls.length).fill(0));
  for (let i = 0; i < t.length; i++) matrix[t[i]][p[i]]++;
  return { labels: ls, matrix };
}

/** The output form: labels as strings for display. */
export function confusionOutput(cm: { labels: Label[]; matrix: number[][] }): ConfusionMatrix {
  return { labels: cm.labels.map((l) => String(l)), matrix: cm.matrix };
}

export type Average = 'binary' | 'macro' | 'weighted';

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

export interface PRFOptions {
  average?: Average;
  /** The positive class for average 'binary' (sklearn's default is 1). */
  posLabel?: Label;
  labels?: readonly Label[];
}

/** Per-label precision, recall and F1 with zero_division=0 (sklearn's precision_recall_fscore_support). */
export function perLabelPRF(yTrue: readonly Label[], yPred: readonly Label[], labels?: readonly Label[]): { labels: Label[]; precision: number[]; recall: number[]; f1: number[]; support: number[] } {
  const cm = confusionMatrix(yTrue, yPred, labels);
  const k = cm.labels.length;
  const precision: number[] = [];
  const recall: number[] = [];
  const f1: number[] = [];
  const support: number[] = [];
  for (let c = 0; c < k; c++) {
    const tp = cm.matrix[c][c];
    let predicted = 0;
    let actual = 0;
    for (let r = 0; r < k; r++) {
      predicted += cm.matrix[r][c];
      actual += cm.matrix[c][r];
    }
    const p = predicted === 0 ? 0 : tp / predicted;
    const r = actual === 0 ? 0 : tp / actual;
    precision.push(p);
    recall.push(r);
    // sklearn 1.2 computes F from P and R, with a zero denominator set to 1.
    const denom = p + r;
    f1.push(denom === 0 ? 0 : (2 * p * r) / denom);
    support.push(actual);
  }
  return { labels: cm.labels, precision, recall, f1, support };
}

export function precisionRecallF1(yTrue: readonly Label[], yPred: readonly Label[], options: PRFOptions = {}): PRF {
  const average = options.average ?? 'binary';
  const per = perLabelPRF(yTrue, yPred, options.labels);
  if (average === 'binary') {
    const pos = options.posLabel ?? 1;
    if (per.labels.length > 2) throw new Error(`Binary average needs at most 2 labels, got ${per.labels.length}; use macro or weighted.`);
    const i = per.labels.findIndex((l) => l === pos);
    // Positive label never seen: sklearn errors if other labels exist; all counts are zero here.
    if (i < 0) throw new Error(`pos_label ${String(pos)} is not a label (${per.labels.map(String).join(', ')}).`);
    return { precision: per.precision[i], recall: per.recall[i], f1: per.f1[i] };
  }
  if (average === 'macro') return { precision: mean(per.precision), recall: mean(per.recall), f1: mean(per.f1) };
  const total = per.support.reduce((a, b) => a + b, 0);
  const weighted = (xs: number[]) => (total === 0 ? 0 : xs.reduce((a, x, i) => a + x * per.support[i], 0) / total);
  return { precision: weighted(per.precision), recall: weighted(per.recall), f1: weighted(per.f1) };
}

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}
