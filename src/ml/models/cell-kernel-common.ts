// What the fused recurrent-cell kernels (lstm-cell-kernel.ts,
// gru-cell-kernel.ts) share: Keras's hard sigmoid in float32, its
// gradient, and registering a WASM kernel with its gradient kernel once.
import { tf } from '../tf.ts';
import type { TensorInfo } from '../wasm-heap.ts';

/** Round to float32 after each operation, as the ops do. */
export const f = Math.fround;
const FIFTH = f(0.2);

/** A tfjs kernel function's arguments, as these kernels read them. */
export interface CellKernelArgs {
  inputs: Record<string, TensorInfo | undefined>;
  backend: unknown;
  attrs?: Record<string, unknown>;
}

/** The hard sigmoid's argument before the clip: 0.2·s + 0.5 (tfjs: add(0.5, mul(0.2, s))). */
export const preClip = (s: number) => f(f(FIFTH * s) + 0.5);

export const clip01 = (u: number) => (u < 0 ? 0 : u > 1 ? 1 : u);

/** d hardSigmoid: d·0.2 where 0 ≤ u ≤ 1 (tfjs's clip gradient is inclusive), else 0. */
export const dGate = (d: number, u: number) => (u >= 0 && u <= 1 ? f(d * FIFTH) : 0);

type KernelFn = (args: CellKernelArgs) => TensorInfo[];
type GradConfig = Parameters<typeof tf.registerGradient>[0];

/**
 * Registers a forward kernel, its gradient kernel (both WASM only) and the
 * forward kernel's gradient, on the first call of the returned function.
 */
export function kernelPair(spec: { name: string; forward: KernelFn; gradName: string; backward: KernelFn; gradient: Omit<GradConfig, 'kernelName'> }): () => void {
  let registered = false;
  return () => {
    if (registered) return;
    registered = true;
    tf.registerKernel({ kernelName: spec.name, backendName: 'wasm', kernelFunc: spec.forward as never });
    tf.registerKernel({ kernelName: spec.gradName, backendName: 'wasm', kernelFunc: spec.backward as never });
    tf.registerGradient({ ...spec.gradient, kernelName: spec.name });
  };
}
