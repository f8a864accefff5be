// Average precision (the area under the precision-recall curve as
// scikit-learn 1.2's average_precision_score computes it): a step sum
// Σ (R_n − R_{n−1}) P_n over distinct score thresholds, no interpolation.
import { checkSameLength, indexLabels, type Label } from './labels.ts';
import { CellError } from '../../core/errors.ts';

/** Binary AP; `positive[i]` says whether row i is of the positive class. */
export function binaryAveragePrecision(positive: ArrayLike<boolean>, scores: ArrayLike<number>): number {
  checkSameLength(positive, scores, 'labels and scores');
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  let totalPos = 0;
  for (let i = 0; i < n; i++) if (positive[i]) totalPos++;
  // sklearn warns and returns a meaningless value here; refuse instead.
  if (totalPos === 0) throw CellError.coded('metric.apNoPositive');
  let tp = 0;
  let fp = 0;
  let prevRecall = 0;
  let ap = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    if (positive[i]) tp++;
    else fp++;
    // Tied scores form one threshold: close a point only at the end of a run.
    if (k === n - 1 || scores[order[k + 1]] !== scores[i]) {
      const recall = tp / totalPos;
      ap += (recall - prevRecall) * (tp / (tp + fp));
      prevRecall = recall;
    }
  }
  return ap;
}

/**
 * PR-AUC for labels and class probabilities (columns in `labels` order).
 * Two labels: AP of the second (greater) label's column. More: one-vs-rest
 * AP per class, unweighted mean (average='macro').
 */
export function averagePrecision(yTrue: readonly Label[], proba: readonly (readonly number[])[], labels: readonly Label[]): number {
  checkSameLength(yTrue, proba, 'y_true and probabilities');
  const idx = indexLabels(yTrue, labels);
  if (labels.length === 2) return binaryAveragePrecision(Array.from(idx, (k) => k === 1), proba.map((row) => row[1]));
  let sum = 0;
  for (let c = 0; c < labels.length; c++) sum += binaryAveragePrecision(Array.from(idx, (k) => k === c), proba.map((row) => row[c]));
  return sum / labels.length;
}
