// GatherV2, Transpose and Sum for tfjs-backend-wasm as JavaScript loops on
// the WASM heap (wasm-heap.ts says why). Only the shapes training uses take
// the new path: a gather of whole rows along axis 0 (every batch of every
// network: 0.33 → 0.01 ms for 256 × 50), a swap of the last two axes
// (every matMul gradient, through wasm-matmul.ts: ~1.5× faster than the
// C++ kernel) and a sum over the leading axes (every bias gradient: the
// C++ Sum first transposes so that it can sum along rows). Anything else
// goes to the backend's own kernel. Copies move bits exactly and the sums
// add in the same order in float32, so results are bit for bit the same.
import { heapF32, heapI32, replaceWasmKernel, transposeInto, type TensorInfo, type WasmHeapBackend } from './wasm-heap.ts';

const copyable = (dtype: string) => dtype === 'float32' || dtype === 'int32';

/** Rows of x (axis 0) at `indices`: whole rows copied with one `set` each. */
export function gatherRows(backend: WasmHeapBackend, x: TensorInfo, indices: TensorInfo): TensorInfo {
  const rows = x.shape[0];
  const rowSize = x.shape.slice(1).reduce((a, b) => a * b, 1);
  const out = backend.makeOutput([...indices.shape, ...x.shape.slice(1)], x.dtype);
  // Views after makeOutput: an allocation may grow (and so replace) the heap's buffer.
  // Bits are copied through int32 views whatever the dtype: one code path
  // (V8 slows down on loops that see two array types) and no float
  // conversion that could touch a NaN's payload.
  const idx = backend.typedArrayFromHeap(indices) as Int32Array;
  const src = heapI32(backend, x);
  const dst = heapI32(backend, out);
  for (let i = 0; i < idx.length; i++) {
    const r = idx[i];
    if (!(r >= 0 && r < rows)) {
      backend.disposeData(out.dataId);
      throw new Error(`GatherV2: the index value ${r} is not in [0, ${rows - 1}]`);
    }
    if (rowSize === 1) dst[i] = src[r];
    else dst.set(src.subarray(r * rowSize, (r + 1) * rowSize), i * rowSize);
  }
  return out;
}

/** Swap the last two axes of a float32 x (any leading batch axes). */
export function transposeLastTwo(backend: WasmHeapBackend, x: TensorInfo): TensorInfo {
  const rank = x.shape.length;
  const rows = x.shape[rank - 2];
  const cols = x.shape[rank - 1];
  const batch = x.shape.slice(0, rank - 2).reduce((a, b) => a * b, 1);
  const out = backend.makeOutput([...x.shape.slice(0, rank - 2), cols, rows], x.dtype);
  const src = heapF32(backend, x);
  const dst = heapF32(backend, out);
  for (let b = 0; b < batch; b++) transposeInto(src, dst, rows, cols, b * rows * cols, b * rows * cols);
  return out;
}

/** Sum over the first `lead` axes of a float32 x: out[j] = Σ_i x[i, j], added in row order in float32 like the C++ kernel. */
export function sumLeadingAxes(backend: WasmHeapBackend, x: TensorInfo, lead: number, outShape: number[]): TensorInfo {
  const rows = x.shape.slice(0, lead).reduce((a, b) => a * b, 1);
  const cols = x.shape.slice(lead).reduce((a, b) => a * b, 1);
  const out = backend.makeOutput(outShape, 'float32');
  const src = heapF32(backend, x);
  const acc = heapF32(backend, out);
  acc.fill(0);
  // Each += stores into a Float32Array, so every partial sum is rounded to float32 as in C's `float sum += x`.
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    for (let j = 0; j < cols; j++) acc[j] += src[base + j];
  }
  return out;
}

/** Whether perm swaps the last two axes and keeps the others (ignoring axes of size 1). */
function swapsLastTwo(shape: readonly number[], perm: readonly number[]): boolean {
  const kept = perm.filter((p) => shape[p] !== 1);
  const axes = shape.map((_, i) => i).filter((i) => shape[i] !== 1);
  const n = kept.length;
  if (n < 2) return false;
  for (let i = 0; i < n - 2; i++) if (kept[i] !== axes[i]) return false;
  return kept[n - 2] === axes[n - 1] && kept[n - 1] === axes[n - 2];
}

let patched = false;

/** Re-register WASM's GatherV2, Transpose and Sum with the heap copies above; idempotent. Call after the WASM backend's import. */
export function patchWasmCopyKernels(): void {
  if (patched) return;
  patched = true;
  replaceWasmKernel('GatherV2', (original) => (args) => {
    const { x, indices } = args.inputs as { x: TensorInfo; indices: TensorInfo };
    const { axis, batchDims } = args.attrs as { axis: number; batchDims: number };
    const rank = x.shape.length;
    const a = axis < 0 ? axis + rank : axis;
    if (a !== 0 || batchDims !== 0 || !copyable(x.dtype) || indices.dtype !== 'int32' || rank === 0) return original(args);
    return gatherRows(args.backend as unknown as WasmHeapBackend, x, indices);
  });
  replaceWasmKernel('Transpose', (original) => (args) => {
    const { x } = args.inputs as { x: TensorInfo };
    const { perm } = args.attrs as { perm: number[] };
    if (x.dtype !== 'float32' || !swapsLastTwo(x.shape, perm)) return original(args);
    const backend = args.backend as unknown as WasmHeapBackend;
    // Size-1 axes do not move data: transpose the squeezed matrix, then give it the permuted shape.
    const squeezed = x.shape.filter((d) => d !== 1);
    const result = transposeLastTwo(backend, { ...x, shape: squeezed });
    return { ...result, shape: perm.map((p) => x.shape[p]) };
  });
  replaceWasmKernel('Sum', (original) => (args) => {
    const { x } = args.inputs as { x: TensorInfo };
    const { axis, keepDims } = args.attrs as { axis: number | number[]; keepDims: boolean };
    const rank = x.shape.length;
    const axes = (Array.isArray(axis) ? axis : [axis]).map((a) => (a < 0 ? a + rank : a));
    const lead = axes.length;
    // Only "sum away the first k axes", listed in order (k < rank): the C++ kernel adds in the order the
    // axes are listed, and the full sum and inner sums need no transpose in C++ either.
    if (x.dtype !== 'float32' || lead === 0 || lead >= rank || axes.some((a, i) => a !== i)) return original(args);
    const outShape = keepDims ? [...axes.map(() => 1), ...x.shape.slice(lead)] : x.shape.slice(lead);
    return sumLeadingAxes(args.backend as unknown as WasmHeapBackend, x, lead, outShape);
  });
}
