// Reading and writing tfjs-backend-wasm tensors where they live: in the
// WASM module's heap. A few kernels are plain copies (a batch gather, a
// transpose) or one element-wise pass (Adam's update), and the backend's
// own C++ versions of them cost more than the loop they run: a generic
// Gather took 0.33 ms for 256 rows × 50 columns (a JavaScript copy: 0.01 ms)
// and every tfjs op pays its dispatch. These helpers give a typed-array
// view of a tensor's bytes so such loops run in JavaScript, on the same
// memory, with the same float32 results.
import { tf } from './tf.ts';

type KernelConfig = NonNullable<ReturnType<typeof tf.getKernel>>;
export type KernelFunc = KernelConfig['kernelFunc'];
export type TensorInfo = NonNullable<Parameters<KernelFunc>[0]['inputs'][string]>;
type DataId = TensorInfo['dataId'];

/** The parts of tfjs-backend-wasm's BackendWasm these kernels use (it exports no type for them). */
export interface WasmHeapBackend {
  makeOutput(shape: number[], dtype: tf.DataType): TensorInfo;
  typedArrayFromHeap(info: TensorInfo): Float32Array | Int32Array | Uint8Array;
  dataIdMap: { get(id: DataId): { memoryOffset: number; refCount: number; shape: number[]; dtype: tf.DataType } | undefined };
  disposeData(id: DataId): void;
}

/** The WASM backend, when it is the active one; undefined on every other backend. */
export function activeWasmBackend(): WasmHeapBackend | undefined {
  if (tf.getBackend() !== 'wasm') return undefined;
  const backend = tf.backend() as unknown as Partial<WasmHeapBackend>;
  return typeof backend.typedArrayFromHeap === 'function' && backend.dataIdMap ? (backend as WasmHeapBackend) : undefined;
}

/**
 * The backend's WebAssembly.Memory, for modules of ours that work on its
 * tensors (heap-adam-kernel.ts): Emscripten keeps it as the module's
 * exported `memory` (or, threaded, as the `wasmMemory` it imported).
 */
export function wasmMemoryOf(backend: WasmHeapBackend): { buffer: ArrayBufferLike } | undefined {
  const module = (backend as unknown as { wasm?: { asm?: { memory?: unknown }; wasmMemory?: unknown } }).wasm;
  const memory = module?.asm?.memory ?? module?.wasmMemory;
  const api = (globalThis as unknown as { WebAssembly?: { Memory: new (d: { initial: number }) => object } }).WebAssembly;
  return api && memory instanceof api.Memory ? (memory as { buffer: ArrayBufferLike }) : undefined;
}

/** Byte offset of a tensor's data in the heap. */
export function heapOffset(backend: WasmHeapBackend, info: { dataId: TensorInfo['dataId'] }): number {
  const data = backend.dataIdMap.get(info.dataId);
  if (!data) throw new Error('No WASM data for this tensor.');
  return data.memoryOffset;
}

/** A float32 view of a tensor's heap bytes (valid until the heap grows: take it after allocating). */
export function heapF32(backend: WasmHeapBackend, info: TensorInfo): Float32Array {
  return backend.typedArrayFromHeap(info) as Float32Array;
}

/** Each replaced kernel's original and replacement (tests compare the two). */
const replaced = new Map<string, { original: KernelConfig; replacement: KernelConfig }>();

/** Re-register a WASM kernel as make(original): the replacement decides per call whether to hand over to the original. */
export function replaceWasmKernel(name: string, make: (original: KernelFunc) => KernelFunc): void {
  const config = tf.getKernel(name, 'wasm');
  if (!config) return;
  const replacement = { ...config, kernelFunc: make(config.kernelFunc) };
  replaced.set(name, { original: config, replacement });
  tf.unregisterKernel(name, 'wasm');
  tf.registerKernel(replacement);
}

/** Run fn with the backend's own kernels in place of the named replacements (for tests and benchmarks). */
export function withOriginalWasmKernels<T>(names: readonly string[], fn: () => T): T {
  const swap = (which: 'original' | 'replacement') => {
    for (const name of names) {
      const entry = replaced.get(name);
      if (!entry) throw new Error(`No replaced WASM kernel ${name}.`);
      tf.unregisterKernel(name, 'wasm');
      tf.registerKernel(entry[which]);
    }
  };
  swap('original');
  try {
    return fn();
  } finally {
    swap('replacement');
  }
}

/** The same bytes as int32 (a float32 tensor's bit patterns, for exact copies). */
export function heapI32(backend: WasmHeapBackend, info: TensorInfo): Int32Array {
  const view = backend.typedArrayFromHeap(info);
  return new Int32Array(view.buffer, view.byteOffset, view.length);
}

/** Transpose a rows × cols float32 matrix (row-major) into out (cols × rows), in cache-sized tiles. */
export function transposeInto(src: Float32Array, out: Float32Array, rows: number, cols: number, srcOffset = 0, outOffset = 0): void {
  const T = 16;
  for (let i0 = 0; i0 < rows; i0 += T) {
    const i1 = Math.min(rows, i0 + T);
    for (let j0 = 0; j0 < cols; j0 += T) {
      const j1 = Math.min(cols, j0 + T);
      for (let i = i0; i < i1; i++) {
        const from = srcOffset + i * cols;
        for (let j = j0; j < j1; j++) out[outOffset + j * rows + i] = src[from + j];
      }
    }
  }
}
