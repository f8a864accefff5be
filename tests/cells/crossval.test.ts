import * as aq from 'arquero';
import { beforeAll, describe, expect, it } from 'vitest';
import { crossvalCell, crossvalSchema } from '../../src/cells/crossval.ts';
import type { FigureOutput, TableOutput } from '../../src/core/outputs.ts';
import { initBackend } from '../../src/ml/backend.ts';
import { tf } from '../../src/ml/tf.ts';
import { testContext } from '../helpers/context.ts';
import { line, separable } from '../ml/synthetic.ts';
import { buildPadded, buildWindows } from '../../src/ml/sequences/index.ts';
import { sessions, sineSeries } from '../ml/sequence-data.ts';

beforeAll(async () => {
  await initBackend({ order: ['wasm', 'cpu'] });
});

describe('crossval cell', () => {
  it('parses {} to defaults with the train cell\'s fields, declares reads/writes', () => {
    const p = crossvalSchema.parse({});
    expect(p.method).toBe('kfold');
    expect(p.folds).toBe(5);
    expect(p.model).toBe('mlp');
    expect(p.input).toBe('train');
    for (const [name, field] of Object.entries(crossvalSchema.shape)) expect(field.description, name).toBeTruthy();
    expect(crossvalCell.reads(p)).toEqual(['train']);
    expect(crossvalCell.writes(p)).toEqual(['cv_results']);
    expect(crossvalCell.render({ ...p, target: 'y' })).toContain('5 kfold folds');
  });

  it('stratified folds of a logistic model: per-fold table, mean ± std, figure; every fold model disposed', async () => {
    const ctx = testContext({ train: { type: 'table', table: separable(60) } });
    const before = tf.memory().numTensors;
    const outputs = await crossvalCell.run(crossvalSchema.parse({ target: 'label', model: 'logistic', method: 'stratified', folds: 3, epochs: 8, learningRate: 0.1 }), ctx);
    expect(tf.memory().numTensors).toBe(before);
    const [summary, perFold, fig] = outputs as [TableOutput, TableOutput, FigureOutput];
    expect(summary.rows.map((r) => r.metric)).toContain('accuracy');
    expect(summary.rows.map((r) => r.metric)).toContain('average_precision');
    const acc = summary.rows.find((r) => r.metric === 'accuracy')!;
    expect(acc.mean as number).toBeGreaterThan(0.8);
    expect(perFold.rowCount).toBe(3);
    expect(perFold.rows.map((r) => r.test_rows)).toEqual([20, 20, 20]);
    expect(fig.spec.data.length).toBe(summary.rowCount);
    const stored = ctx.values.get('cv_results');
    if (stored?.type !== 'table') throw new Error('no results');
    expect(stored.table.numRows()).toBe(3);
  });

  it('trains each fold as the train cell would: class weights change what an imbalanced fold learns', async () => {
    // 90% negatives whose features overlap the positives: unweighted, the model leans to "no";
    // balanced weights (Keras formula) make it find more positives (higher recall).
    const n = 200;
    const x = Array.from({ length: n }, (_, i) => ((i * 37) % 100) / 100);
    const label = x.map((v, i) => (i % 10 === 0 || (v > 0.85 && i % 3 === 0) ? 1 : 0));
    const ctx = () => testContext({ train: { type: 'table', table: aq.table({ x, x2: x.map((v) => v * v), label }) } });
    const recall = async (extra: Record<string, unknown>) => {
      const outputs = await crossvalCell.run(crossvalSchema.parse({ target: 'label', model: 'logistic', method: 'stratified', folds: 3, epochs: 20, learningRate: 0.1, ...extra }), ctx());
      return (outputs[0] as TableOutput).rows.find((r) => r.metric === 'recall')!.mean as number;
    };
    const plain = await recall({});
    const weighted = await recall({ classWeight: 'balanced' });
    expect(weighted).toBeGreaterThan(plain + 0.2);
  });

  it('time folds of a linear model and group folds; explains a missing group column', async () => {
    // Rows in reverse time order: the time folds must follow `day`, not the row order.
    const t = line(40).assign(aq.table({ day: Array.from({ length: 40 }, (_, i) => 40 - i), user: Array.from({ length: 40 }, (_, i) => `u${i % 5}`) }));
    const ctx = testContext({ train: { type: 'table', table: t } });
    const timeOut = await crossvalCell.run(crossvalSchema.parse({ target: 'y', features: ['x'], model: 'linear', method: 'time', time: 'day', folds: 3, epochs: 5, learningRate: 0.1 }), ctx);
    expect((timeOut[1] as TableOutput).rows.map((r) => r.train_rows)).toEqual([10, 20, 30]);
    const groupOut = await crossvalCell.run(crossvalSchema.parse({ target: 'y', features: ['x'], model: 'linear', method: 'group', group: 'user', folds: 5, epochs: 2 }), ctx);
    expect((groupOut[1] as TableOutput).rows.map((r) => r.test_rows)).toEqual([8, 8, 8, 8, 8]);
    await expect(crossvalCell.run(crossvalSchema.parse({ target: 'y', model: 'linear', method: 'group' }), ctx)).rejects.toThrow(/group column/);
  });

  it('cross-validates an LSTM on windows (forward chaining) and a GRU on padded sessions, tensors freed', async () => {
    const w = buildWindows(sineSeries(40), { features: ['v'], target: 'v', steps: 5, horizon: 1, group: 'g', time: 't' });
    const p = buildPadded(sessions(24), { group: 'session', state: 'state', features: ['depth'], time: 'step', maxLength: 0, minLength: 2 });
    const ctx = testContext({ seq: { type: 'object', value: w }, sess: { type: 'object', value: p } });
    const before = tf.memory().numTensors;
    const outputs = await crossvalCell.run(crossvalSchema.parse({ input: 'seq', model: 'lstm', method: 'time', folds: 3, epochs: 2, batchSize: 16, sequence: { units: [4] } }), ctx);
    expect(tf.memory().numTensors).toBe(before);
    const perFold = ctx.values.get('cv_results');
    if (perFold?.type !== 'table') throw new Error('no results');
    expect(perFold.table.numRows()).toBe(3);
    expect(perFold.table.columnNames()).toEqual(expect.arrayContaining(['fold', 'train_windows', 'test_windows', 'loss', 'rmse']));
    expect((outputs[0] as { text: string }).text).toMatch(/forward chaining/);
    await crossvalCell.run(crossvalSchema.parse({ input: 'sess', model: 'gru', method: 'kfold', folds: 3, epochs: 2, batchSize: 8, output: 'cv2', sequence: { units: [4], embeddingDim: 4 } }), ctx);
    expect(tf.memory().numTensors).toBe(before);
    const second = ctx.values.get('cv2');
    if (second?.type !== 'table') throw new Error('no results');
    expect(second.table.columnNames()).toEqual(expect.arrayContaining(['train_sequences', 'accuracy', 'top3', 'macro_f1']));
    await expect(crossvalCell.run(crossvalSchema.parse({ input: 'seq', model: 'lstm', method: 'kfold' }), ctx)).rejects.toThrow(/leak the future/);
    await expect(crossvalCell.run(crossvalSchema.parse({ input: 'seq', model: 'mlp' }), ctx)).rejects.toThrow(/holds sequences/);
  });
});
