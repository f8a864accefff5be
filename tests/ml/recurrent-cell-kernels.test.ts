// On WASM an LSTM step's element-wise maths is one kernel and a GRU step's
// two (gates; output), each with a hand-written gradient
// (src/ml/models/lstm-cell-kernel.ts, gru-cell-kernel.ts). Their outputs and every
// gradient (inputs, kernel, recurrent kernel, bias) must equal the ops'
// version (recurrent.ts on the cpu backend, where no fused kernel exists),
// for the last state and for whole sequences, and it must leak nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend, switchBackend } from '../../src/ml/backend.ts';
import { tf } from '../../src/ml/tf.ts';
import { recurrentForward, type RecurrentKind } from '../../src/ml/models/recurrent.ts';

beforeAll(async () => {
  await initBackend({ order: ['wasm'] });
});
afterAll(async () => {
  await switchBackend('cpu');
});

const BATCH = 5;
const STEPS = 7;
const FEATURES = 3;
const UNITS = 4;

/** Forward values and gradients of a loss that weighs every output element differently. */
function run(kind: RecurrentKind, returnSequences: boolean) {
  const gates = kind === 'lstm' ? 4 : 3;
  return tf.tidy(() => {
    // Large weights push some gates past the hard sigmoid's clip, so its zero-gradient branch is covered.
    const x = tf.randomNormal([BATCH, STEPS, FEATURES], 0, 1.5, 'float32', 1) as tf.Tensor3D;
    const kernel = tf.randomNormal([FEATURES, gates * UNITS], 0, 2, 'float32', 2) as tf.Tensor2D;
    const recurrentKernel = tf.randomNormal([UNITS, gates * UNITS], 0, 1, 'float32', 3) as tf.Tensor2D;
    const bias = tf.randomNormal([gates * UNITS], 0, 1, 'float32', 4) as tf.Tensor1D;
    const f = (xx: tf.Tensor, k: tf.Tensor, rk: tf.Tensor, b: tf.Tensor) => {
      const out = recurrentForward(kind, xx as tf.Tensor3D, { kernel: k as tf.Tensor2D, recurrentKernel: rk as tf.Tensor2D, bias: b as tf.Tensor1D }, returnSequences);
      const weights = tf.linspace(-1, 2, out.size).reshape(out.shape);
      return tf.sum(tf.mul(out, weights)) as tf.Scalar;
    };
    const { value, grads } = tf.valueAndGrads(f)([x, kernel, recurrentKernel, bias]);
    const out = recurrentForward(kind, x, { kernel, recurrentKernel, bias }, returnSequences);
    return { out: Array.from(out.dataSync()), loss: value.dataSync()[0], grads: grads.map((g) => Array.from(g.dataSync())) };
  });
}

describe('fused LSTM and GRU steps on WASM', () => {
  for (const [kind, returnSequences] of [['lstm', false], ['lstm', true], ['gru', false], ['gru', true]] as const) {
    it(`${kind}: equals the ops' forward pass and gradients (${returnSequences ? 'every step' : 'last state'}), leaking nothing`, async () => {
      await switchBackend('cpu');
      const ops = run(kind, returnSequences);
      await switchBackend('wasm');
      const before = tf.memory().numTensors;
      const fused = run(kind, returnSequences);
      expect(tf.memory().numTensors).toBe(before);
      const close = (a: number[], b: number[], what: string) => {
        expect(a.length, what).toBe(b.length);
        a.forEach((v, i) => expect(Math.abs(v - b[i]), `${what}[${i}]: ${v} vs ${b[i]}`).toBeLessThan(1e-5 * Math.max(1, Math.abs(b[i]))));
      };
      close(fused.out, ops.out, 'output');
      close([fused.loss], [ops.loss], 'loss');
      ['x', 'kernel', 'recurrentKernel', 'bias'].forEach((name, i) => close(fused.grads[i], ops.grads[i], `d${name}`));
      // The gradients are not trivially zero (the comparison has something to compare).
      expect(fused.grads[2].some((v) => Math.abs(v) > 1e-3)).toBe(true);
    });
  }
});
