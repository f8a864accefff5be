import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateCell, evaluateSchema } from '../../src/cells/evaluate.ts';
import { MAX_POINTS, regressionPoints } from '../../src/cells/evaluate-curves.ts';
import { trainCell, trainSchema } from '../../src/cells/train.ts';
import type { MetricsOutput, TableOutput } from '../../src/core/outputs.ts';
import type { Value } from '../../src/core/values.ts';
import { initBackend } from '../../src/ml/backend.ts';
import { accuracy, rmse } from '../../src/ml/metrics/index.ts';
import { testContext } from '../helpers/context.ts';
import { line, separable, blobs } from '../ml/synthetic.ts';

beforeAll(async () => {
  await initBackend({ order: ['wasm', 'cpu'] });
});

async function trained(values: Record<string, Value>, params: Record<string, unknown>) {
  const ctx = testContext(values);
  await trainCell.run(trainSchema.parse(params), ctx);
  return ctx;
}

describe('evaluate cell', () => {
  it('parses {} to defaults and declares reads/writes', () => {
    const p = evaluateSchema.parse({});
    expect(p).toEqual({ model: 'model', input: 'test', predictions: '', output: 'metrics' });
    for (const [name, field] of Object.entries(evaluateSchema.shape)) expect(field.description, name).toBeTruthy();
    expect(evaluateCell.reads(p)).toEqual(['model', 'test']);
    expect(evaluateCell.writes({ ...p, predictions: 'preds' })).toEqual(['metrics', 'preds']);
    expect(evaluateCell.render(p)).toBe('// evaluate model on test → metrics');
  });

  it('binary classification: all metrics, confusion matrix and a predictions table that agree', async () => {
    const test = separable(80, 21);
    const ctx = await trained({ train: { type: 'table', table: separable(200) }, test: { type: 'table', table: test } }, { target: 'label', model: 'logistic', learningRate: 0.05, epochs: 30 });
    const outputs = await evaluateCell.run(evaluateSchema.parse({ predictions: 'preds' }), ctx);
    const m = outputs[0] as MetricsOutput;
    expect(m.task).toBe('classification');
    expect(Object.keys(m.metrics).sort()).toEqual(
      ['accuracy', 'f1', 'f1_macro', 'f1_weighted', 'log_loss', 'precision', 'precision_macro', 'precision_weighted', 'recall', 'recall_macro', 'recall_weighted', 'roc_auc'],
    );
    expect(m.metrics.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(m.metrics.roc_auc).toBeGreaterThan(0.98);
    expect(m.confusion!.labels).toEqual(['neg', 'pos']);
    const total = m.confusion!.matrix.flat().reduce((a, b) => a + b, 0);
    expect(total).toBe(80);
    expect((m.confusion!.matrix[0][0] + m.confusion!.matrix[1][1]) / total).toBeCloseTo(m.metrics.accuracy, 12);
    const stored = ctx.values.get('preds');
    if (stored?.type !== 'table') throw new Error('no predictions table');
    expect(stored.table.columnNames()).toEqual(['x1', 'x2', 'label', 'prediction', 'p_neg', 'p_pos']);
    expect(accuracy(stored.table.array('label') as string[], stored.table.array('prediction') as string[])).toBe(m.metrics.accuracy);
    expect((outputs[1] as TableOutput).name).toBe('preds');
    expect(ctx.values.get('metrics')).toEqual({ type: 'metrics', metrics: m.metrics });
    // The curve points: the threshold table at 0.5 reproduces the confusion matrix, and its ROC area the reported AUC.
    const b = m.binary!;
    expect([b.positive, b.negative, b.threshold]).toEqual(['pos', 'neg', 0.5]);
    expect(b.positives + b.negatives).toBe(80);
    const p = stored.table.array('p_pos') as number[];
    const truth = stored.table.array('label') as string[];
    const k = b.thresholds.findIndex((t, i) => t >= 0.5 && (i === b.thresholds.length - 1 || b.thresholds[i + 1] < 0.5));
    expect(b.tp[k]).toBe(p.filter((v, i) => v >= 0.5 && truth[i] === 'pos').length);
    expect(b.fp[k]).toBe(p.filter((v, i) => v >= 0.5 && truth[i] === 'neg').length);
    let area = 0;
    let [fpr0, tpr0] = [0, 0];
    b.thresholds.forEach((_, i) => {
      const [fpr, tpr] = [b.fp[i] / b.negatives, b.tp[i] / b.positives];
      area += ((fpr - fpr0) * (tpr + tpr0)) / 2;
      [fpr0, tpr0] = [fpr, tpr];
    });
    expect(area).toBeCloseTo(m.metrics.roc_auc, 12);
    expect(b.calibration.count.reduce((a, c) => a + c, 0)).toBe(80);
  });

  it('multiclass: OvR ROC-AUC and log loss present, no binary-only metrics', async () => {
    const ctx = await trained({ train: { type: 'table', table: blobs(90) }, test: { type: 'table', table: blobs(45, 5) } }, { target: 'k', model: 'logistic', learningRate: 0.05, epochs: 20 });
    const [m] = (await evaluateCell.run(evaluateSchema.parse({}), ctx)) as MetricsOutput[];
    expect(m.metrics.roc_auc).toBeGreaterThan(0.95);
    expect(m.metrics.log_loss).toBeGreaterThan(0);
    expect(m.metrics.precision).toBeUndefined();
    expect(m.confusion!.labels).toEqual(['0', '1', '2']);
  });

  it('regression: RMSE, MAE, MAPE and R²', async () => {
    const test = line(50, 31);
    const ctx = await trained({ train: { type: 'table', table: line(200) }, test: { type: 'table', table: test } }, { target: 'y', model: 'linear', learningRate: 0.05, epochs: 60 });
    const outputs = await evaluateCell.run(evaluateSchema.parse({ predictions: 'p' }), ctx);
    const m = outputs[0] as MetricsOutput;
    expect(m.task).toBe('regression');
    expect(Object.keys(m.metrics).sort()).toEqual(['mae', 'mape', 'r2', 'rmse']);
    expect(m.metrics.r2).toBeGreaterThan(0.999);
    expect(m.confusion).toBeUndefined();
    const p = ctx.values.get('p');
    if (p?.type !== 'table') throw new Error('no predictions');
    expect(rmse(test.array('y') as number[], p.table.array('prediction') as number[])).toBeCloseTo(m.metrics.rmse, 12);
    expect(m.points).toEqual({ actual: test.array('y'), predicted: p.table.array('prediction'), total: 50 });
  });

  it('regression points: a seeded sample in row order past MAX_POINTS', () => {
    const actual = Array.from({ length: MAX_POINTS + 500 }, (_, i) => i);
    const predicted = actual.map((v) => v * 2);
    const a = regressionPoints(actual, predicted);
    expect(a.total).toBe(MAX_POINTS + 500);
    expect(a.actual.length).toBe(MAX_POINTS);
    expect(a.predicted).toEqual(a.actual.map((v) => v * 2));
    expect(a.actual).toEqual([...a.actual].sort((x, y) => x - y));
    expect(new Set(a.actual).size).toBe(MAX_POINTS);
    expect(regressionPoints(actual, predicted)).toEqual(a);
  });

  it('explains a table without the target column', async () => {
    const ctx = await trained({ train: { type: 'table', table: line(40) }, test: { type: 'table', table: line(10).select('x') } }, { target: 'y', model: 'linear', epochs: 1 });
    await expect(evaluateCell.run(evaluateSchema.parse({}), ctx)).rejects.toThrow(/no target column "y"/);
  });
});

describe('evaluate cell extras', () => {
  it('threshold rule, top-k, classification report and metrics per group', async () => {
    const test = separable(60, 21);
    const group = Array.from({ length: 60 }, (_, i) => (i % 3) + 1);
    const ctx = await trained(
      { train: { type: 'table', table: separable(120) }, test: { type: 'table', table: test.assign({ K: group }) } },
      { target: 'label', features: ['x1', 'x2'], model: 'logistic', learningRate: 0.05, epochs: 10 },
    );
    const params = evaluateSchema.parse({ threshold: { rule: 'youden' }, topK: 1, groupBy: 'K', predictions: 'preds' });
    expect(evaluateCell.render(params)).toContain('threshold youden');
    const outputs = await evaluateCell.run(params, ctx);
    const m = outputs[0] as MetricsOutput;
    expect(m.metrics.threshold).toBeGreaterThan(0);
    expect(m.metrics.threshold).toBeLessThan(1);
    expect(m.metrics.top_1_accuracy).toBeTypeOf('number');
    expect(m.title).toMatch(/at threshold/);
    expect((outputs[1] as TableOutput).name).toBe('preds');
    expect(outputs[2].type).toBe('text');
    const report = outputs[3] as TableOutput;
    expect(report.rows.map((r) => r.class)).toEqual(['neg', 'pos', 'accuracy', 'macro avg', 'weighted avg']);
    expect(report.rows[2].f1).toBe(m.metrics.accuracy);
    const byGroup = outputs[4] as TableOutput;
    expect(byGroup.rows.map((r) => r.K)).toEqual([1, 2, 3, 'overall']);
    expect(byGroup.rows[3].accuracy).toBe(m.metrics.accuracy);
    expect(byGroup.rows[3].n).toBe(60);
    // Predictions follow the chosen threshold.
    const stored = ctx.values.get('preds');
    if (stored?.type !== 'table') throw new Error('no predictions');
    const p = stored.table.array('p_pos') as number[];
    const pred = stored.table.array('prediction') as string[];
    p.forEach((v, i) => expect(pred[i]).toBe(v >= m.metrics.threshold ? 'pos' : 'neg'));
  });

  it('regression per group; a fixed threshold needs a value', async () => {
    const test = line(30, 31);
    const ctx = await trained({ train: { type: 'table', table: line(60) }, test: { type: 'table', table: test.assign({ g: Array.from(test.array('x') as ArrayLike<number>, (x) => (x > 0 ? 'hi' : 'lo')) }) } }, { target: 'y', features: ['x'], model: 'linear', epochs: 5 });
    const outputs = await evaluateCell.run(evaluateSchema.parse({ groupBy: 'g' }), ctx);
    expect(outputs).toHaveLength(2);
    expect((outputs[1] as TableOutput).rows.map((r) => r.g)).toEqual(['hi', 'lo', 'overall']);
    const cls = await trained({ train: { type: 'table', table: separable(60) }, test: { type: 'table', table: separable(20, 3) } }, { target: 'label', model: 'logistic', epochs: 2 });
    await expect(evaluateCell.run(evaluateSchema.parse({ threshold: { rule: 'fixed' } }), cls)).rejects.toThrow(/needs a threshold value/);
  });
});
