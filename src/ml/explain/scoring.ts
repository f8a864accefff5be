// Scorers for model explanations: higher is better, like scikit-learn's
// scoring strings 'accuracy', 'roc_auc' and 'r2'.
import { CellError } from '../../core/errors.ts';
import type { Scalar } from '../../core/outputs.ts';
import type { Prediction, TrainedModel } from '../../core/values.ts';
import { accuracy, r2, rocAuc } from '../metrics/index.ts';

export type Scoring = 'auto' | 'accuracy' | 'roc_auc' | 'r2';

/** 'auto': accuracy for classifiers, R² for regressors. */
export function resolveScoring(model: TrainedModel, scoring: Scoring): Exclude<Scoring, 'auto'> {
  const s = scoring === 'auto' ? (model.task === 'classification' ? 'accuracy' : 'r2') : scoring;
  if (s === 'r2' && model.task !== 'regression') throw new CellError('R² scores regression models; this model is a classifier.', { hint: "Use scoring 'accuracy' or 'roc_auc'.", where: 'params.scoring' });
  if (s !== 'r2' && model.task !== 'classification') throw new CellError(`${s} scores classifiers; this model predicts numbers.`, { hint: "Use scoring 'r2'.", where: 'params.scoring' });
  return s;
}

export function score(scoring: Exclude<Scoring, 'auto'>, truth: readonly Scalar[], pred: Prediction, model: TrainedModel): number {
  if (scoring === 'r2') return r2(truth as number[], pred.predictions as number[]);
  if (scoring === 'accuracy') return accuracy(truth, pred.predictions);
  if (!pred.probabilities) throw new CellError('This model gives no probabilities, so ROC-AUC cannot be computed.', { where: 'params.scoring' });
  return rocAuc(truth, pred.probabilities, pred.classes ?? model.classes ?? []);
}
