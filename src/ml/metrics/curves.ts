// The points a binary classifier's evaluation draws: a threshold-indexed
// table of confusion counts (from which the ROC curve, the precision-recall
// curve and the metrics at any listed threshold follow exactly) and a
// reliability (calibration) curve. Kept compact so it fits in a saved
// notebook: at most `maxThresholds` thresholds, each with exact counts.
import { checkSameLength } from './labels.ts';

export interface ThresholdTable {
  /** Decision thresholds, highest first: predict positive when score >= threshold. */
  thresholds: number[];
  /** True / false positives at each threshold (predicted positive and actually positive / negative). */
  tp: number[];
  fp: number[];
  /** All positives and negatives in the data (fn = positives − tp, tn = negatives − fp). */
  positives: number;
  negatives: number;
}

export interface CalibrationCurve {
  /** Mean predicted probability of the rows in each non-empty bin. */
  meanPredicted: number[];
  /** Share of positives among them. */
  fractionPositive: number[];
  /** Rows in each bin. */
  count: number[];
}

/**
 * Confusion counts at the distinct scores, highest first (sklearn's
 * roc_curve thresholds with drop_intermediate=False, without its leading
 * "nothing positive" point). With more distinct scores than `maxThresholds`
 * only some are kept, spaced by the number of rows between them (so the
 * curves keep their resolution where the data is), always with the lowest
 * one; the counts at every kept threshold stay exact.
 */
export function thresholdTable(positive: ArrayLike<boolean>, scores: ArrayLike<number>, maxThresholds = 200): ThresholdTable {
  checkSameLength(positive, scores, 'labels and scores');
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  let positives = 0;
  for (let i = 0; i < n; i++) if (positive[i]) positives++;
  let distinct = 0;
  for (let k = 0; k < n; k++) if (k === n - 1 || scores[order[k + 1]] !== scores[order[k]]) distinct++;
  const table: ThresholdTable = { thresholds: [], tp: [], fp: [], positives, negatives: n - positives };
  const step = distinct > maxThresholds ? n / (maxThresholds - 1) : 0;
  let nextRows = step;
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    if (positive[i]) tp++;
    else fp++;
    const endOfRun = k === n - 1 || scores[order[k + 1]] !== scores[i];
    if (!endOfRun) continue;
    if (step > 0 && k + 1 < nextRows && k !== n - 1) continue;
    while (step > 0 && nextRows <= k + 1) nextRows += step;
    table.thresholds.push(scores[i]);
    table.tp.push(tp);
    table.fp.push(fp);
  }
  return table;
}

/**
 * scikit-learn's calibration_curve(y, prob, n_bins, strategy='uniform'):
 * `nBins` equal-width bins over [0, 1] (the top edge nudged up by 1e-8 as
 * sklearn does, values on an inner edge going to the lower bin), empty bins left out.
 */
export function calibrationCurve(positive: ArrayLike<boolean>, probabilities: ArrayLike<number>, nBins = 10): CalibrationCurve {
  checkSameLength(positive, probabilities, 'labels and probabilities');
  const width = (1 + 1e-8) / nBins;
  const inner = Array.from({ length: nBins - 1 }, (_, k) => (k + 1) * width);
  const sums = new Float64Array(nBins);
  const trues = new Float64Array(nBins);
  const counts = new Float64Array(nBins);
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i];
    if (!(p >= 0 && p <= 1)) throw new Error(`Probabilities must lie in [0, 1]; row ${i + 1} has ${p}.`);
    let bin = 0;
    while (bin < inner.length && inner[bin] < p) bin++;
    sums[bin] += p;
    counts[bin]++;
    if (positive[i]) trues[bin]++;
  }
  const out: CalibrationCurve = { meanPredicted: [], fractionPositive: [], count: [] };
  for (let b = 0; b < nBins; b++) {
    if (counts[b] === 0) continue;
    out.meanPredicted.push(sums[b] / counts[b]);
    out.fractionPositive.push(trues[b] / counts[b]);
    out.count.push(counts[b]);
  }
  return out;
}
