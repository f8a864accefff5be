// The sequences cell and training sequence models through the train cell.
import { beforeAll, describe, expect, it } from 'vitest';
import { sequencesCell, sequencesSchema } from '../../src/cells/sequences.ts';
import { trainCell, trainSchema } from '../../src/cells/train.ts';
import { predictCell, predictSchema } from '../../src/cells/predict.ts';
import { CellError } from '../../src/core/errors.ts';
import type { TableOutput, TrainingOutput } from '../../src/core/outputs.ts';
import { initBackend } from '../../src/ml/backend.ts';
import { isSequenceData } from '../../src/ml/sequences/index.ts';
import { testContext } from '../helpers/context.ts';
import { sessions, sineSeries } from '../ml/sequence-data.ts';

beforeAll(async () => {
  await initBackend({ order: ['wasm', 'cpu'] });
});

describe('sequences cell', () => {
  it('every field is described; reads and writes include applyTo', () => {
    for (const [name, field] of Object.entries(sequencesSchema.shape)) expect(field.description, name).toBeTruthy();
    const p = sequencesSchema.parse({ input: 'train', applyTo: [{ input: 'valid', output: 'valid_seq' }], output: 'train_seq', target: 'v' });
    expect(sequencesCell.reads(p)).toEqual(['train', 'valid']);
    expect(sequencesCell.writes(p)).toEqual(['train_seq', 'valid_seq']);
    expect(sequencesCell.render(p)).toMatch(/^\/\/ sequences: windows of 7 steps, target v \+1 from train → train_seq; also valid → valid_seq/);
  });

  it('builds windows, trains an LSTM on them through the train cell, predicts on validation windows', async () => {
    const ctx = testContext({ train: { type: 'table', table: sineSeries(30) }, valid: { type: 'table', table: sineSeries(20, 3) } });
    const [shapes] = (await sequencesCell.run(sequencesSchema.parse({ features: ['v'], target: 'v', steps: 5, group: 'g', time: 't', applyTo: [{ input: 'valid', output: 'valid_seq' }], output: 'train_seq' }), ctx)) as TableOutput[];
    expect(shapes.rows.map((r) => r.shape)).toEqual(['(50, 5, 1)', '(30, 5, 1)']);
    const [out] = (await trainCell.run(trainSchema.parse({ input: 'train_seq', validation: 'valid_seq', model: 'lstm', sequence: { units: [8, 4], dense: [4] }, epochs: 2, dropout: 0.2, lrSchedule: { type: 'step', every: 1, factor: 0.5 } }), ctx)) as TrainingOutput[];
    expect(out.summary).toMatch(/^LSTM \(8, 4 units\) on 5-step windows, [\d,]+ parameters, 2 epochs, backend wasm/);
    expect(out.history.map((h) => h.lr)).toEqual([0.01, 0.005]);
    const m = ctx.values.get('model');
    if (m?.type !== 'model') throw new Error('no model');
    const v = ctx.values.get('valid_seq');
    expect(v?.type === 'object' && isSequenceData(v.value)).toBe(true);
    const r = await m.model.evaluateSequences!(v?.type === 'object' ? v.value : undefined);
    expect(r.prediction.predictions).toHaveLength(30);
    m.model.dispose();
  });

  it('a predict cell on a raw table puts the prediction of each window on its last row (none where no window ends)', async () => {
    // The rows of group b first and shuffled in time: a prediction must land on its own row, not on the n-th.
    const raw = sineSeries(12);
    const order = [...Array(raw.numRows()).keys()].reverse();
    const shuffled = raw.reify(order);
    const ctx = testContext({ train: { type: 'table', table: raw }, fresh: { type: 'table', table: shuffled } });
    await sequencesCell.run(sequencesSchema.parse({ features: ['v'], target: 'v', steps: 4, horizon: 0, group: 'g', time: 't' }), ctx);
    await trainCell.run(trainSchema.parse({ input: 'sequences', model: 'lstm', sequence: { units: [4] }, epochs: 1 }), ctx);
    await predictCell.run(predictSchema.parse({ input: 'fresh', output: 'pred' }), ctx);
    const out = ctx.table('pred');
    expect(out.numRows()).toBe(24);
    const t = out.array('t') as number[];
    const pred = out.array('prediction') as (number | null)[];
    // Steps 0–2 of each group end no 4-step window; every later row has its prediction.
    t.forEach((step, i) => expect(pred[i] === null, `row ${i} (t=${step})`).toBe(step < 3));
    // The same numbers as the model's own window predictions, row by row.
    const m = ctx.values.get('model');
    if (m?.type !== 'model') throw new Error('no model');
    const direct = await m.model.predict(shuffled);
    direct.rows!.forEach((row, i) => expect(pred[row]).toBeCloseTo(direct.predictions[i] as number, 6));
    m.model.dispose();
  });

  it('padded mode outputs the vocabulary; a many-to-many GRU trains with class weights', async () => {
    const ctx = testContext({ train: { type: 'table', table: sessions(20) } });
    const outs = (await sequencesCell.run(sequencesSchema.parse({ mode: 'padded', group: 'session', time: 'step', state: 'state', features: ['depth'] }), ctx)) as TableOutput[];
    expect(outs[1].rows.map((r) => r.state)).toEqual(['<PAD>', '<UNK>', 'cart', 'home', 'item', 'list']);
    const [out] = (await trainCell.run(trainSchema.parse({ input: 'sequences', model: 'gru', epochs: 1, classWeight: 'inverse_capped', clipNorm: 1 }), ctx)) as TrainingOutput[];
    expect(out.summary).toMatch(/padded sequences, 6-state vocabulary, embedding 16/);
    // Per-step predictions do not line up with the table's rows: a clear refusal, not an arrays-mismatch error.
    const refused = await predictCell.run(predictSchema.parse({ input: 'train' }), ctx).catch((e: unknown) => e);
    expect((refused as CellError).code).toBe('predict.notPerRow');
    const m = ctx.values.get('model');
    if (m?.type === 'model') m.model.dispose();
  });

  it('explains a sequence model on a table and a table model on sequences', async () => {
    const ctx = testContext({ train: { type: 'table', table: sineSeries(10) } });
    const e1 = await trainCell.run(trainSchema.parse({ target: 'v', model: 'lstm' }), ctx).catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(CellError);
    expect((e1 as CellError).hint).toMatch(/sequences cell/);
    await sequencesCell.run(sequencesSchema.parse({ features: ['v'], target: 'v', steps: 3 }), ctx);
    const e2 = await trainCell.run(trainSchema.parse({ input: 'sequences', model: 'mlp' }), ctx).catch((e: unknown) => e);
    expect((e2 as CellError).where).toBe('params.model');
  });
});

describe('1D-CNN on the WASM backend', () => {
  it('trains and predicts on wasm (im2col convolutions, no cpu fallback)', async () => {
    await initBackend({ order: ['wasm'] });
    const ctx = testContext({ train: { type: 'table', table: sineSeries(20) } });
    await sequencesCell.run(sequencesSchema.parse({ features: ['v'], target: 'v', steps: 6, group: 'g', time: 't' }), ctx);
    const [out] = (await trainCell.run(trainSchema.parse({ input: 'sequences', model: 'cnn1d', sequence: { filters: [4], kernelSize: 3 }, epochs: 2 }), ctx)) as TrainingOutput[];
    expect(out.summary).toMatch(/backend wasm/);
    const { tf } = await import('../../src/ml/tf.ts');
    expect(tf.getBackend()).toBe('wasm');
    const m = ctx.values.get('model');
    if (m?.type !== 'model') throw new Error('no model');
    const v = ctx.values.get('sequences');
    const r = await m.model.evaluateSequences!(v?.type === 'object' ? v.value : undefined);
    expect(r.prediction.predictions.every((p) => typeof p === 'number' && Number.isFinite(p))).toBe(true);
    m.model.dispose();
  });
});
