// Score-based classification metrics: ROC-AUC (binary; multiclass
// one-vs-rest macro) and log loss, following scikit-learn 1.2.
import { checkSameLength, indexLabels, type Label } from './labels.ts';
import { CellError } from '../../core/errors.ts';

/**
 * Binary ROC-AUC like sklearn's roc_curve + auc: thresholds at distinct
 * scores (tied scores move TPR and FPR together, a diagonal segment), area by
 * the trapezoid rule. `positive[i]` says whether row i is of the positive class.
 * Dropping collinear points (drop_intermediate) does not change the area.
 */
export function binaryRocAuc(positive: ArrayLike<boolean>, scores: ArrayLike<number>): number {
  checkSameLength(positive, scores, 'labels and scores');
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  let totalPos = 0;
  for (let i = 0; i < n; i++) if (positive[i]) totalPos++;
  const totalNeg = n - totalPos;
  if (totalPos === 0 || totalNeg === 0) {
    throw CellError.coded('metric.aucOneClass');
  }
  let tp = 0;
  let fp = 0;
  let prevTpr = 0;
  let prevFpr = 0;
  let area = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    if (positive[i]) tp++;
    else fp++;
    // Close a point only at the end of a run of equal scores.
    if (k === n - 1 || scores[order[k + 1]] !== scores[i]) {
      const tpr = tp / totalPos;
      const fpr = fp / totalNeg;
      area += ((fpr - prevFpr) * (tpr + prevTpr)) / 2;
      prevTpr = tpr;
      prevFpr = fpr;
    }
  }
  return area;
}

/**
 * ROC-AUC for labels `yTrue` and probabilities `proba` (columns in `labels`
 * order). Two labels: binary AUC of the second (greater) label's column,
 * like roc_auc_score. More: one-vs-rest per label, unweighted mean (macro).
 */
export function rocAuc(yTrue: readonly Label[], proba: readonly (readonly number[])[], labels: readonly Label[]): number {
  checkSameLength(yTrue, proba, 'y_true and probabilities');
  const idx = indexLabels(yTrue, labels);
  if (labels.length === 2) {
    return binaryRocAuc(Array.from(idx, (k) => k === 1), proba.map((row) => row[1]));
  }
  let sum = 0;
  for (let c = 0; c < labels.length; c++) {
    sum += binaryRocAuc(Array.from(idx, (k) => k === c), proba.map((row) => row[c]));
  }
  return sum / labels.length;
}

/** float64 machine epsilon: sklearn 1.2's eps="auto" for float64 input. */
export const FLOAT64_EPS = 2 ** -52;

/**
 * Mean cross-entropy like sklearn 1.2's log_loss: clip to [eps, 1-eps], then
 * renormalise each row to sum to 1, then -log p(true label). (sklearn < 1.2
 * used eps = 1e-15; pass it to reproduce those numbers.)
 */
export function logLoss(yTrue: readonly Label[], proba: readonly (readonly number[])[], labels: readonly Label[], eps = FLOAT64_EPS): number {
  checkSameLength(yTrue, proba, 'y_true and probabilities');
  const idx = indexLabels(yTrue, labels);
  let total = 0;
  for (let i = 0; i < proba.length; i++) {
    const row = proba[i];
    if (row.length !== labels.length) throw new Error(`Row ${i} has ${row.length} probabilities for ${labels.length} labels.`);
    let sum = 0;
    for (const p of row) sum += clip(p, eps);
    total -= Math.log(clip(row[idx[i]], eps) / sum);
  }
  return total / proba.length;
}

function clip(p: number, eps: number): number {
  return p < eps ? eps : p > 1 - eps ? 1 - eps : p;
}
