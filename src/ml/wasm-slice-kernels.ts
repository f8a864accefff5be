// Slice, SplitV and Unpack for tfjs-backend-wasm as copies on the WASM heap
// (wasm-heap.ts). The backend's own Slice first copies its whole input out
// of the heap (readSync) and then picks the slice from that copy, and
// SplitV and Unpack slice once per piece: unstacking a recurrent net's
// [batch, 20 steps, 128] projections copied the whole tensor 20 times per
// batch (~0.5 s of a 2-second LSTM epoch profile). Here each piece reads
// only its own elements, straight from the heap. int32 views copy every
// dtype's 4-byte values bit for bit; other dtypes (bool, string, complex)
// go to the backend's kernels.
import { tf } from './tf.ts';
import { heapI32, replaceWasmKernel, type TensorInfo, type WasmHeapBackend } from './wasm-heap.ts';

const fourBytes = (dtype: string) => dtype === 'float32' || dtype === 'int32';

/** Copy the box begin … begin+size of x (row-major) into a new tensor. */
export function sliceOnHeap(backend: WasmHeapBackend, x: TensorInfo, begin: readonly number[], size: readonly number[]): TensorInfo {
  const out = backend.makeOutput([...size], x.dtype);
  const src = heapI32(backend, x);
  const dst = heapI32(backend, out);
  const rank = x.shape.length;
  if (dst.length === 0) return out;
  if (rank === 0) {
    dst[0] = src[0];
    return out;
  }
  const strides = new Array<number>(rank);
  strides[rank - 1] = 1;
  for (let d = rank - 2; d >= 0; d--) strides[d] = strides[d + 1] * x.shape[d + 1];
  // Trailing axes taken whole merge into one contiguous run per outer index.
  let inner = rank - 1;
  let run = size[rank - 1];
  while (inner > 0 && size[inner] === x.shape[inner]) {
    inner--;
    run *= size[inner];
  }
  let offset = 0;
  for (let d = 0; d < rank; d++) offset += begin[d] * strides[d];
  // An odometer over the axes before `inner` (each step moves the source by that axis's stride).
  const counter = new Array<number>(inner).fill(0);
  let at = 0;
  for (;;) {
    if (run >= 64) dst.set(src.subarray(offset, offset + run), at);
    else for (let k = 0; k < run; k++) dst[at + k] = src[offset + k];
    at += run;
    let d = inner - 1;
    while (d >= 0 && ++counter[d] === size[d]) {
      offset -= (size[d] - 1) * strides[d];
      counter[d] = 0;
      d--;
    }
    if (d < 0) return out;
    offset += strides[d];
  }
}

let patched = false;

/** Re-register WASM's Slice, SplitV and Unpack with heap copies; idempotent. Call after the WASM backend's import. */
export function patchWasmSliceKernels(): void {
  if (patched) return;
  patched = true;
  replaceWasmKernel('Slice', (original) => (args) => {
    const { x } = args.inputs as { x: TensorInfo };
    if (!fourBytes(x.dtype)) return original(args);
    const { begin, size } = args.attrs as { begin: number | number[]; size: number | number[] };
    const [b, s] = tf.slice_util.parseSliceParams(x as tf.Tensor, begin, size);
    return sliceOnHeap(args.backend as unknown as WasmHeapBackend, x, b, s);
  });
  replaceWasmKernel('SplitV', (original) => (args) => {
    const { x } = args.inputs as { x: TensorInfo };
    if (!fourBytes(x.dtype)) return original(args);
    const { numOrSizeSplits, axis } = args.attrs as { numOrSizeSplits: number | number[]; axis: number };
    const a = tf.util.parseAxisParam(axis, x.shape)[0];
    const sizes = tf.backend_util.prepareSplitSize(x as tf.Tensor, numOrSizeSplits, a);
    const begin = new Array<number>(x.shape.length).fill(0);
    return sizes.map((piece) => {
      const size = [...x.shape];
      size[a] = piece;
      const out = sliceOnHeap(args.backend as unknown as WasmHeapBackend, x, begin, size);
      begin[a] += piece;
      return out;
    });
  });
  replaceWasmKernel('Unpack', (original) => (args) => {
    const { value } = args.inputs as { value: TensorInfo };
    if (!fourBytes(value.dtype)) return original(args);
    const rank = value.shape.length;
    const axis = ((args.attrs as { axis: number }).axis + rank) % rank;
    const outShape = value.shape.filter((_, d) => d !== axis);
    const begin = new Array<number>(rank).fill(0);
    const size = [...value.shape];
    size[axis] = 1;
    return Array.from({ length: value.shape[axis] }, (_, i) => {
      begin[axis] = i;
      return { ...sliceOnHeap(args.backend as unknown as WasmHeapBackend, value, begin, size), shape: outShape };
    });
  });
}
