// Metrics computed on a subset of rows (bootstrap resamples, A/B arms),
// from one model's predictions. Each returns a function of row indices so
// the bootstrap can call it a thousand times without re-predicting; where
// it can, that function reads encoded arrays through the indices
// (indexedMetrics.ts) rather than copying the rows into the metric.
import type { Prediction, Task } from '../core/values.ts';
import type { Scalar } from '../core/outputs.ts';
import { accuracy, logLoss, mae, mape, precisionRecallF1, r2, rmse, rocAuc } from '../ml/metrics/index.ts';
import { metricKey } from './format.ts';
import { indexedMetric } from './indexedMetrics.ts';
import { CellError } from '../core/errors.ts';

export const DEFAULT_METRICS: Record<Task, string[]> = {
  classification: ['accuracy', 'roc_auc', 'f1'],
  regression: ['rmse', 'mae', 'r2'],
};

export const SUPPORTED: Record<Task, string[]> = {
  classification: ['accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'log_loss'],
  regression: ['rmse', 'mae', 'mape', 'r2'],
};

export type SubsetMetric = (indices: ArrayLike<number>) => number;

function pick<T>(values: readonly T[], idx: ArrayLike<number>): T[] {
  const out = new Array<T>(idx.length);
  for (let i = 0; i < idx.length; i++) out[i] = values[idx[i]];
  return out;
}

/**
 * The metric `name` on given rows. Classification precision/recall/F1 are
 * of the positive (second) class for two classes, macro averages otherwise;
 * ROC-AUC and log loss need probabilities.
 */
export function subsetMetric(name: string, task: Task, truth: readonly Scalar[], pred: Prediction): SubsetMetric {
  return indexedMetric(supportedKey(name, task), task, truth, pred) ?? subsetMetricByCopy(name, task, truth, pred);
}

function supportedKey(name: string, task: Task): string {
  const key = metricKey(name);
  if (!SUPPORTED[task].includes(key)) {
    throw CellError.coded(task === 'classification' ? 'metric.notClassification' : 'metric.notRegression', { name, choices: SUPPORTED[task].join(', ') });
  }
  return key;
}

/** The general path (and the reference the indexed one is tested against): the metric on copies of the rows. */
export function subsetMetricByCopy(name: string, task: Task, truth: readonly Scalar[], pred: Prediction): SubsetMetric {
  const key = supportedKey(name, task);
  if (task === 'regression') {
    const y = truth.map(Number);
    const p = pred.predictions.map(Number);
    const f = { rmse, mae, mape, r2 }[key as 'rmse' | 'mae' | 'mape' | 'r2'];
    return (idx) => f(pick(y, idx), pick(p, idx));
  }
  const classes = pred.classes ?? [];
  if (key === 'accuracy') return (idx) => accuracy(pick(truth, idx), pick(pred.predictions, idx));
  if (key === 'roc_auc' || key === 'log_loss') {
    const proba = pred.probabilities;
    if (!proba) throw CellError.coded('metric.needsProbabilities', { metric: key });
    return key === 'roc_auc' ? (idx) => rocAuc(pick(truth, idx), pick(proba, idx), classes) : (idx) => logLoss(pick(truth, idx), pick(proba, idx), classes);
  }
  const binary = classes.length === 2;
  const options = binary ? { average: 'binary' as const, posLabel: classes[1], labels: classes } : { average: 'macro' as const };
  const part = key as 'precision' | 'recall' | 'f1';
  return (idx) => precisionRecallF1(pick(truth, idx), pick(pred.predictions, idx), options)[part];
}
