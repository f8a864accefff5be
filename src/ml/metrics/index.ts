// The metric set the evaluate cell reports, per task, plus re-exports.
import type { ConfusionMatrix } from '../../core/outputs.ts';
import { accuracy, confusionMatrix, confusionOutput, precisionRecallF1 } from './classification.ts';
import { logLoss, rocAuc } from './probabilistic.ts';
import { mae, mape, r2, rmse } from './regression.ts';
import { labelKey, type Label } from './labels.ts';

export * from './classification.ts';
export * from './probabilistic.ts';
export * from './regression.ts';
export { sortedLabels, compareLabels, type Label } from './labels.ts';

/**
 * All classification metrics. `classes` are the model's labels (probability
 * column order). Binary problems also get precision/recall/F1 of the positive
 * class, the greater label like scikit-learn's pos_label=1. ROC-AUC and log
 * ROC-AUC and log loss are left out (not NaN) where sklearn would refuse them.
 */
export function classificationMetrics(
  yTrue: readonly Label[],
  yPred: readonly Label[],
  proba: readonly (readonly number[])[] | undefined,
  classes: readonly Label[],
): { metrics: Record<string, number>; confusion: ConfusionMatrix } {
  const metrics: Record<string, number> = { accuracy: accuracy(yTrue, yPred) };
  for (const average of ['macro', 'weighted'] as const) {
    const prf = precisionRecallF1(yTrue, yPred, { average });
    metrics[`precision_${average}`] = prf.precision;
    metrics[`recall_${average}`] = prf.recall;
    metrics[`f1_${average}`] = prf.f1;
  }
  if (classes.length === 2) {
    const prf = precisionRecallF1(yTrue, yPred, { average: 'binary', posLabel: classes[1], labels: classes });
    metrics.precision = prf.precision;
    metrics.recall = prf.recall;
    metrics.f1 = prf.f1;
  }
  if (proba) {
    // sklearn refuses both when y_true holds a label the model has no column
    // for; ROC-AUC also needs every class to occur in y_true.
    const known = new Set(classes.map((c) => labelKey(c)));
    const present = new Set(yTrue.map((v) => labelKey(v)));
    if ([...present].every((k) => known.has(k))) {
      if (classes.every((c) => present.has(labelKey(c)))) metrics.roc_auc = rocAuc(yTrue, proba, classes);
      metrics.log_loss = logLoss(yTrue, proba, classes);
    }
  }
  return { metrics, confusion: confusionOutput(confusionMatrix(yTrue, yPred)) };
}

export function regressionMetrics(yTrue: ArrayLike<number>, yPred: ArrayLike<number>): Record<string, number> {
  return { rmse: rmse(yTrue, yPred), mae: mae(yTrue, yPred), mape: mape(yTrue, yPred), r2: r2(yTrue, yPred) };
}
export * from './topk.ts';
export * from './report.ts';
export * from './precision-recall.ts';
export * from './threshold.ts';
export * from './groups.ts';
export * from './curves.ts';
