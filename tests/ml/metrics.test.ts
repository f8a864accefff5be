// Metrics against scikit-learn 1.2.1 reference values, made by
// tests/fixtures/make_metrics_fixtures.py (run it with /usr/bin/python3).
import { describe, expect, it } from 'vitest';
import binary from '../fixtures/metrics_binary.json' with { type: 'json' };
import multiclass from '../fixtures/metrics_multiclass.json' with { type: 'json' };
import strings from '../fixtures/metrics_strings.json' with { type: 'json' };
import regression from '../fixtures/metrics_regression.json' with { type: 'json' };
import {
  accuracy,
  binaryRocAuc,
  classificationMetrics,
  confusionMatrix,
  logLoss,
  precisionRecallF1,
  regressionMetrics,
  sortedLabels,
} from '../../src/ml/metrics/index.ts';

/** Equal to 1e-9, relative for large values (MAPE with zeros in y_true is ~3e14). */
function close(actual: number | undefined, expected: number, name: string): void {
  expect(actual, name).toBeTypeOf('number');
  const tol = 1e-9 * Math.max(1, Math.abs(expected));
  expect(Math.abs((actual as number) - expected), `${name}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tol);
}

interface ClassCase {
  y_true: (number | string)[];
  y_pred: (number | string)[];
  proba: number[][];
  labels: (number | string)[];
  expected: Record<string, unknown>;
}

const SCALARS = ['accuracy', 'precision_macro', 'recall_macro', 'f1_macro', 'precision_weighted', 'recall_weighted', 'f1_weighted', 'log_loss', 'roc_auc', 'precision', 'recall', 'f1'];

describe.each([
  ['binary with ties and 0/1 probabilities', binary as ClassCase],
  ['multiclass, 3 labels', multiclass as ClassCase],
  ['string labels, one never predicted', strings as ClassCase],
])('classification metrics: %s', (_name, c) => {
  it('matches scikit-learn', () => {
    const { metrics, confusion } = classificationMetrics(c.y_true, c.y_pred, c.proba, c.labels);
    let checked = 0;
    for (const key of SCALARS) {
      if (!(key in c.expected)) continue;
      close(metrics[key], c.expected[key] as number, key);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(9);
    expect(confusion.matrix).toEqual(c.expected.confusion);
    expect(confusion.labels).toEqual((c.expected.confusion_labels as unknown[]).map(String));
    // Binary cases must not report metrics scikit-learn did not compute.
    if (!('precision' in c.expected)) expect(metrics.precision).toBeUndefined();
  });
});

describe('classification metric details', () => {
  it('sorts labels like unique_labels: numbers numerically, strings by code point', () => {
    expect(sortedLabels([10, 2, 1], [2])).toEqual([1, 2, 10]);
    expect(sortedLabels(['b', 'B', 'a'])).toEqual(['B', 'a', 'b']);
  });

  it('confusion matrix includes labels only predicted', () => {
    const cm = confusionMatrix(['a', 'a', 'b'], ['a', 'c', 'b']);
    expect(cm.labels).toEqual(['a', 'b', 'c']);
    expect(cm.matrix).toEqual([[1, 0, 1], [0, 1, 0], [0, 0, 0]]);
  });

  it('zero_division=0: precision of a never-predicted positive class is 0', () => {
    const prf = precisionRecallF1([0, 1, 1], [0, 0, 0], { average: 'binary', posLabel: 1 });
    expect(prf).toEqual({ precision: 0, recall: 0, f1: 0 });
  });

  it('ROC-AUC: all scores tied gives 0.5, perfect ranking 1', () => {
    expect(binaryRocAuc([true, false, true, false], [0.3, 0.3, 0.3, 0.3])).toBe(0.5);
    expect(binaryRocAuc([true, false, true, false], [0.9, 0.1, 0.8, 0.2])).toBe(1);
    expect(() => binaryRocAuc([true, true], [0.1, 0.2])).toThrow(/one class/);
  });

  it('log loss clips 0 and 1 with float64 eps (sklearn 1.2 eps="auto")', () => {
    // -log(eps) = 52 ln 2 for a certain, wrong prediction; 1e-15 would give 34.5.
    close(logLoss([1], [[1, 0]], [0, 1]), 52 * Math.LN2, 'log_loss');
    close(logLoss([1], [[1, 0]], [0, 1], 1e-15), -Math.log(1e-15), 'log_loss eps=1e-15');
  });

  it('accuracy counts exact matches', () => {
    expect(accuracy(['x', 'y', 'x'], ['x', 'x', 'x'])).toBeCloseTo(2 / 3, 15);
  });
});

describe('regression metrics', () => {
  it('match scikit-learn, including MAPE with zeros in y_true', () => {
    const m = regressionMetrics(regression.y_true, regression.y_pred);
    for (const [key, value] of Object.entries(regression.expected)) close(m[key], value, key);
  });

  it('R² of a constant target: 1 if perfect, else 0 (force_finite)', () => {
    expect(regressionMetrics([2, 2], [2, 2]).r2).toBe(1);
    expect(regressionMetrics([2, 2], [2, 3]).r2).toBe(0);
  });
});
