// The 1D-CNN's im2col convolution (src/ml/models/conv1d.ts) against tfjs's
// own conv1d: the same outputs and gradients on the same weights, and a
// 1D-CNN trained on WASM with it ends within 1e-3 of the same seeded run
// trained on the CPU backend with tf.conv1d (how it trained before).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { initBackend, switchBackend } from '../../src/ml/backend.ts';
import { buildPadded, buildWindows } from '../../src/ml/sequences/index.ts';
import { fitSequenceModel, type SequenceFitOptions } from '../../src/ml/sequences/fit.ts';
import { tf } from '../../src/ml/tf.ts';
import { conv1dIm2col, conv1dPadding, type Conv1dPadding } from '../../src/ml/models/conv1d.ts';
import { sessions, sineSeries } from './sequence-data.ts';

// tfjs's conv1d with bias and ReLU, as tf.layers.conv1d computes it: the reference.
function tfConv1d(x: tf.Tensor3D, kernel: tf.Tensor3D, bias: tf.Tensor1D, padding: Conv1dPadding): tf.Tensor3D {
  const input = padding === 'causal' ? tf.pad(x, [[0, 0], [kernel.shape[0] - 1, 0], [0, 0]]) : x;
  return tf.relu(tf.conv1d(input, kernel, 1, padding === 'causal' ? 'valid' : 'same').add(bias)) as tf.Tensor3D;
}

// Lets one test train with the reference convolution in place of im2col.
const swap = vi.hoisted(() => ({ reference: false }));
vi.mock('../../src/ml/models/conv1d.ts', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/ml/models/conv1d.ts')>();
  return {
    ...original,
    conv1dIm2col: (x: tf.Tensor3D, kernel: tf.Tensor3D, bias: tf.Tensor1D, padding: Conv1dPadding) =>
      swap.reference ? tfConv1d(x, kernel, bias, padding) : original.conv1dIm2col(x, kernel, bias, padding),
  };
});

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});
afterAll(async () => {
  await switchBackend('cpu');
});

describe('conv1d as im2col + matMul', () => {
  it('pads like TensorFlow: same splits k−1 (less on the left), causal puts it all on the left', () => {
    expect(conv1dPadding(3, 'same')).toEqual([1, 1]);
    expect(conv1dPadding(4, 'same')).toEqual([1, 2]);
    expect(conv1dPadding(5, 'causal')).toEqual([4, 0]);
    expect(conv1dPadding(1, 'same')).toEqual([0, 0]);
  });

  // The cpu reference's outputs and gradients, compared with im2col on cpu and on wasm.
  const reference = new Map<string, Float32Array[]>();
  for (const backend of ['cpu', 'wasm'] as const) {
    it(`equals tf.conv1d's outputs and gradients on ${backend} (kernel 1, 3, 4; same and causal)`, async () => {
      await switchBackend(backend);
      for (const k of [1, 3, 4]) {
        for (const padding of ['same', 'causal'] as const) {
          tf.tidy(() => {
            const x = tf.randomNormal([5, 9, 3], 0, 1, 'float32', 1) as tf.Tensor3D;
            const kernel = tf.randomNormal([k, 3, 6], 0, 0.5, 'float32', 2) as tf.Tensor3D;
            const bias = tf.randomNormal([6], 0, 0.5, 'float32', 3) as tf.Tensor1D;
            const r = tf.randomNormal([5, 9, 6], 0, 1, 'float32', 4);
            const run = (f: typeof conv1dIm2col) => [f(x, kernel, bias, padding), ...tf.grads((a, w, c) => f(a as tf.Tensor3D, w as tf.Tensor3D, c as tf.Tensor1D, padding).mul(r).sum())([x, kernel, bias])];
            const key = `${k} ${padding}`;
            // WASM cannot run the reference's gradient (no Conv2DBackpropFilter): that is why im2col exists.
            if (backend === 'cpu') reference.set(key, run(tfConv1d).map((t) => t.dataSync() as Float32Array));
            else expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeUndefined();
            const mine = run(conv1dIm2col);
            expect(mine[0].shape).toEqual([5, 9, 6]);
            const ref = reference.get(key)!;
            mine.forEach((t, i) => {
              const got = t.dataSync();
              expect(got.length).toBe(ref[i].length);
              let worst = 0;
              for (let j = 0; j < got.length; j++) worst = Math.max(worst, Math.abs(got[j] - ref[i][j]));
              expect(worst, `${key}: ${i === 0 ? 'output' : `gradient ${i}`}`).toBeLessThan(1e-4);
            });
          });
        }
      }
    });
  }

  it('a 1D-CNN trained on wasm matches the cpu run with tf.conv1d within 1e-3 (windows with pooling, causal padded)', async () => {
    const base: SequenceFitOptions = { model: 'cnn1d', filters: [8], kernelSize: 3, dense: [4], optimizer: 'adam', learningRate: 0.01, epochs: 3, batchSize: 16, seed: 5 };
    const run = async (backend: 'cpu' | 'wasm', reference: boolean) => {
      await switchBackend(backend);
      swap.reference = reference;
      try {
        const windows = (seed: number) => buildWindows(sineSeries(50, seed), { features: ['v'], target: 'v', steps: 6, horizon: 1, group: 'g', time: 't' });
        const a = await fitSequenceModel(windows(1), base, { validation: windows(2) });
        const train = buildPadded(sessions(40), { group: 'session', state: 'state', features: ['depth'], time: 'step', maxLength: 0, minLength: 2 });
        const val = buildPadded(sessions(15, 7), train.options, { vocab: train.vocab, scaling: train.scaling, steps: train.steps });
        const b = await fitSequenceModel(train, { ...base, pooling: 'none' }, { validation: val });
        const predictions = Array.from(await a.model.predictRaw(windows(2)));
        a.model.dispose();
        b.model.dispose();
        return { history: [...a.result.history, ...b.result.history], predictions };
      } finally {
        swap.reference = false;
      }
    };
    const before = await run('cpu', true);
    const now = await run('wasm', false);
    expect(now.history).toHaveLength(before.history.length);
    before.history.forEach((h, i) => {
      for (const [k, v] of Object.entries(h)) expect(Math.abs(now.history[i][k] - v), `epoch ${i} ${k}`).toBeLessThanOrEqual(1e-3 * Math.max(1, Math.abs(v)));
    });
    before.predictions.forEach((p, i) => expect(Math.abs(now.predictions[i] - p), `prediction ${i}`).toBeLessThanOrEqual(1e-3 * Math.max(1, Math.abs(p))));
  });
});
