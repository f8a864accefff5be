// Optimizer by name. tfjs has no AdamW, so 'adamw' is Adam followed by
// decoupled weight decay on the kernels (w ← w − lr·wd·w), as in Loshchilov &
// Hutter; biases are not decayed.
import { tf } from './tf.ts';

export type OptimizerName = 'sgd' | 'adam' | 'rmsprop' | 'adamw';

export interface OptimizerHandle {
  optimizer: tf.Optimizer;
  /** Runs after each step (AdamW's decay); a no-op otherwise. */
  afterStep(kernels: tf.Variable[]): void;
  /** Change the step size between steps (learning-rate schedules). */
  setLearningRate(lr: number): void;
}

/**
 * tfjs's Adam and RMSProp read their `learningRate` field on every step but
 * expose no setter (SGD has setLearningRate, which also refreshes a cached
 * scalar), so schedules write the field directly.
 */
function setRate(optimizer: tf.Optimizer, lr: number): void {
  // Not `instanceof SGDOptimizer`: tfjs's Optimizer[Symbol.hasInstance] says yes to every optimizer.
  const o = optimizer as unknown as { learningRate: number; setLearningRate?: (lr: number) => void };
  if (typeof o.setLearningRate === 'function') o.setLearningRate(lr);
  else o.learningRate = lr;
}

export function makeOptimizer(name: OptimizerName, learningRate: number, weightDecay = 0.01): OptimizerHandle {
  const plain = (optimizer: tf.Optimizer): OptimizerHandle => ({ optimizer, afterStep: () => {}, setLearningRate: (lr) => setRate(optimizer, lr) });
  switch (name) {
    case 'sgd':
      return plain(tf.train.sgd(learningRate));
    case 'rmsprop':
      return plain(tf.train.rmsprop(learningRate));
    case 'adam':
      return plain(tf.train.adam(learningRate));
    case 'adamw': {
      const optimizer = tf.train.adam(learningRate);
      // The decay follows the scheduled rate, as in PyTorch's AdamW.
      let factor = 1 - learningRate * weightDecay;
      return {
        optimizer,
        afterStep: (kernels) => tf.tidy(() => kernels.forEach((k) => k.assign(k.mul(factor)))),
        setLearningRate: (lr) => {
          setRate(optimizer, lr);
          factor = 1 - lr * weightDecay;
        },
      };
    }
  }
}
