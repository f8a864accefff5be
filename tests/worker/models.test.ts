// Saved models come back identical: every serializable model kind (dense,
// LSTM/GRU/1D-CNN on windows and padded sequences with their vocabulary,
// boosted trees) is serialized as IndexedDB stores it (structured clone),
// read back, and predicts exactly what the original predicted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend, switchBackend } from '../../src/ml/backend.ts';
import { buildPadded, buildWindows } from '../../src/ml/sequences/index.ts';
import { fitSequenceModel, type SequenceFitOptions } from '../../src/ml/sequences/fit.ts';
import { fitModel } from '../../src/ml/fit.ts';
import { SequenceModel } from '../../src/ml/models/sequence-model.ts';
import { deserializeModel, isSerializable, serializeModel, type SavedModel } from '../../src/worker/models.ts';
import { tf } from '../../src/ml/tf.ts';
import { sessions, sineSeries } from '../ml/sequence-data.ts';
import type { TrainedModel } from '../../src/core/values.ts';

const base: SequenceFitOptions = { model: 'lstm', units: [6], optimizer: 'adam', learningRate: 0.02, epochs: 2, batchSize: 16, seed: 3 };

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});
afterAll(async () => {
  await switchBackend('cpu');
});

/** Serialize, clone as IndexedDB would, and restore. */
async function roundTrip(model: TrainedModel): Promise<TrainedModel> {
  expect(isSerializable(model)).toBe(true);
  const saved = await serializeModel(model);
  expect(saved).toBeDefined();
  expect(saved!.size).toBeGreaterThan(0);
  return deserializeModel(structuredClone(saved!.artifacts) as SavedModel);
}

describe('saved sequence models', () => {
  const windows = (seed = 1) => buildWindows(sineSeries(30, seed), { features: ['v'], target: 'v', steps: 5, horizon: 1, group: 'g', time: 't' });

  for (const kind of ['lstm', 'gru', 'cnn1d'] as const) {
    it(`a ${kind} on windows predicts the same after a save and restore (raw table and sequences)`, async () => {
      const { model } = await fitSequenceModel(windows(), { ...base, model: kind, filters: [4], dense: [4], dropout: 0.1 });
      const copy = await roundTrip(model);
      try {
        expect(copy).toBeInstanceOf(SequenceModel);
        expect(copy.describe()).toEqual(model.describe());
        const val = windows(2);
        expect(Array.from(await (copy as SequenceModel).predictRaw(val))).toEqual(Array.from(await model.predictRaw(val)));
        // From a raw table: windows are rebuilt with the saved options and scaling.
        expect((await copy.predict(sineSeries(30, 4))).predictions).toEqual((await model.predict(sineSeries(30, 4))).predictions);
      } finally {
        model.dispose();
        copy.dispose();
      }
    });
  }

  it('a many-to-many LSTM keeps its state vocabulary (PAD, UNK) and class probabilities', async () => {
    const train = buildPadded(sessions(20), { group: 'session', state: 'state', features: ['depth'], time: 'step', maxLength: 0, minLength: 2 });
    const { model } = await fitSequenceModel(train, { ...base, embeddingDim: 3 });
    const copy = (await roundTrip(model)) as SequenceModel;
    try {
      expect(copy.vocabulary).toEqual(model.vocabulary);
      expect(copy.vocabulary!.slice(0, 2)).toEqual(['<PAD>', '<UNK>']);
      const val = buildPadded(sessions(8, 5), train.options, { vocab: train.vocab, scaling: train.scaling, steps: train.steps });
      const a = await model.predictSequences(val);
      const b = await copy.predictSequences(val);
      expect(b.truth).toEqual(a.truth);
      expect(b.prediction.probabilities).toEqual(a.prediction.probabilities);
    } finally {
      model.dispose();
      copy.dispose();
    }
  });

  it('restoring leaks no tensors, and a damaged record is refused with a message', async () => {
    const { model } = await fitSequenceModel(windows(), base);
    const saved = (await serializeModel(model))!;
    const before = tf.memory().numTensors;
    deserializeModel(structuredClone(saved.artifacts) as SavedModel).dispose();
    expect(tf.memory().numTensors).toBe(before);
    const broken = structuredClone(saved.artifacts) as SavedModel & { weights: unknown[] };
    broken.weights = broken.weights.slice(1);
    expect(() => deserializeModel(broken)).toThrow(/weight arrays/);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });
});

describe('saved table models', () => {
  it('an MLP predicts the same after a save and restore', async () => {
    const t = sineSeries(40);
    const { model } = await fitModel(t, { model: 'mlp', target: 'up', features: ['v', 't'], hidden: [4], epochs: 2, batchSize: 16, seed: 1, optimizer: 'adam', learningRate: 0.01 });
    const copy = await roundTrip(model);
    try {
      expect((await copy.predict(t)).probabilities).toEqual((await model.predict(t)).probabilities);
    } finally {
      model.dispose();
      copy.dispose();
    }
  });
});
