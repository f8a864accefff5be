// Adam (and AdamW) over all variables at once: the gradients and weights
// are concatenated into one vector, the update runs as one set of
// element-wise ops on it, and the result is split back into the variables.
// tfjs's AdamOptimizer runs ~16 small ops per variable per step; on WASM a
// small network's step pays per op, so this turns ~16·n ops into ~20 + 4·n.
// The element-wise maths is tfjs's own, op for op (so every weight gets the
// same float32 value it would get from tf.train.adam), with AdamW's
// decoupled decay w ← w·(1 − lr·wd) applied to the kernels in the same pass.
// On the WASM backend the same maths runs as one JavaScript loop over the
// weights where they live (heap-adam.ts): no op dispatch at all.
import { tf } from './tf.ts';
import { activeWasmBackend } from './wasm-heap.ts';
import { HeapAdamState } from './heap-adam.ts';

interface Layout {
  names: string[];
  variables: tf.Variable[];
  sizes: number[];
  /** Whether each variable is decayed (AdamW kernels). */
  decayed: boolean[];
}

export class FlatAdam extends tf.Optimizer {
  static get className(): string {
    return 'FlatAdam';
  }

  learningRate: number;
  private readonly beta1 = 0.9;
  private readonly beta2 = 0.999;
  private readonly epsilon: number;
  private readonly accBeta1: tf.Variable;
  private readonly accBeta2: tf.Variable;
  private m?: tf.Variable;
  private v?: tf.Variable;
  private layout?: Layout;
  private decayMask?: Float32Array;
  /** Per-element multiplier after the step: f32(1 − lr·wd) on kernels, 1 elsewhere; rebuilt when the rate changes. */
  private decayTimes?: { factor: number; tensor: tf.Tensor1D };
  /** Moments kept in JavaScript when the first step ran on the WASM heap (then every step does). */
  private heap?: HeapAdamState;

  /**
   * @param decay AdamW: the weight decay and the variables it applies to
   *   (kernels, not biases); absent: plain Adam.
   */
  constructor(learningRate: number, private readonly decay?: { weightDecay: number; kernels: readonly tf.Variable[] }) {
    super();
    this.learningRate = learningRate;
    this.epsilon = tf.backend().epsilon();
    this.accBeta1 = tf.tidy(() => tf.scalar(this.beta1).variable(false));
    this.accBeta2 = tf.tidy(() => tf.scalar(this.beta2).variable(false));
  }

  applyGradients(variableGradients: tf.NamedTensorMap | { name: string; tensor: tf.Tensor }[]): void {
    const entries: [string, tf.Tensor][] = Array.isArray(variableGradients)
      ? variableGradients.map((g) => [g.name, g.tensor])
      : Object.entries(variableGradients);
    const layout = this.layoutFor(entries);
    if (this.heap) {
      const backend = activeWasmBackend();
      if (!backend) throw new Error('FlatAdam: the backend changed from wasm during training.');
      this.heap.step(backend, entries.map(([, g]) => g), layout.variables, layout.decayed, this.learningRate, this.decay?.weightDecay ?? 0);
      this.incrementIterations();
      return;
    }
    tf.tidy(() => {
      const flat = (ts: tf.Tensor[]) => tf.concat(ts.map((t) => t.reshape([-1])));
      const gradient = flat(entries.map(([, g]) => g));
      const value = flat(layout.variables);
      const m = this.m!;
      const v = this.v!;
      const oneMinusAccBeta1 = tf.sub(1, this.accBeta1);
      const oneMinusAccBeta2 = tf.sub(1, this.accBeta2);
      // tfjs AdamOptimizer.applyGradients, op for op.
      const newFirstMoment = tf.add(tf.mul(m, this.beta1), tf.mul(gradient, 1 - this.beta1));
      const newSecondMoment = tf.add(tf.mul(v, this.beta2), tf.mul(tf.square(gradient), 1 - this.beta2));
      const biasCorrectedFirstMoment = tf.div(newFirstMoment, oneMinusAccBeta1);
      const biasCorrectedSecondMoment = tf.div(newSecondMoment, oneMinusAccBeta2);
      m.assign(newFirstMoment);
      v.assign(newSecondMoment);
      let newValue = tf.add(tf.mul(tf.div(biasCorrectedFirstMoment, tf.add(tf.sqrt(biasCorrectedSecondMoment), this.epsilon)), -this.learningRate), value);
      // AdamW: kernels × (1 − lr·wd) (the same float32 factor as k.mul(factor)), others × 1 (exact).
      if (this.decay) newValue = tf.mul(newValue, this.decayMultiplier(1 - this.learningRate * this.decay.weightDecay));
      const parts = tf.split(newValue, layout.sizes);
      layout.variables.forEach((variable, i) => variable.assign(parts[i].reshape(variable.shape)));
      this.accBeta1.assign(tf.mul(this.accBeta1, this.beta1));
      this.accBeta2.assign(tf.mul(this.accBeta2, this.beta2));
    });
    this.incrementIterations();
  }

  /** The first step fixes which variables are updated, in which order; later steps must match. */
  private layoutFor(entries: [string, tf.Tensor][]): Layout {
    const names = entries.map(([name]) => name);
    if (this.layout) {
      if (names.join('\u0000') !== this.layout.names.join('\u0000')) throw new Error('FlatAdam: every step must update the same variables in the same order.');
      return this.layout;
    }
    const variables = names.map((name) => {
      const variable = tf.engine().registeredVariables[name];
      if (!variable) throw new Error(`FlatAdam: no variable named ${name}.`);
      return variable;
    });
    const sizes = variables.map((x) => x.size);
    const decayedSet = new Set(this.decay?.kernels ?? []);
    const decayed = variables.map((x) => decayedSet.has(x));
    const total = sizes.reduce((a, b) => a + b, 0);
    this.layout = { names, variables, sizes, decayed };
    if (activeWasmBackend()) {
      this.heap = new HeapAdamState(sizes, { beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon });
      return this.layout;
    }
    this.m = tf.tidy(() => tf.zeros([total]).variable(false));
    this.v = tf.tidy(() => tf.zeros([total]).variable(false));
    if (this.decay) {
      const mask = new Float32Array(total);
      let offset = 0;
      sizes.forEach((size, i) => {
        if (decayed[i]) mask.fill(1, offset, offset + size);
        offset += size;
      });
      this.decayMask = mask;
    }
    return this.layout;
  }

  private decayMultiplier(factor: number): tf.Tensor1D {
    if (this.decayTimes?.factor !== factor) {
      this.decayTimes?.tensor.dispose();
      const mask = this.decayMask!;
      const values = Float32Array.from(mask, (k) => (k ? factor : 1));
      this.decayTimes = { factor, tensor: tf.keep(tf.tensor1d(values)) };
    }
    return this.decayTimes.tensor;
  }

  override dispose(): void {
    super.dispose();
    this.accBeta1.dispose();
    this.accBeta2.dispose();
    this.m?.dispose();
    this.v?.dispose();
    this.heap?.dispose();
    this.decayTimes?.tensor.dispose();
  }

  getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon };
  }
}
