import { beforeAll, describe, expect, it } from 'vitest';
import { tuneCell, tuneSchema, withTrialParams } from '../../src/cells/tune.ts';
import type { FigureOutput, TableOutput, TextOutput } from '../../src/core/outputs.ts';
import { initBackend } from '../../src/ml/backend.ts';
import { tf } from '../../src/ml/tf.ts';
import { testContext } from '../helpers/context.ts';
import { separable } from '../ml/synthetic.ts';
import { buildPadded, buildWindows } from '../../src/ml/sequences/index.ts';
import { sessions, sineSeries } from '../ml/sequence-data.ts';

beforeAll(async () => {
  await initBackend({ order: ['wasm', 'cpu'] });
});

describe('tune cell', () => {
  it('parses {} to defaults and declares reads/writes', () => {
    const p = tuneSchema.parse({});
    expect(p.sampler).toBe('tpe');
    expect(p.output).toBe('best_params');
    expect(tuneCell.reads(p)).toEqual(['train', 'valid']);
    expect(tuneCell.writes(p)).toEqual(['best_params']);
    expect(tuneCell.render(p)).toContain('learningRate logfloat');
  });

  it('maps trial values onto train params (nested, one layer, validated)', () => {
    const base = tuneSchema.parse({ target: 'y' }) as Record<string, unknown>;
    const p = withTrialParams(base, { hidden: 12, 'gbdt.maxDepth': 3, learningRate: 0.05 });
    expect(p.hidden).toEqual([12]);
    expect(p.gbdt?.maxDepth).toBe(3);
    expect(p.learningRate).toBe(0.05);
    expect(() => withTrialParams(base, { dropout: 2 })).toThrow(/dropout/);
  });

  it('random search over a logistic model: trials table, chart, best params stored, tensors freed', async () => {
    const ctx = testContext({ train: { type: 'table', table: separable(60) }, valid: { type: 'table', table: separable(30, 9) } });
    const before = tf.memory().numTensors;
    const params = tuneSchema.parse({
      target: 'label', model: 'logistic', epochs: 3, batchSize: 16, sampler: 'random', trials: 4, seed: 3, pruning: false,
      space: [{ name: 'learningRate', type: 'logfloat', low: 0.001, high: 0.3 }, { name: 'optimizer', type: 'categorical', choices: ['adam', 'sgd'] }],
    });
    const outputs = await tuneCell.run(params, ctx);
    expect(tf.memory().numTensors).toBe(before);
    const [text, table, fig] = outputs as [TextOutput, TableOutput, FigureOutput];
    expect(text.text).toMatch(/Best validation loss/);
    expect(table.rowCount).toBe(4);
    expect(table.rows.every((r) => r.state === 'complete')).toBe(true);
    expect(fig.spec.data).toHaveLength(3);
    const best = ctx.values.get('best_params');
    if (best?.type !== 'object') throw new Error('no best params');
    const value = best.value as Record<string, unknown>;
    expect(Object.keys(value).sort()).toEqual(['learningRate', 'optimizer']);
    const bestRow = table.rows.reduce((a, b) => ((b.value as number) < (a.value as number) ? b : a));
    expect(value.learningRate).toBe(bestRow.learningRate);
    expect(ctx.progressEvents.filter((e) => e.phase === 'tune')).toHaveLength(4);
  });

  it('requires a validation table', async () => {
    const ctx = testContext({ train: { type: 'table', table: separable(20) } });
    await expect(tuneCell.run(tuneSchema.parse({ target: 'label', validation: '' }), ctx)).rejects.toThrow(/validation table/);
  });
});

describe('train cell with paramsFrom', () => {
  it('trains with the tuned values merged over its own params', async () => {
    const { trainCell, trainSchema } = await import('../../src/cells/train.ts');
    const aq = await import('arquero');
    const { testContext } = await import('../helpers/context.ts');
    const xs = Array.from({ length: 40 }, (_, i) => i / 40);
    const ctx = testContext({
      train: { type: 'table', table: aq.table({ x: xs, y: xs.map((x) => 3 * x + 1) }) },
      best_params: { type: 'object', value: { learningRate: 0.05, epochs: 3, hidden: 4 } },
    });
    const p = trainSchema.parse({ target: 'y', model: 'mlp', paramsFrom: 'best_params', epochs: 50 });
    expect(trainCell.reads(p)).toEqual(['train', 'best_params']);
    expect(trainCell.render(p)).toContain('params from best_params');
    const [out] = await trainCell.run(p, ctx);
    expect(out.type === 'training' && out.history.length).toBe(3);
    const m = ctx.values.get('model');
    expect(m?.type === 'model' && m.model.describe()).toMatchObject({ hidden: [4] });
    if (m?.type === 'model') m.model.dispose();
    ctx.values.set('bad', { type: 'object', value: { epochs: -1 } });
    await expect(trainCell.run(trainSchema.parse({ target: 'y', paramsFrom: 'bad' }), ctx)).rejects.toThrow(/do not fit this train cell: epochs/);
  });

  it('tunes a GRU on padded sessions by validation top-1 accuracy (maximised), tensors freed', async () => {
    const train = buildPadded(sessions(30), { group: 'session', state: 'state', features: ['depth'], time: 'step', maxLength: 0, minLength: 2 });
    const valid = buildPadded(sessions(12, 7), train.options, { vocab: train.vocab, scaling: train.scaling, steps: train.steps });
    const ctx = testContext({ seq: { type: 'object', value: train }, vseq: { type: 'object', value: valid } });
    const before = tf.memory().numTensors;
    const params = tuneSchema.parse({
      input: 'seq', validation: 'vseq', model: 'gru', epochs: 3, batchSize: 8, sampler: 'random', trials: 3, seed: 3, pruning: false, metric: 'val_accuracy',
      sequence: { units: [8], embeddingDim: 4 },
      space: [{ name: 'learningRate', type: 'logfloat', low: 0.001, high: 0.1 }],
    });
    expect(tuneCell.render(params)).toContain('maximise val_accuracy');
    const outputs = await tuneCell.run(params, ctx);
    expect(tf.memory().numTensors).toBe(before);
    const [text, table] = outputs as [TextOutput, TableOutput];
    expect(text.text).toMatch(/Best val_accuracy/);
    const values = table.rows.map((r) => r.value as number);
    for (const v of values) expect(v).toBeGreaterThanOrEqual(0);
    const best = ctx.values.get('best_params');
    if (best?.type !== 'object') throw new Error('no best params');
    const bestRow = table.rows.reduce((a, b) => ((b.value as number) > (a.value as number) ? b : a));
    expect((best.value as Record<string, unknown>).learningRate).toBe(bestRow.learningRate);
  });

  it('tunes an LSTM on windows by validation loss; refuses a metric the model does not record', async () => {
    const opts = { features: ['v'], target: 'v', steps: 4, horizon: 1, group: 'g', time: 't' };
    const train = buildWindows(sineSeries(40), opts);
    const valid = buildWindows(sineSeries(20, 5), opts, train.scaling);
    const ctx = testContext({ seq: { type: 'object', value: train }, vseq: { type: 'object', value: valid } });
    const before = tf.memory().numTensors;
    const base = { input: 'seq', validation: 'vseq', model: 'lstm', epochs: 2, batchSize: 16, sampler: 'random', trials: 2, seed: 1, pruning: false, sequence: { units: [4] }, space: [{ name: 'learningRate', type: 'logfloat', low: 0.001, high: 0.05 }] };
    const outputs = await tuneCell.run(tuneSchema.parse(base), ctx);
    expect(tf.memory().numTensors).toBe(before);
    expect((outputs[0] as TextOutput).text).toMatch(/Best validation loss/);
    await expect(tuneCell.run(tuneSchema.parse({ ...base, metric: 'val_top3' }), ctx)).rejects.toThrow(/val_top3/);
    expect(tf.memory().numTensors).toBe(before);
  });
});
