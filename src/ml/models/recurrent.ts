// LSTM and GRU forward passes with fewer, larger ops than tf.layers.lstm/gru:
// every timestep's input projection (x·W + b) in one matMul before the
// loop, and per step one matMul for the recurrent part, one hard-sigmoid
// over all gates and one split. tfjs-layers steps its cell with ~25 small
// ops (and an input slice and a tidy) per timestep; on WASM each op's fixed
// cost, not the arithmetic, is what a small recurrent net's training pays.
//
// The maths is the tfjs cells' (Keras defaults): gates i, f, c, o (LSTM) and
// z, r, h (GRU) in that order, recurrent activation hard sigmoid
// clip(0.2·x + 0.5, 0, 1), activation tanh, zero initial state. The weights
// are the tf.layers.lstm/gru layer's (kernel [in, k·units], recurrent kernel
// [units, k·units], bias [k·units]), so saved models keep their variables.
// On the WASM backend an LSTM step's element-wise maths is one kernel
// (lstm-cell-kernel.ts), a GRU step's two (gru-cell-kernel.ts).
import { tf } from '../tf.ts';
import { gruStepFused } from './gru-cell-kernel.ts';
import { lstmCellFused } from './lstm-cell-kernel.ts';

export type RecurrentKind = 'lstm' | 'gru';

export interface RecurrentWeights {
  kernel: tf.Tensor2D;
  recurrentKernel: tf.Tensor2D;
  bias: tf.Tensor1D;
}

/** Keras/tfjs hard sigmoid, with tfjs's own ops (so gradients match too). */
function hardSigmoid(x: tf.Tensor): tf.Tensor {
  return tf.clipByValue(tf.add(0.5, tf.mul(0.2, x)), 0, 1);
}

/** All timesteps' x·W + b, as T tensors [batch, k·units]. */
function inputProjections(x: tf.Tensor3D, w: RecurrentWeights): tf.Tensor2D[] {
  const [batch, steps, features] = x.shape;
  const width = w.kernel.shape[1];
  const projected = tf.fused.matMul({ a: x.reshape([batch * steps, features]), b: w.kernel, bias: w.bias }).reshape([batch, steps, width]);
  return tf.unstack(projected, 1) as tf.Tensor2D[];
}

/**
 * x [batch, steps, features] → the last hidden state [batch, units], or every
 * step's [batch, steps, units] with `returnSequences`.
 */
export function recurrentForward(kind: RecurrentKind, x: tf.Tensor3D, w: RecurrentWeights, returnSequences: boolean): tf.Tensor {
  const batch = x.shape[0];
  const units = w.recurrentKernel.shape[0];
  const xs = inputProjections(x, w);
  const outputs: tf.Tensor2D[] = [];
  let h = tf.zeros([batch, units]) as tf.Tensor2D;
  if (kind === 'lstm') {
    let c = tf.zeros([batch, units]) as tf.Tensor2D;
    for (const xt of xs) {
      const r = tf.matMul(h, w.recurrentKernel) as tf.Tensor2D;
      // On WASM the element-wise part of the step is one kernel (lstm-cell-kernel.ts).
      const fused = lstmCellFused(xt, r, c);
      if (fused) {
        [h, c] = fused;
        outputs.push(h);
        continue;
      }
      const z = tf.add(xt, r);
      // The hard sigmoid runs over all four blocks at once; the c block uses tanh instead.
      const [i, f, , o] = tf.split(hardSigmoid(z), 4, 1);
      const g = tf.tanh(tf.slice(z, [0, 2 * units], [batch, units]));
      c = tf.add(tf.mul(f, c), tf.mul(i, g));
      h = tf.mul(o, tf.tanh(c));
      outputs.push(h);
    }
  } else {
    const rk1 = tf.slice(w.recurrentKernel, [0, 0], [units, 2 * units]);
    const rk2 = tf.slice(w.recurrentKernel, [0, 2 * units], [units, units]);
    for (const xt of xs) {
      // On WASM the step's element-wise parts are two kernels (gru-cell-kernel.ts).
      const fused = gruStepFused(xt, h, rk1, rk2);
      if (fused) {
        h = fused;
        outputs.push(h);
        continue;
      }
      const [xZR, xH] = tf.split(xt, [2 * units, units], 1);
      const [z, r] = tf.split(hardSigmoid(tf.add(xZR, tf.matMul(h, rk1))), 2, 1);
      const hh = tf.tanh(tf.add(xH, tf.matMul(tf.mul(r, h), rk2)));
      h = tf.add(tf.mul(z, h), tf.mul(tf.add(1, tf.neg(z)), hh));
      outputs.push(h);
    }
  }
  return returnSequences ? tf.stack(outputs, 1) : h;
}
