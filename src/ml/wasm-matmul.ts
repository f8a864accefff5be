// tfjs-backend-wasm multiplies untransposed operands with XNNPACK but falls
// back to a plain loop when either is marked transposed, and every matMul
// gradient is one of those (dA = dY·Bᵀ, dB = Aᵀ·dY): measured 5–15× slower
// than transposing the operand first (WASM's Transpose kernel) and then
// multiplying untransposed. This wraps the WASM BatchMatMul kernel to do
// exactly that, so backward passes run at forward-pass speed. The product
// is the same up to float rounding (another summation order).
import { tf } from './tf.ts';

type KernelConfig = NonNullable<ReturnType<typeof tf.getKernel>>;
type KernelFunc = KernelConfig['kernelFunc'];
type TensorInfo = NonNullable<Parameters<KernelFunc>[0]['inputs'][string]>;

let patched = false;

/** Re-register WASM's BatchMatMul with explicit transposes; idempotent. Call after the WASM backend's import. */
export function patchWasmMatMul(): void {
  if (patched) return;
  const matMul = tf.getKernel('BatchMatMul', 'wasm');
  const transpose = tf.getKernel('Transpose', 'wasm');
  if (!matMul || !transpose) return;
  patched = true;
  const original = matMul.kernelFunc;
  const swapLast = (backend: unknown, x: TensorInfo): TensorInfo => {
    const rank = x.shape.length;
    const perm = [...Array.from({ length: rank - 2 }, (_, i) => i), rank - 1, rank - 2];
    return transpose.kernelFunc({ inputs: { x }, backend: backend as never, attrs: { perm } }) as TensorInfo;
  };
  const kernelFunc: KernelFunc = (args) => {
    const { transposeA, transposeB } = args.attrs as { transposeA: boolean; transposeB: boolean };
    if (!transposeA && !transposeB) return original(args);
    const backend = args.backend as { disposeData(id: object): void };
    const made: TensorInfo[] = [];
    const { a: inA, b: inB } = args.inputs as { a: TensorInfo; b: TensorInfo };
    const a = transposeA ? swapLast(backend, inA) : inA;
    const b = transposeB ? swapLast(backend, inB) : inB;
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
