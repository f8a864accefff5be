import { describe, expect, it } from 'vitest';
import { evalTask, orderMetrics } from '../../src/ui/outputs/metricOrder.ts';
import { outputMessages } from '../../src/ui/outputs/i18n-outputs.ts';

const binary = { accuracy: 0.9, precision_macro: 0.8, recall_macro: 0.8, f1_macro: 0.8, precision_weighted: 0.9, recall_weighted: 0.9, f1_weighted: 0.9, precision: 0.7, recall: 0.6, f1: 0.65, roc_auc: 0.93, log_loss: 0.3 };

describe('metric order', () => {
  it('binary: ROC AUC, accuracy, F1, precision, recall first; the rest in a fixed order', () => {
    expect(orderMetrics('binary', binary)).toEqual({
      headline: ['roc_auc', 'accuracy', 'f1', 'precision', 'recall'],
      rest: ['log_loss', 'precision_macro', 'recall_macro', 'f1_macro', 'precision_weighted', 'recall_weighted', 'f1_weighted'],
    });
  });

  it('does not depend on the order the keys were saved in (a reload)', () => {
    const reversed = Object.fromEntries(Object.entries(binary).reverse());
    expect(orderMetrics('binary', reversed)).toEqual(orderMetrics('binary', binary));
  });

  it('multiclass: accuracy, macro F1, top-k; regression: RMSE, MAE, MAPE, R²', () => {
    expect(orderMetrics('multiclass', { roc_auc: 0.9, top_3_accuracy: 0.99, f1_macro: 0.7, accuracy: 0.8, zeta: 1 }))
      .toEqual({ headline: ['accuracy', 'f1_macro', 'top_3_accuracy'], rest: ['roc_auc', 'zeta'] });
    expect(orderMetrics('regression', { r2: 0.9, mape: 0.1, mae: 1, rmse: 2 }).headline).toEqual(['rmse', 'mae', 'mape', 'r2']);
  });

  it('tells a binary from a multiclass evaluation', () => {
    expect(evalTask({ task: 'classification', metrics: binary })).toBe('binary');
    expect(evalTask({ task: 'classification', metrics: { accuracy: 1 }, confusion: { labels: ['a', 'b', 'c'], matrix: [] } })).toBe('multiclass');
    expect(evalTask({ task: 'regression', metrics: {} })).toBe('regression');
  });
});

describe('output messages', () => {
  it('every message and metric explanation has a Korean entry', () => {
    for (const key of Object.keys(outputMessages.en)) expect(outputMessages.ko[key as keyof typeof outputMessages.ko], key).toMatch(/\S/);
    expect(Object.keys(outputMessages.metricHelpKo).sort()).toEqual(Object.keys(outputMessages.metricHelpEn).sort());
    expect(Object.keys(outputMessages.labelsKo).sort()).toEqual(Object.keys(outputMessages.labelsEn).sort());
  });

  it('every headline metric of every task has an explanation', () => {
    for (const name of [...Object.keys(binary), 'rmse', 'mae', 'mape', 'r2', 'threshold']) expect(outputMessages.metricHelpEn[name], name).toBeTruthy();
  });
});
