import { beforeAll, describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { trainCell, trainSchema } from '../../src/cells/train.ts';
import { CancelledError, CellError } from '../../src/core/errors.ts';
import type { TrainingOutput } from '../../src/core/outputs.ts';
import { initBackend } from '../../src/ml/backend.ts';
import { testContext } from '../helpers/context.ts';
import { blobs, line, separable } from '../ml/synthetic.ts';

beforeAll(async () => {
  await initBackend({ order: ['wasm', 'cpu'] });
});

describe('train cell', () => {
  it('parses {} to full defaults, every field described', () => {
    const p = trainSchema.parse({});
    expect(p).toEqual({
      input: 'train', target: '', features: [], task: 'auto', model: 'mlp', hidden: [32, 16], activation: 'relu',
      dropout: 0, l2: 0, optimizer: 'adam', learningRate: 0.01, epochs: 50, batchSize: 32, validation: '', patience: 0,
      seed: 42, output: 'model',
    });
    for (const [name, field] of Object.entries(trainSchema.shape)) expect(field.description, name).toBeTruthy();
  });

  it('declares reads, writes and a readable rendering', () => {
    const p = trainSchema.parse({ target: 'species', validation: 'valid' });
    expect(trainCell.reads(p)).toEqual(['train', 'valid']);
    expect(trainCell.reads(trainSchema.parse({}))).toEqual(['train']);
    expect(trainCell.writes(p)).toEqual(['model']);
    expect(trainCell.render(p).split('\n')[0]).toBe('// train mlp(32,16) on train → model, target: species');
  });

  it('trains an MLP, stores the model, reports history, progress and a summary', async () => {
    const ctx = testContext({ train: { type: 'table', table: blobs(90) }, valid: { type: 'table', table: blobs(30, 8) } });
    const params = trainSchema.parse({ target: 'k', hidden: [40, 20], epochs: 4, validation: 'valid', learningRate: 0.05 });
    const [out] = (await trainCell.run(params, ctx)) as TrainingOutput[];
    expect(out.type).toBe('training');
    expect(out.history).toHaveLength(4);
    expect(out.history[3].val_accuracy).toBeGreaterThan(0.8);
    expect(out.summary).toMatch(/^MLP 2 hidden layers \(40, 20, relu\), 1,003 parameters, 4 epochs, backend wasm, \d+\.\d s$/);
    const stored = ctx.values.get('model');
    expect(stored?.type).toBe('model');
    if (stored?.type === 'model') {
      expect(stored.model.classes).toEqual([0, 1, 2]);
      stored.model.dispose();
    }
    expect(ctx.progressEvents.at(-1)).toMatchObject({ phase: 'train', epoch: 4, epochs: 4, fraction: 1 });
  });

  it('uses every other numeric column when features is empty', async () => {
    const table = separable(60).derive({ note: () => 'x' });
    const ctx = testContext({ train: { type: 'table', table } });
    await trainCell.run(trainSchema.parse({ target: 'label', model: 'logistic', epochs: 1 }), ctx);
    const v = ctx.values.get('model');
    if (v?.type !== 'model') throw new Error('no model');
    expect(v.model.features).toEqual(['x1', 'x2']);
    v.model.dispose();
  });

  it('refuses linear on a classification target and logistic on a regression target', async () => {
    const cls = testContext({ train: { type: 'table', table: separable(40) } });
    const e1 = await trainCell.run(trainSchema.parse({ target: 'label', model: 'linear' }), cls).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(CellError);
    expect((e1 as CellError).message).toMatch(/Linear regression predicts numbers/);
    expect((e1 as CellError).where).toBe('params.model');
    const reg = testContext({ train: { type: 'table', table: line(40) } });
    const e2 = await trainCell.run(trainSchema.parse({ target: 'y', model: 'logistic' }), reg).catch((e: unknown) => e);
    expect((e2 as CellError).message).toMatch(/Logistic regression predicts classes/);
    // task override: an integer target forced to regression works with linear.
    const ints = testContext({ train: { type: 'table', table: blobs(30) } });
    await trainCell.run(trainSchema.parse({ target: 'k', model: 'linear', task: 'regression', epochs: 1 }), ints);
    const v = ints.values.get('model');
    expect(v?.type === 'model' && v.model.task).toBe('regression');
    if (v?.type === 'model') v.model.dispose();
  });

  it('explains text features and missing values', async () => {
    const text = aq.table({ a: [1, 2, 3, 4], color: ['r', 'g', 'b', 'r'], y: [0, 1, 0, 1] });
    const e1 = await trainCell.run(trainSchema.parse({ target: 'y', features: ['a', 'color'] }), testContext({ train: { type: 'table', table: text } })).catch((e: unknown) => e);
    expect((e1 as CellError).message).toMatch(/"color" is not numeric/);
    expect((e1 as CellError).hint).toMatch(/transform cell with a one-hot step/);
    const gaps = aq.table({ a: [1, null, 3, NaN], y: [0, 1, 0, 1] });
    const e2 = await trainCell.run(trainSchema.parse({ target: 'y' }), testContext({ train: { type: 'table', table: gaps } })).catch((e: unknown) => e);
    expect((e2 as CellError).message).toBe('Feature column "a" has 2 missing values.');
    expect((e2 as CellError).hint).toMatch(/impute/);
  });

  it('stops on cancel with CancelledError and stores nothing', async () => {
    const ctx = testContext({ train: { type: 'table', table: blobs(90) } });
    ctx.progress = () => ctx.controller.abort();
    const err = await trainCell.run(trainSchema.parse({ target: 'k', epochs: 1000 }), ctx).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CancelledError);
    expect(ctx.values.has('model')).toBe(false);
  });
});
