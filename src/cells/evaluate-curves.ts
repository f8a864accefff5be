// The points the evaluate cell's charts need, added to its metrics output:
// a binary classifier's threshold table and calibration curve (ROC, PR,
// calibration and the threshold slider are drawn from them), a regressor's
// predicted-against-actual pairs. Compact on purpose: they are saved in the notebook.
import type { BinaryCurves, RegressionPoints, Scalar } from '../core/outputs.ts';
import type { Prediction } from '../core/values.ts';
import { seededRandom } from '../core/random.ts';
import { calibrationCurve, thresholdTable } from '../ml/metrics/index.ts';
import { labelKey } from '../ml/metrics/labels.ts';

/** Rows kept for the predicted-vs-actual and residual plots. */
export const MAX_POINTS = 2000;

/** Two classes with probabilities and both present in the truth; otherwise undefined. */
export function binaryCurves(truth: readonly Scalar[], pred: Prediction, classes: readonly Scalar[], threshold: number): BinaryCurves | undefined {
  if (classes.length !== 2 || !pred.probabilities) return undefined;
  const positiveKey = labelKey(classes[1]);
  const positive = truth.map((v) => labelKey(v) === positiveKey);
  const scores = pred.probabilities.map((row) => row[1]);
  if (!positive.some(Boolean) || positive.every(Boolean)) return undefined;
  if (!scores.every((s) => s >= 0 && s <= 1)) return undefined;
  const table = thresholdTable(positive, scores, 200);
  return {
    positive: String(classes[1]),
    negative: String(classes[0]),
    ...table,
    calibration: calibrationCurve(positive, scores, 10),
    threshold,
  };
}

/** Every pair, or a seeded sample of MAX_POINTS of them (the same rows on every run). */
export function regressionPoints(actual: readonly number[], predicted: readonly number[]): RegressionPoints {
  const total = actual.length;
  if (total <= MAX_POINTS) return { actual: [...actual], predicted: [...predicted], total };
  const random = seededRandom(20240607);
  // Partial Fisher–Yates over the row indices, then back to row order.
  const index = Array.from({ length: total }, (_, i) => i);
  for (let i = 0; i < MAX_POINTS; i++) {
    const j = i + Math.floor(random() * (total - i));
    [index[i], index[j]] = [index[j], index[i]];
  }
  const rows = index.slice(0, MAX_POINTS).sort((a, b) => a - b);
  return { actual: rows.map((i) => actual[i]), predicted: rows.map((i) => predicted[i]), total };
}
