// Choosing the decision threshold of a binary classifier from its scores:
// predict the positive class when score >= threshold. The candidates are the
// distinct scores (every threshold in between gives the same predictions).
// Rules: maximise the positive class's F1, maximise ½(accuracy + macro F1)
// (the course's rule, which also rewards getting the negative class right),
// maximise Youden's J = TPR − FPR, or take a given threshold.
import { checkSameLength } from './labels.ts';
import { CellError } from '../../core/errors.ts';

export type ThresholdRule = 'f1' | 'acc_macro_f1' | 'youden' | 'fixed';

export interface ThresholdMetrics {
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  f1_macro: number;
  /** ½(accuracy + macro F1). */
  acc_macro_f1: number;
  /** TPR − FPR. */
  youden: number;
}

export interface ThresholdChoice {
  threshold: number;
  metrics: ThresholdMetrics;
}

/** sklearn's F from precision and recall, zero when both are zero. */
function fScore(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** The metrics when `tp` of `pos` positives and `fp` of `neg` negatives score at or above the threshold. */
export function metricsFromCounts(tp: number, fp: number, pos: number, neg: number): ThresholdMetrics {
  const fn = pos - tp;
  const tn = neg - fp;
  const n = pos + neg;
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = pos === 0 ? 0 : tp / pos;
  const precisionNeg = tn + fn === 0 ? 0 : tn / (tn + fn);
  const recallNeg = neg === 0 ? 0 : tn / neg;
  const f1 = fScore(precision, recall);
  const f1Macro = (f1 + fScore(precisionNeg, recallNeg)) / 2;
  const accuracy = (tp + tn) / n;
  return { accuracy, precision, recall, f1, f1_macro: f1Macro, acc_macro_f1: (accuracy + f1Macro) / 2, youden: recall - (neg === 0 ? 0 : fp / neg) };
}

/** Metrics at one threshold (score >= threshold is positive). */
export function metricsAtThreshold(positive: ArrayLike<boolean>, scores: ArrayLike<number>, threshold: number): ThresholdMetrics {
  checkSameLength(positive, scores, 'labels and scores');
  let pos = 0;
  let tp = 0;
  let fp = 0;
  for (let i = 0; i < scores.length; i++) {
    if (positive[i]) pos++;
    if (scores[i] >= threshold) {
      if (positive[i]) tp++;
      else fp++;
    }
  }
  return metricsFromCounts(tp, fp, pos, scores.length - pos);
}

/**
 * The best threshold under `rule` (or `value` for 'fixed'). Ties go to the
 * highest threshold, the first one met when sweeping from the top (like
 * argmax over sklearn's roc_curve thresholds).
 */
export function chooseThreshold(positive: ArrayLike<boolean>, scores: ArrayLike<number>, rule: ThresholdRule, value = 0.5): ThresholdChoice {
  if (rule === 'fixed') return { threshold: value, metrics: metricsAtThreshold(positive, scores, value) };
  checkSameLength(positive, scores, 'labels and scores');
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  let pos = 0;
  for (let i = 0; i < n; i++) if (positive[i]) pos++;
  let tp = 0;
  let fp = 0;
  let best: ThresholdChoice | undefined;
  let bestValue = -Infinity;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    if (positive[i]) tp++;
    else fp++;
    if (k < n - 1 && scores[order[k + 1]] === scores[i]) continue;
    const metrics = metricsFromCounts(tp, fp, pos, n - pos);
    const objective = metrics[rule];
    if (objective > bestValue) {
      bestValue = objective;
      best = { threshold: scores[i], metrics };
    }
  }
  if (!best) throw CellError.coded('metric.noScores');
  return best;
}
