// Top-k accuracy with scikit-learn 1.2's top_k_accuracy_score semantics: a
// row is a hit when its true class is among the k highest-scored classes.
import { checkSameLength, indexLabels, type Label } from './labels.ts';

/**
 * `proba` holds one score per class (columns in `labels` order). Two labels:
 * sklearn takes the positive column only; k = 1 thresholds it at 0.5 (at 0
 * if the scores are not in [0, 1]), strictly above, and any k ≥ 2 is a hit.
 * More labels: classes ranked like numpy's stable argsort reversed, so among
 * tied scores the later class ranks first.
 */
export function topKAccuracy(yTrue: readonly Label[], proba: readonly (readonly number[])[], labels: readonly Label[], k = 2): number {
  checkSameLength(yTrue, proba, 'y_true and probabilities');
  if (!Number.isInteger(k) || k < 1) throw new Error(`k must be a positive integer, not ${k}.`);
  const idx = indexLabels(yTrue, labels);
  const n = yTrue.length;
  let hits = 0;
  if (labels.length === 2) {
    if (k >= 2) return 1;
    const scores = proba.map((row) => row[1]);
    const inUnit = scores.every((s) => s >= 0 && s <= 1);
    const threshold = inUnit ? 0.5 : 0;
    for (let i = 0; i < n; i++) if ((scores[i] > threshold ? 1 : 0) === idx[i]) hits++;
    return hits / n;
  }
  for (let i = 0; i < n; i++) {
    const row = proba[i];
    const t = idx[i];
    let ahead = 0;
    for (let c = 0; c < row.length; c++) if (row[c] > row[t] || (row[c] === row[t] && c > t)) ahead++;
    if (ahead < k) hits++;
  }
  return hits / n;
}
