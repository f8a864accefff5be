// Optimizer by name. tfjs has no AdamW, so 'adamw' is Adam followed by
// decoupled weight decay on the kernels (w ← w − lr·wd·w), as in Loshchilov &
// Hutter; biases are not decayed.
import { tf } from './tf.ts';

export type OptimizerName = 'sgd' | 'adam' | 'rmsprop' | 'adamw';

export interface OptimizerHandle {
  optimizer: tf.Optimizer;
  /** Runs after each step (AdamW's decay); a no-op otherwise. */
  afterStep(kernels: tf.Variable[]): void;
}

export function makeOptimizer(name: OptimizerName, learningRate: number, weightDecay = 0.01): OptimizerHandle {
  switch (name) {
    case 'sgd':
      return { optimizer: tf.train.sgd(learningRate), afterStep: () => {} };
    case 'rmsprop':
      return { optimizer: tf.train.rmsprop(learningRate), afterStep: () => {} };
    case 'adam':
      return { optimizer: tf.train.adam(learningRate), afterStep: () => {} };
    case 'adamw': {
      const factor = 1 - learningRate * weightDecay;
      return {
        optimizer: tf.train.adam(learningRate),
        afterStep: (kernels) => tf.tidy(() => kernels.forEach((k) => k.assign(k.mul(factor)))),
      };
    }
  }
}
