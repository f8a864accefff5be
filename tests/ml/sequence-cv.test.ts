// Cross-validation of sequence models: subsets, folds (no future windows in
// training, whole sessions per fold), per-fold fits like the train cell's,
// and no leaked tensors.
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../src/ml/backend.ts';
import { tf } from '../../src/ml/tf.ts';
import { buildPadded, buildWindows } from '../../src/ml/sequences/index.ts';
import { crossValidateSequences, keptMetrics, sequenceFolds, subsetSequences } from '../../src/ml/validation/index.ts';
import type { PaddedSequences, WindowSequences } from '../../src/ml/sequences/types.ts';
import { sessions, sineSeries } from './sequence-data.ts';

beforeAll(async () => {
  await initBackend({ order: ['wasm', 'cpu'] });
});

const windows = () => buildWindows(sineSeries(40), { features: ['v'], target: 'v', steps: 5, horizon: 1, group: 'g', time: 't' });
const padded = () => buildPadded(sessions(24), { group: 'session', state: 'state', features: ['depth'], time: 'step', maxLength: 0, minLength: 2 });

describe('sequence subsets and folds', () => {
  it('subsets windows and padded sequences sample by sample', () => {
    const w = windows();
    const s = subsetSequences(w, [3, 0]) as WindowSequences;
    const size = w.steps * w.features.length;
    expect(s.n).toBe(2);
    expect(Array.from(s.X.subarray(0, size))).toEqual(Array.from(w.X.subarray(3 * size, 4 * size)));
    expect(s.y).toEqual([w.y[3], w.y[0]]);
    expect(s.groups).toEqual([w.groups![3], w.groups![0]]);
    const p = padded();
    const q = subsetSequences(p, [5, 1]) as PaddedSequences;
    expect(q.n).toBe(2);
    expect(Array.from(q.targets.subarray(0, p.steps))).toEqual(Array.from(p.targets.subarray(5 * p.steps, 6 * p.steps)));
    expect(Array.from(q.lengths)).toEqual([p.lengths[5], p.lengths[1]]);
    expect(q.groups).toEqual([p.groups[5], p.groups[1]]);
    expect(q.vocab).toEqual(p.vocab);
  });

  it('time folds of windows never train on a window that ends after a test window', () => {
    const w = windows();
    const folds = sequenceFolds(w, 'time', 4, 1);
    expect(folds).toHaveLength(4);
    for (const f of folds) {
      const lastTrain = Math.max(...f.train.map((i) => w.index[i]));
      const firstTest = Math.min(...f.test.map((i) => w.index[i]));
      expect(lastTrain).toBeLessThan(firstTest);
    }
  });

  it('group folds of windows keep a series whole; padded folds keep sessions whole; shuffled windows refused', () => {
    const w = windows();
    for (const f of sequenceFolds(w, 'group', 2, 1)) {
      const train = new Set(f.train.map((i) => w.groups![i]));
      expect(f.test.some((i) => train.has(w.groups![i]))).toBe(false);
    }
    const p = padded();
    const folds = sequenceFolds(p, 'kfold', 3, 7);
    expect(folds.flatMap((f) => f.test).sort((a, b) => a - b)).toEqual(Array.from({ length: p.n }, (_, i) => i));
    expect(() => sequenceFolds(w, 'kfold', 3, 1)).toThrow(/leak the future/);
    expect(() => sequenceFolds(p, 'time', 3, 1)).toThrow(/by sequence/);
  });

  it('keeps the restored epoch\'s validation metrics without the val_ prefix', () => {
    const h = [{ epoch: 1, loss: 2, val_loss: 1.5, val_accuracy: 0.4 }, { epoch: 2, loss: 1, val_loss: 1.2, val_accuracy: 0.6 }];
    expect(keptMetrics(h)).toEqual({ loss: 1.2, accuracy: 0.6 });
    expect(keptMetrics(h, 1)).toEqual({ loss: 1.5, accuracy: 0.4 });
  });
});

describe('crossValidateSequences', () => {
  it('LSTM on windows with forward chaining: one result per fold, no leaked tensors', async () => {
    const w = windows();
    const folds = sequenceFolds(w, 'time', 3, 1);
    const before = tf.memory().numTensors;
    const r = await crossValidateSequences(w, { model: 'lstm', optimizer: 'adam', units: [4], epochs: 2, batchSize: 16, learningRate: 0.01, seed: 1 }, folds);
    expect(tf.memory().numTensors).toBe(before);
    expect(r.folds).toHaveLength(3);
    expect(r.folds.map((f) => f.testRows)).toEqual(folds.map((f) => f.test.length));
    expect(r.summary.map((s) => s.metric).sort()).toEqual(['loss', 'rmse']);
    for (const f of r.folds) expect(Number.isFinite(f.metrics.rmse)).toBe(true);
  });

  it('GRU on padded sessions by sequence: top-1, top-3 and macro-F1 per fold, no leaked tensors', async () => {
    const p = padded();
    const before = tf.memory().numTensors;
    const r = await crossValidateSequences(p, { model: 'gru', optimizer: 'adam', units: [8], embeddingDim: 4, epochs: 3, batchSize: 8, learningRate: 0.03, seed: 2 }, sequenceFolds(p, 'kfold', 3, 5));
    expect(tf.memory().numTensors).toBe(before);
    expect(r.summary.map((s) => s.metric).sort()).toEqual(['accuracy', 'loss', 'macro_f1', 'top3']);
    for (const f of r.folds) expect(f.metrics.accuracy).toBeGreaterThanOrEqual(0);
  });
});
