// The sequence models' LSTM/GRU forward pass (src/ml/models/recurrent.ts)
// against tf.layers.lstm / tf.layers.gru on the same weights: outputs and
// gradients within 1e-5, last state and every step, on cpu and wasm.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend, switchBackend } from '../../src/ml/backend.ts';
import { tf } from '../../src/ml/tf.ts';
import { recurrentForward, type RecurrentKind } from '../../src/ml/models/recurrent.ts';

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});
afterAll(async () => {
  await switchBackend('cpu');
});

function worstDiff(a: tf.Tensor, b: tf.Tensor): number {
  expect(a.shape).toEqual(b.shape);
  const x = a.dataSync();
  const y = b.dataSync();
  let worst = 0;
  for (let i = 0; i < x.length; i++) worst = Math.max(worst, Math.abs(x[i] - y[i]));
  return worst;
}

describe('recurrent layers stepped with fused ops', () => {
  for (const backend of ['cpu', 'wasm'] as const) {
    for (const kind of ['lstm', 'gru'] as RecurrentKind[]) {
      for (const returnSequences of [false, true]) {
        it(`${kind} on ${backend}, ${returnSequences ? 'every step' : 'last state'}: equals tf.layers.${kind} (outputs and gradients within 1e-5)`, async () => {
          await switchBackend(backend);
          const layer = kind === 'lstm'
            ? tf.layers.lstm({ units: 6, returnSequences, kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }), recurrentInitializer: tf.initializers.orthogonal({ gain: 1, seed: 2 }) })
            : tf.layers.gru({ units: 6, returnSequences, kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }), recurrentInitializer: tf.initializers.orthogonal({ gain: 1, seed: 2 }) });
          try {
            tf.tidy(() => {
              // Inputs large enough that some gates saturate (the hard sigmoid's clip is exercised).
              const x = tf.randomNormal([4, 7, 3], 0, 2, 'float32', 3) as tf.Tensor3D;
              layer.apply(x); // builds the weights
              // A non-zero bias, so its place in the sums is checked too.
              layer.trainableWeights[2].write(tf.randomNormal(layer.trainableWeights[2].shape as number[], 0, 0.5, 'float32', 4));
              const [kernel, recurrentKernel, bias] = layer.trainableWeights.map((w) => w.read());
              const weights = { kernel: kernel as tf.Tensor2D, recurrentKernel: recurrentKernel as tf.Tensor2D, bias: bias as tf.Tensor1D };
              const ours = recurrentForward(kind, x, weights, returnSequences);
              const theirs = layer.apply(x) as tf.Tensor;
              expect(worstDiff(ours, theirs), 'output').toBeLessThan(1e-5);
              const r = tf.randomNormal(ours.shape, 0, 1, 'float32', 5);
              const grads = (f: (a: tf.Tensor3D, k: tf.Tensor2D, rk: tf.Tensor2D, b: tf.Tensor1D) => tf.Tensor) =>
                tf.grads((a, k, rk, b) => f(a as tf.Tensor3D, k as tf.Tensor2D, rk as tf.Tensor2D, b as tf.Tensor1D).mul(r).sum())([x, weights.kernel, weights.recurrentKernel, weights.bias]);
              const mine = grads((a, k, rk, b) => recurrentForward(kind, a, { kernel: k, recurrentKernel: rk, bias: b }, returnSequences));
              // The layer's gradients, through variables holding the same values.
              const reference = tf.variableGrads(() => (layer.apply(x) as tf.Tensor).mul(r).sum() as tf.Scalar, layer.trainableWeights.map((w) => w.read() as tf.Variable));
              const dx = tf.grad((a) => (layer.apply(a) as tf.Tensor).mul(r).sum())(x);
              expect(worstDiff(mine[0], dx), 'd input').toBeLessThan(1e-5);
              layer.trainableWeights.forEach((w, i) => expect(worstDiff(mine[i + 1], reference.grads[(w.read() as tf.Variable).name]), `d ${w.name}`).toBeLessThan(1e-5));
            });
          } finally {
            layer.dispose();
          }
        });
      }
    }
  }
});
