// The three model kinds as tfjs layer stacks. Every network outputs raw
// scores (logits, or the standardised value for regression); the head turns
// them into a loss and into probabilities. Losses on logits use tfjs's
// numerically stable sigmoid/softmax cross-entropy.
import { tf } from '../tf.ts';

export type ModelKind = 'linear' | 'logistic' | 'mlp';
export type Activation = 'relu' | 'tanh' | 'sigmoid' | 'elu';
/** regression: one value; binary: one logit; multiclass: one logit per class. */
export type Head = 'regression' | 'binary' | 'multiclass';

export interface NetworkSpec {
  kind: ModelKind;
  head: Head;
  inputs: number;
  /** Number of classes (multiclass head). */
  classes?: number;
  /** Hidden layer sizes (mlp only). */
  hidden?: number[];
  activation?: Activation;
  /** Dropout rate after each hidden layer while training (mlp only). */
  dropout?: number;
  /** L2 penalty on kernels, added to the loss. */
  l2?: number;
  seed: number;
}

export function outputUnits(spec: Pick<NetworkSpec, 'head' | 'classes'>): number {
  return spec.head === 'multiclass' ? (spec.classes ?? 2) : 1;
}

/**
 * A Sequential of Dense layers with seeded Glorot-uniform kernels (seed + layer
 * index) and zero biases, so a seed gives the same start on any backend.
 * Dropout is not a layer here: tfjs's Dropout with a seed reuses one mask
 * for every batch, so the training loop applies its own seeded masks.
 */
export function buildNetwork(spec: NetworkSpec): tf.Sequential {
  const hidden = spec.kind === 'mlp' ? (spec.hidden ?? []) : [];
  const model = tf.sequential();
  let layer = 0;
  for (const units of hidden) {
    model.add(
      tf.layers.dense({
        units,
        activation: spec.activation ?? 'relu',
        inputShape: layer === 0 ? [spec.inputs] : undefined,
        kernelInitializer: tf.initializers.glorotUniform({ seed: spec.seed + layer }),
        biasInitializer: 'zeros',
      }),
    );
    layer++;
  }
  model.add(
    tf.layers.dense({
      units: outputUnits(spec),
      activation: 'linear',
      inputShape: layer === 0 ? [spec.inputs] : undefined,
      kernelInitializer: tf.initializers.glorotUniform({ seed: spec.seed + layer }),
      biasInitializer: 'zeros',
    }),
  );
  return model;
}

/**
 * Forward pass. With `dropoutSeed` (training), an inverted-dropout mask drawn
 * with that seed follows each hidden layer; without it, plain inference.
 */
export function forward(model: tf.Sequential, x: tf.Tensor2D, dropout = 0, dropoutSeed?: number): tf.Tensor2D {
  let h: tf.Tensor = x;
  const layers = model.layers;
  for (let i = 0; i < layers.length; i++) {
    h = layers[i].apply(h) as tf.Tensor;
    if (dropoutSeed !== undefined && dropout > 0 && i < layers.length - 1) {
      const keep = tf.randomUniform(h.shape, 0, 1, 'float32', dropoutSeed + i).greaterEqual(dropout);
      h = h.mul(keep.cast('float32')).div(1 - dropout);
    }
  }
  return h as tf.Tensor2D;
}

/** Mean loss of raw outputs against targets (class indices as float for classification). */
export function headLoss(head: Head, out: tf.Tensor2D, y: tf.Tensor1D, classes = 2): tf.Scalar {
  if (head === 'regression') return tf.losses.meanSquaredError(y.reshape([-1, 1]), out) as tf.Scalar;
  if (head === 'binary') return tf.losses.sigmoidCrossEntropy(y.reshape([-1, 1]), out) as tf.Scalar;
  return tf.losses.softmaxCrossEntropy(tf.oneHot(y.cast('int32'), classes), out) as tf.Scalar;
}

/**
 * One loss per sample ([batch]), for weighting: squared error, sigmoid or
 * softmax cross-entropy on the raw outputs.
 */
export function headLossPerSample(head: Head, out: tf.Tensor2D, y: tf.Tensor1D, classes = 2): tf.Tensor1D {
  const none = tf.Reduction.NONE;
  if (head === 'regression') return tf.losses.meanSquaredError(y.reshape([-1, 1]), out, undefined, none).reshape([-1]);
  if (head === 'binary') return tf.losses.sigmoidCrossEntropy(y.reshape([-1, 1]), out, undefined, 0, none).reshape([-1]);
  return tf.losses.softmaxCrossEntropy(tf.oneHot(y.cast('int32'), classes), out, undefined, 0, none).reshape([-1]);
}

/**
 * Keras class_weight: each sample's loss times its class's weight, summed
 * and divided by the number of samples (not by the sum of weights, which is
 * what PyTorch's CrossEntropyLoss(weight=…) does).
 */
export function weightedHeadLoss(head: Head, out: tf.Tensor2D, y: tf.Tensor1D, classes: number, classWeights: tf.Tensor1D): tf.Scalar {
  return headLossPerSample(head, out, y, classes).mul(tf.gather(classWeights, y.cast('int32'))).mean() as tf.Scalar;
}

/** Probabilities per class (binary: [1-p, p]) from raw outputs. */
export function headProbabilities(head: Head, out: tf.Tensor2D): tf.Tensor2D {
  if (head === 'binary') {
    const p = tf.sigmoid(out);
    return tf.concat([tf.sub(1, p), p], 1) as tf.Tensor2D;
  }
  return tf.softmax(out) as tf.Tensor2D;
}

/** Sum of squared kernel weights (biases are not penalised). */
export function l2Penalty(model: tf.Sequential, l2: number): tf.Scalar {
  let total: tf.Scalar = tf.scalar(0);
  for (const layer of model.layers) {
    const kernel = layer.getWeights()[0];
    if (kernel) total = total.add(kernel.square().sum());
  }
  return total.mul(l2);
}

export function parameterCount(model: tf.Sequential): number {
  return model.countParams();
}
