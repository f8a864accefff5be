// Optimizer by name. tfjs has no AdamW, so 'adamw' is Adam followed by
// decoupled weight decay on the kernels (w ← w − lr·wd·w), as in Loshchilov &
// Hutter; biases are not decayed. Adam and AdamW are FlatAdam (one fused
// update for all variables, the same numbers as tf.train.adam).
import { tf } from './tf.ts';
import { FlatAdam } from './flat-adam.ts';

export type OptimizerName = 'sgd' | 'adam' | 'rmsprop' | 'adamw';

export interface OptimizerHandle {
  optimizer: tf.Optimizer;
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

export function makeOptimizer(name: OptimizerName, learningRate: number, weightDecay = 0.01, kernels: readonly tf.Variable[] = []): OptimizerHandle {
  const plain = (optimizer: tf.Optimizer): OptimizerHandle => ({ optimizer, setLearningRate: (lr) => setRate(optimizer, lr) });
  switch (name) {
    case 'sgd':
      return plain(tf.train.sgd(learningRate));
    case 'rmsprop':
      return plain(tf.train.rmsprop(learningRate));
    // Adam and AdamW update all variables in one pass (flat-adam.ts); AdamW decays `kernels`.
    case 'adam':
      return plain(new FlatAdam(learningRate));
    case 'adamw':
      return plain(new FlatAdam(learningRate, { weightDecay, kernels }));
  }
}
