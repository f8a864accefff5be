// Typed-array sequences to tensors, whole or a slice of samples, and the
// masked many-to-many loss.
import { tf } from '../tf.ts';
import type { SequenceInputs } from '../models/sequence-net.ts';
import type { SequenceData } from './types.ts';

/** Inputs for samples [start, end). */
export function sliceInputs(data: SequenceData, start = 0, end = data.n): SequenceInputs {
  const T = data.steps;
  const F = data.features.length;
  const b = end - start;
  if (data.mode === 'windows') return { numeric: tf.tensor3d(data.X.subarray(start * T * F, end * T * F), [b, T, F]) };
  return {
    numeric: tf.tensor3d(data.numeric.subarray(start * T * F, end * T * F), [b, T, F]),
    states: tf.tensor2d(data.states.subarray(start * T, end * T), [b, T], 'int32'),
  };
}

export function gatherInputs(all: SequenceInputs, indices: tf.Tensor1D): SequenceInputs {
  const numeric = tf.gather(all.numeric, indices) as tf.Tensor3D;
  return all.states ? { numeric, states: tf.gather(all.states, indices) as tf.Tensor2D } : { numeric };
}

/**
 * Masked, weighted mean cross-entropy over real steps: Σ w·ℓ / (real steps),
 * where padding (target 0) has weight 0 — Keras' class_weight with a
 * temporal mask, and PyTorch's ignore_index=PAD when no class weights.
 */
export function maskedStepLoss(logits: tf.Tensor, targets: tf.Tensor2D, classWeights?: tf.Tensor1D): tf.Scalar {
  const V = logits.shape[2]!;
  const flat = targets.reshape([-1]) as tf.Tensor1D;
  const mask = flat.greater(0).cast('float32');
  const ce = tf.losses.softmaxCrossEntropy(tf.oneHot(flat, V), logits.reshape([-1, V]), undefined, 0, tf.Reduction.NONE) as tf.Tensor1D;
  const w = classWeights ? mask.mul(tf.gather(classWeights, flat)) : mask;
  return ce.mul(w).sum().div(tf.maximum(mask.sum(), 1)) as tf.Scalar;
}
