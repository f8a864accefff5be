// A 1-D convolution written as ops every tfjs backend can differentiate:
// im2col (the kernelSize shifted views of the padded input, side by side)
// and one fused matMul + bias + ReLU. tfjs's own conv1d lowers to Conv2D,
// whose filter gradient (Conv2DBackpropFilter) the WASM backend lacks, so
// a 1D-CNN had to train on the slow CPU backend there. Slice, pad, concat
// and matMul have gradients on WASM, WebGL, WebGPU and CPU alike.
//
// The weights stay those of a tf.layers.conv1d layer (kernel
// [kernelSize, inChannels, filters], bias [filters]), so a saved model's
// variables keep their names, shapes and order.
import { tf } from '../tf.ts';

export type Conv1dPadding = 'same' | 'causal';

/** Left and right zero padding along time for a stride-1 convolution (as tfjs/TensorFlow pad). */
export function conv1dPadding(kernelSize: number, padding: Conv1dPadding): [number, number] {
  if (padding === 'causal') return [kernelSize - 1, 0];
  const total = kernelSize - 1;
  return [Math.floor(total / 2), total - Math.floor(total / 2)];
}

/**
 * x [batch, steps, channels] → ReLU(conv1d(x, kernel) + bias) [batch, steps, filters],
 * stride 1, no dilation; equal to tf.layers.conv1d's output up to float rounding.
 */
export function conv1dIm2col(x: tf.Tensor3D, kernel: tf.Tensor3D, bias: tf.Tensor1D, padding: Conv1dPadding, activation: 'relu' | 'linear' = 'relu'): tf.Tensor3D {
  const [batch, steps, channels] = x.shape;
  const [k, inChannels, filters] = kernel.shape;
  if (inChannels !== channels) throw new Error(`conv1d: the input has ${channels} channels, the kernel expects ${inChannels}.`);
  const [left, right] = conv1dPadding(k, padding);
  const padded = left + right > 0 ? tf.pad(x, [[0, 0], [left, right], [0, 0]]) : x;
  // Column j of tap t at step s is padded[s + t][j]: taps side by side give [batch, steps, k·channels].
  const taps = k === 1 ? padded : tf.concat(Array.from({ length: k }, (_, t) => tf.slice(padded, [0, t, 0], [batch, steps, channels])), 2);
  const out = tf.fused.matMul({
    a: taps.reshape([batch * steps, k * channels]),
    b: kernel.reshape([k * channels, filters]),
    bias,
    activation,
  });
  return out.reshape([batch, steps, filters]);
}
