// FlatAdam's update on the WASM backend: one JavaScript loop over every
// weight, reading the gradients and writing the weights in the WASM heap.
// The op-by-op path pays ~40 op dispatches per step (concat, the moments,
// the split back into variables); this pays none. Every operation is the
// float32 operation tfjs's ops perform (Math.fround after each +, ×, ÷, √:
// IEEE float32 results, because a double holds a float32 operation's exact
// result before rounding), so each weight gets the same bits as
// tf.train.adam (tests/ml/flat-adam.test.ts compares them).
// The new weights go into new tensors, never over the old ones: the WASM
// backend caches XNNPACK operators with their packed weights by tensor id,
// so a matMul would keep using the old values of a weight written in place.
// Where WebAssembly SIMD is there, the same loop runs as a module on the
// backend's memory, four weights at a time (heap-adam-kernel.ts); the moments
// then live in the heap too.
import { tf } from './tf.ts';
import { heapF32, heapOffset, wasmMemoryOf, type TensorInfo, type WasmHeapBackend } from './wasm-heap.ts';
import { adamKernelFor, type AdamKernel } from './heap-adam-kernel.ts';

const f = Math.fround;

export interface AdamConstants {
  beta1: number;
  beta2: number;
  epsilon: number;
}

export class HeapAdamState {
  private readonly m: Float32Array[];
  private readonly v: Float32Array[];
  /** The SIMD module and its moments in the heap (kept tensors), decided at the first step. */
  private simd?: { kernel: AdamKernel; m: tf.Tensor[]; v: tf.Tensor[] } | null;
  /** β₁ᵗ and β₂ᵗ, as the float32 scalars tfjs keeps. */
  private accBeta1: number;
  private accBeta2: number;

  constructor(private readonly sizes: readonly number[], private readonly c: AdamConstants) {
    this.m = sizes.map((n) => new Float32Array(n));
    this.v = sizes.map((n) => new Float32Array(n));
    this.accBeta1 = f(c.beta1);
    this.accBeta2 = f(c.beta2);
  }

  /** One step. `decayed[i]`: variable i is a kernel that AdamW decays by f32(1 − lr·wd) (weightDecay 0: plain Adam). */
  step(backend: WasmHeapBackend, gradients: readonly tf.Tensor[], variables: readonly tf.Variable[], decayed: readonly boolean[], learningRate: number, weightDecay: number): void {
    const b1 = f(this.c.beta1);
    const c1 = f(1 - this.c.beta1);
    const b2 = f(this.c.beta2);
    const c2 = f(1 - this.c.beta2);
    const eps = f(this.c.epsilon);
    const om1 = f(1 - this.accBeta1);
    const om2 = f(1 - this.accBeta2);
    const rate = f(-learningRate);
    const keep = f(1 - learningRate * weightDecay);
    const simd = this.simdFor(backend);
    variables.forEach((variable, i) => {
      const next = backend.makeOutput(variable.shape, 'float32');
      if (simd) {
        const at = (t: { dataId: TensorInfo['dataId'] }) => heapOffset(backend, t);
        simd.kernel(at(gradients[i]), at(variable), at(next), at(simd.m[i]), at(simd.v[i]), variable.size,
          b1, c1, b2, c2, om1, om2, eps, rate, weightDecay > 0 && decayed[i] ? keep : 1);
        const tensor = tf.engine().makeTensorFromTensorInfo(next);
        variable.assign(tensor);
        tensor.dispose();
        return;
      }
      // Views after the allocation (it may grow the heap).
      const g = heapF32(backend, gradients[i] as unknown as TensorInfo);
      const w = heapF32(backend, variable as unknown as TensorInfo);
      const out = heapF32(backend, next);
      const m = this.m[i];
      const v = this.v[i];
      const decay = weightDecay > 0 && decayed[i];
      for (let k = 0; k < out.length; k++) {
        const gk = g[k];
        const mk = f(f(m[k] * b1) + f(gk * c1));
        const vk = f(f(v[k] * b2) + f(f(gk * gk) * c2));
        m[k] = mk;
        v[k] = vk;
        const step = f(f(f(mk / om1) / f(f(Math.sqrt(f(vk / om2))) + eps)) * rate);
        const moved = f(step + w[k]);
        out[k] = decay ? f(moved * keep) : moved;
      }
      const tensor = tf.engine().makeTensorFromTensorInfo(next);
      variable.assign(tensor);
      tensor.dispose();
    });
    this.accBeta1 = f(this.accBeta1 * b1);
    this.accBeta2 = f(this.accBeta2 * b2);
  }

  private simdFor(backend: WasmHeapBackend): { kernel: AdamKernel; m: tf.Tensor[]; v: tf.Tensor[] } | null {
    if (this.simd === undefined) {
      const memory = wasmMemoryOf(backend);
      const kernel = memory ? adamKernelFor(memory) : null;
      // Kept: steps run inside the training loop's tidy, and the moments outlive every step.
      const zeros = () => this.sizes.map((n) => tf.keep(tf.zeros([n])));
      this.simd = kernel ? { kernel, m: zeros(), v: zeros() } : null;
    }
    return this.simd;
  }

  dispose(): void {
    this.simd?.m.forEach((t) => t.dispose());
    this.simd?.v.forEach((t) => t.dispose());
    this.simd = undefined;
  }
}
