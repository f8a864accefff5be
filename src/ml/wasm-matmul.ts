// tfjs-backend-wasm multiplies untransposed operands with XNNPACK but falls
// back to a plain loop when either is marked transposed, and every matMul
// gradient is one of those (dA = dY·Bᵀ, dB = Aᵀ·dY): measured 5–15× slower
// than transposing the operand first (WASM's Transpose kernel) and then
// multiplying untransposed. This wraps the WASM BatchMatMul kernel to do
// exactly that, so backward passes run at forward-pass speed. The product
// is the same up to float rounding (another summation order). The
// transpose is a JavaScript copy on the heap (wasm-copy-kernels.ts).
import { tf } from './tf.ts';
import { transposeLastTwo } from './wasm-copy-kernels.ts';
import type { KernelFunc, TensorInfo, WasmHeapBackend } from './wasm-heap.ts';

let patched = false;

/** Re-register WASM's BatchMatMul with explicit transposes; idempotent. Call after the WASM backend's import. */
export function patchWasmMatMul(): void {
  if (patched) return;
  const matMul = tf.getKernel('BatchMatMul', 'wasm');
  if (!matMul) return;
  patched = true;
  const original = matMul.kernelFunc;
  const kernelFunc: KernelFunc = (args) => {
    const { transposeA, transposeB } = args.attrs as { transposeA: boolean; transposeB: boolean };
    if (!transposeA && !transposeB) return original(args);
    const backend = args.backend as unknown as WasmHeapBackend;
    const made: TensorInfo[] = [];
    const { a: inA, b: inB } = args.inputs as { a: TensorInfo; b: TensorInfo };
    const a = transposeA ? transposeLastTwo(backend, inA) : inA;
    const b = transposeB ? transposeLastTwo(backend, inB) : inB;
    if (transposeA) made.push(a);
    if (transposeB) made.push(b);
    try {
      return original({ ...args, inputs: { a, b }, attrs: { ...args.attrs, transposeA: false, transposeB: false } });
    } finally {
      for (const t of made) backend.disposeData(t.dataId);
    }
  };
  tf.unregisterKernel('BatchMatMul', 'wasm');
  tf.registerKernel({ ...matMul, kernelFunc });
}
