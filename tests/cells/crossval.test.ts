import * as aq from 'arquero';
import { beforeAll, describe, expect, it } from 'vitest';
import { crossvalCell, crossvalSchema } from '../../src/cells/crossval.ts';
import type { FigureOutput, TableOutput } from '../../src/core/outputs.ts';
import { initBackend } from '../../src/ml/backend.ts';
import { tf } from '../../src/ml/tf.ts';
import { testContext } from '../helpers/context.ts';
import { line, separable } from '../ml/synthetic.ts';

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
});
