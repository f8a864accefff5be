// The evaluate cell on sequences values: windows (regression) and padded
// next-state sequences (classification, one prediction per real step).
import { beforeAll, describe, expect, it } from 'vitest';
import { sequencesCell, sequencesSchema } from '../../src/cells/sequences.ts';
import { trainCell, trainSchema } from '../../src/cells/train.ts';
import { evaluateCell, evaluateSchema } from '../../src/cells/evaluate.ts';
import type { MetricsOutput, TableOutput } from '../../src/core/outputs.ts';
import { initBackend } from '../../src/ml/backend.ts';
import { testContext } from '../helpers/context.ts';
import { sessions, sineSeries } from '../ml/sequence-data.ts';

beforeAll(async () => {
  await initBackend({ order: ['wasm', 'cpu'] });
});

describe('evaluate on sequences', () => {
  it('scores a windowed LSTM forecast with regression metrics and stores truth beside predictions', async () => {
    const ctx = testContext({ train: { type: 'table', table: sineSeries(30) }, valid: { type: 'table', table: sineSeries(20, 3) } });
    await sequencesCell.run(sequencesSchema.parse({ features: ['v'], target: 'v', steps: 5, group: 'g', time: 't', applyTo: [{ input: 'valid', output: 'valid_seq' }], output: 'train_seq' }), ctx);
    await trainCell.run(trainSchema.parse({ input: 'train_seq', model: 'lstm', sequence: { units: [8] }, epochs: 3 }), ctx);
    const outs = await evaluateCell.run(evaluateSchema.parse({ input: 'valid_seq', predictions: 'pred' }), ctx);
    const metrics = outs[0] as MetricsOutput;
    expect(metrics.task).toBe('regression');
    expect(Object.keys(metrics.metrics)).toEqual(['rmse', 'mae', 'mape', 'r2']);
    const table = outs[1] as TableOutput;
    expect(table.rowCount).toBe(30);
    expect(table.columns.map((c) => c.name)).toEqual(['truth', 'prediction']);
    const m = ctx.values.get('model');
    if (m?.type === 'model') m.model.dispose();
  });

  it('scores padded next-state predictions per real step, ignoring padding', async () => {
    const ctx = testContext({ train: { type: 'table', table: sessions(30) } });
    await sequencesCell.run(sequencesSchema.parse({ mode: 'padded', group: 'session', time: 'step', state: 'state', features: ['depth'] }), ctx);
    await trainCell.run(trainSchema.parse({ input: 'sequences', model: 'lstm', epochs: 40, learningRate: 0.05 }), ctx);
    const [metrics] = (await evaluateCell.run(evaluateSchema.parse({ input: 'sequences', topK: 3 }), ctx)) as MetricsOutput[];
    expect(metrics.task).toBe('classification');
    // The next state is fully determined by the current one: a trained LSTM gets nearly all right.
    expect(metrics.metrics.accuracy).toBeGreaterThan(0.9);
    expect(metrics.metrics.top_3_accuracy).toBeGreaterThanOrEqual(metrics.metrics.accuracy);
    await expect(evaluateCell.run(evaluateSchema.parse({ input: 'sequences', groupBy: 'session' }), ctx)).rejects.toThrow(/need a table input/);
    const m = ctx.values.get('model');
    if (m?.type === 'model') m.model.dispose();
  });
});
