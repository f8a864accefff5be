// LSTM, GRU and 1D-CNN on windows and padded sequences: they learn, are
// deterministic for a seed, agree across cpu and wasm, and leak no tensors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend, switchBackend } from '../../src/ml/backend.ts';
import { buildPadded, buildWindows } from '../../src/ml/sequences/index.ts';
import { fitSequenceModel, type SequenceFitOptions } from '../../src/ml/sequences/fit.ts';
import { tf } from '../../src/ml/tf.ts';
import { sessions, sineSeries } from './sequence-data.ts';

const base: SequenceFitOptions = { model: 'lstm', units: [8], optimizer: 'adam', learningRate: 0.02, epochs: 3, batchSize: 16, seed: 9 };

const windows = (seed = 1) => buildWindows(sineSeries(50, seed), { features: ['v'], target: 'v', steps: 6, horizon: 1, group: 'g', time: 't' });
const padded = () => {
  const train = buildPadded(sessions(40), { group: 'session', state: 'state', features: ['depth'], time: 'step', maxLength: 0, minLength: 2 });
  const val = buildPadded(sessions(15, 7), train.options, { vocab: train.vocab, scaling: train.scaling, steps: train.steps });
  return { train, val };
};

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});
afterAll(async () => {
  await switchBackend('cpu');
});

describe('sequence models', () => {
  it('an LSTM forecasts a sine one step ahead (RMSE well under the series spread)', async () => {
    const train = windows();
    const { model, result } = await fitSequenceModel(train, { ...base, units: [16], epochs: 12, learningRate: 0.05 }, { validation: windows(2) });
    try {
      const last = result.history.at(-1)!;
      expect(Object.keys(last).sort()).toEqual(['epoch', 'loss', 'val_loss', 'val_rmse']);
      // The series' std is ~7; a learned one-step forecast is far better.
      expect(last.val_rmse).toBeLessThan(2.5);
      const { truth, prediction } = await model.predictSequences(windows(2));
      expect(prediction.predictions).toHaveLength(truth.length);
      expect(model.describe()).toMatchObject({ modelType: 'lstm', task: 'regression', units: [16] });
    } finally {
      model.dispose();
    }
  });

  it('GRU and 1D-CNN classify windows; a seed reproduces the run', async () => {
    const data = buildWindows(sineSeries(40), { features: ['v'], target: 'up', steps: 4, horizon: 1, group: 'g' });
    for (const kind of ['gru', 'cnn1d'] as const) {
      const run = async () => {
        const { model, result } = await fitSequenceModel(data, { ...base, model: kind, dropout: 0.2, dense: [8], filters: [8, 8] }, { validation: data });
        model.dispose();
        return result.history;
      };
      const a = await run();
      expect(await run()).toEqual(a);
      expect(a[0].val_accuracy).toBeGreaterThanOrEqual(0);
      expect(Object.keys(a[0]).sort()).toEqual(['epoch', 'loss', 'val_accuracy', 'val_loss']);
    }
  });

  it('a many-to-many LSTM with an embedding learns the next state (masked loss, top-k, macro-F1)', async () => {
    const { train, val } = padded();
    const { model, result } = await fitSequenceModel(train, { ...base, epochs: 30, learningRate: 0.05, embeddingDim: 4, classWeight: 'inverse_capped', clipNorm: 1, optimizer: 'adamw' }, { validation: val });
    try {
      const last = result.history.at(-1)!;
      expect(Object.keys(last).sort()).toEqual(['epoch', 'loss', 'val_accuracy', 'val_loss', 'val_macro_f1', 'val_top3']);
      expect(last.val_accuracy).toBeGreaterThanOrEqual(0.95);
      expect(last.val_top3).toBeGreaterThanOrEqual(last.val_accuracy);
      const { truth, prediction } = await model.evaluateSequences(val);
      expect(truth).toHaveLength(Array.from(val.lengths).reduce((s, l) => s + l, 0));
      const hits = truth.filter((t, i) => t === prediction.predictions[i]).length / truth.length;
      expect(hits).toBeCloseTo(last.val_accuracy, 6);
      expect(model.vocabulary).toEqual(train.vocab);
      expect((model.describe().sequences as { vocabulary: string[] }).vocabulary).toEqual(train.vocab);
    } finally {
      model.dispose();
    }
  });

  it('cpu and wasm give the same history within 1e-3 (LSTM windows, padded GRU)', async () => {
    const run = async (backend: 'cpu' | 'wasm') => {
      await switchBackend(backend);
      const a = await fitSequenceModel(windows(), { ...base, epochs: 2 }, { validation: windows(2) });
      const { train, val } = padded();
      const b = await fitSequenceModel(train, { ...base, model: 'gru', epochs: 2 }, { validation: val });
      a.model.dispose();
      b.model.dispose();
      return [...a.result.history, ...b.result.history];
    };
    const cpu = await run('cpu');
    const wasm = await run('wasm');
    cpu.forEach((h, i) => {
      for (const [k, v] of Object.entries(h)) expect(Math.abs(wasm[i][k] - v), k).toBeLessThanOrEqual(1e-3 * Math.max(1, Math.abs(v)));
    });
    await switchBackend('cpu');
  });

  it('leaks no tensors: LSTM train + predict + dispose, ten times', async () => {
    const { train, val } = padded();
    const once = async () => {
      const { model } = await fitSequenceModel(train, { ...base, epochs: 1, patience: 1, clipNorm: 1, lrSchedule: { type: 'plateau', factor: 0.5, patience: 0 } }, { validation: val });
      await model.evaluateSequences(val);
      model.dispose();
    };
    await once();
    const after1 = tf.memory().numTensors;
    for (let i = 0; i < 9; i++) await once();
    expect(tf.memory().numTensors).toBe(after1);
  });
});
