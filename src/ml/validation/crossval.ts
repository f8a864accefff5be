// Cross-validation: fit a fresh model on each fold's training rows, score it
// on the fold's test rows with the evaluate cell's metrics, and summarise
// each metric by mean and standard deviation over folds. Every fold model is
// disposed as soon as it is scored.
import type { ColumnTable } from 'arquero';
import { checkAborted } from '../../core/errors.ts';
import type { TrainedModel } from '../../core/values.ts';
import { targetLabels } from '../features.ts';
import { averagePrecision, classificationMetrics, regressionMetrics } from '../metrics/index.ts';
import { labelKey } from '../metrics/labels.ts';
import { fitAny, type ModelSpec } from './fit-any.ts';
import type { Fold } from './folds.ts';

export interface FoldResult {
  fold: number;
  trainRows: number;
  testRows: number;
  metrics: Record<string, number>;
}

export interface MetricSummary {
  metric: string;
  mean: number;
  /** Population standard deviation over folds (numpy's default, as in sklearn's cv_results_ std_*). */
  std: number;
}

export interface CrossValResult {
  folds: FoldResult[];
  summary: MetricSummary[];
}

/** Rows of a table by position in its current order (filters and orderby respected). */
export function takeRows(table: ColumnTable, rows: readonly number[]): ColumnTable {
  // reify() first: afterwards raw row indices are positions, which reify(rows) takes.
  return table.reify().reify([...rows]);
}

/** The evaluate cell's metrics (plus average precision) of a model on a table with the target. */
export async function scoreModel(model: TrainedModel, table: ColumnTable, signal?: AbortSignal): Promise<Record<string, number>> {
  const pred = await model.predict(table, signal);
  const truth = targetLabels(table, model.target);
  if (model.task === 'regression') return regressionMetrics(truth as number[], pred.predictions as number[]);
  const classes = pred.classes ?? model.classes ?? [];
  const { metrics } = classificationMetrics(truth, pred.predictions, pred.probabilities, classes);
  // PR-AUC only where ROC-AUC is defined (every class present in the fold).
  if (pred.probabilities && metrics.roc_auc !== undefined) {
    const present = new Set(truth.map(labelKey));
    if (classes.every((c) => present.has(labelKey(c)))) metrics.average_precision = averagePrecision(truth, pred.probabilities, classes);
  }
  return metrics;
}

export function summarise(folds: readonly FoldResult[]): MetricSummary[] {
  const names = [...new Set(folds.flatMap((f) => Object.keys(f.metrics)))];
  return names.map((metric) => {
    const xs = folds.map((f) => f.metrics[metric]).filter((v): v is number => typeof v === 'number');
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const std = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length);
    return { metric, mean, std };
  });
}

export interface CrossValHooks {
  signal?: AbortSignal;
  onFold?: (done: number, total: number, result: FoldResult) => void;
}

export async function crossValidate(table: ColumnTable, spec: ModelSpec, folds: readonly Fold[], hooks: CrossValHooks = {}): Promise<CrossValResult> {
  const results: FoldResult[] = [];
  for (let f = 0; f < folds.length; f++) {
    checkAborted(hooks.signal);
    const train = takeRows(table, folds[f].train);
    const test = takeRows(table, folds[f].test);
    const { model } = await fitAny(train, spec, { signal: hooks.signal });
    try {
      const metrics = await scoreModel(model, test, hooks.signal);
      const result = { fold: f + 1, trainRows: train.numRows(), testRows: test.numRows(), metrics };
      results.push(result);
      hooks.onFold?.(f + 1, folds.length, result);
    } finally {
      model.dispose();
    }
  }
  return { folds: results, summary: summarise(results) };
}
