// Equal with broadcasting for tfjs-backend-wasm, as a JavaScript loop on
// the WASM heap (wasm-heap.ts). The gradient of a max (max pooling over
// time in the text classifier's character CNN) compares every input with
// its broadcast maximum; the backend's broadcasting Equal took 1.3 s of
// review-sentiment's 4.7 s run-all. Same-shape comparisons keep the
// backend's kernel; a comparison of numbers gives the same booleans
// wherever it runs.
import { heapF32, heapI32, replaceWasmKernel, type TensorInfo, type WasmHeapBackend } from './wasm-heap.ts';

/** a == b elementwise with NumPy broadcasting (shapes right-aligned, size-1 axes repeated), as a bool tensor. */
export function equalBroadcast(backend: WasmHeapBackend, a: TensorInfo, b: TensorInfo, outShape: number[]): TensorInfo {
  const rank = outShape.length;
  const pad = (shape: number[]) => [...Array<number>(rank - shape.length).fill(1), ...shape];
  const sa = pad(a.shape);
  const sb = pad(b.shape);
  // Element strides, 0 along a broadcast axis.
  const strides = (shape: number[]) => {
    const out = new Array<number>(rank).fill(0);
    for (let d = rank - 1, s = 1; d >= 0; d--) {
      out[d] = shape[d] === 1 ? 0 : s;
      s *= shape[d];
    }
    return out;
  };
  const ta = strides(sa);
  const tb = strides(sb);
  const out = backend.makeOutput(outShape, 'bool');
  const dst = backend.typedArrayFromHeap(out) as Uint8Array;
  if (dst.length === 0) return out;
  const view = (t: TensorInfo) => (t.dtype === 'int32' ? heapI32(backend, t) : heapF32(backend, t));
  const A = view(a);
  const B = view(b);
  const inner = outShape[rank - 1];
  const ia = ta[rank - 1];
  const ib = tb[rank - 1];
  const counter = new Array<number>(rank).fill(0);
  let pa = 0;
  let pb = 0;
  for (let at = 0; at < dst.length; at += inner) {
    for (let k = 0; k < inner; k++) dst[at + k] = A[pa + k * ia] === B[pb + k * ib] ? 1 : 0;
    // Advance the outer axes (an odometer), moving each input by its stride.
    let d = rank - 2;
    while (d >= 0) {
      pa += ta[d];
      pb += tb[d];
      if (++counter[d] < outShape[d]) break;
      pa -= ta[d] * outShape[d];
      pb -= tb[d] * outShape[d];
      counter[d] = 0;
      d--;
    }
  }
  return out;
}

/** The broadcast output shape, or undefined where the shapes do not broadcast. */
function broadcastShape(a: number[], b: number[]): number[] | undefined {
  const rank = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let d = 0; d < rank; d++) {
    const x = a[a.length - rank + d] ?? 1;
    const y = b[b.length - rank + d] ?? 1;
    if (x !== y && x !== 1 && y !== 1) return undefined;
    out.push(x === 1 ? y : x);
  }
  return out;
}

let patched = false;

/** Re-register WASM's Equal with the loop above for inputs of different shapes; idempotent. Call after the WASM backend's import. */
export function patchWasmBroadcastKernels(): void {
  if (patched) return;
  patched = true;
  replaceWasmKernel('Equal', (original) => (args) => {
    const { a, b } = args.inputs as { a: TensorInfo; b: TensorInfo };
    const same = a.shape.length === b.shape.length && a.shape.every((d, i) => d === b.shape[i]);
    const typed = a.dtype === b.dtype && (a.dtype === 'float32' || a.dtype === 'int32');
    const shape = broadcastShape(a.shape, b.shape);
    if (same || !typed || shape === undefined || shape.length === 0) return original(args);
    return equalBroadcast(args.backend as unknown as WasmHeapBackend, a, b, shape);
  });
}
