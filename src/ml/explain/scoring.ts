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
  if (s === 'r2' && model.task !== 'regression') throw CellError.coded('scoring.r2Classifier', {}, { where: 'params.scoring' });
  if (s !== 'r2' && model.task !== 'classification') throw CellError.coded('scoring.classifierOnly', { scoring: s }, { where: 'params.scoring' });
  return s;
}

export function score(scoring: Exclude<Scoring, 'auto'>, truth: readonly Scalar[], pred: Prediction, model: TrainedModel): number {
  if (scoring === 'r2') return r2(truth as number[], pred.predictions as number[]);
  if (scoring === 'accuracy') return accuracy(truth, pred.predictions);
  if (!pred.probabilities) throw CellError.coded('scoring.noProbabilities', {}, { where: 'params.scoring' });
  return rocAuc(truth, pred.probabilities, pred.classes ?? model.classes ?? []);
}
