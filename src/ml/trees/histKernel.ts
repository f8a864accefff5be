// The histogram pass of tree growing as a small WebAssembly module, written
// here as bytes (no toolchain: the module, histogram passes and partition, is
// ~950 bytes, assembled at first use). The pass is half of a boosted-tree
// fit (before this module) and is a scatter-add
// that JavaScript runs with a bounds check on every typed-array access; in
// WebAssembly the same loop has none, and with SIMD each bin's (G, H) pair
// is one 128-bit load, add and store. The sums are the same float64 sums in
// the same order as grow.ts's JavaScript loops, so the trees are identical
// (tests/ml/trees-hist-kernel.test.ts). Where WebAssembly (or its SIMD) is
// missing the module without SIMD is used, or none, and grow.ts keeps its
// JavaScript loops.

import { F64, HEADER, I32, V128, get, i32, mem, name, section, set, simdOp, uleb, vec, wasmApi, type WasmApi } from '../wasm-asm.ts';

type AllFn = (work: number, start: number, end: number, stride: number, gradOffset: number, hist: number, cols: number) => void;
type SomeFn = (work: number, start: number, end: number, stride: number, gradOffset: number, hist: number, features: number, nFeatures: number) => void;
type PartitionFn = (work: number, order: number, start: number, end: number, stride: number, feature: number, missingBin: number, bin: number, missingLeft: number) => number;

export interface HistKernel {
  /** The module's memory: row records, the feature list and histogram slots live here. */
  readonly buffer: ArrayBuffer;
  /** Every feature 0..cols-1, (G, H, count) per row. */
  readonly all: AllFn;
  /** Every feature, (G, H) only (the root pass, whose counts are known). */
  readonly allNoCounts: AllFn;
  /** The features listed (int32 indices at `features`), (G, H, count). */
  readonly some: SomeFn;
  /** grow.ts's in-place Hoare partition of records start..end (and of the uint32 row order beside them); returns the first right position. */
  readonly partition: PartitionFn;
  readonly simd: boolean;
}

const op = {
  block: [0x02, 0x40], loop: [0x03, 0x40], end: 0x0b, br: 0x0c, brIf: 0x0d,
  i32Load: 0x28, i64Load: 0x29, f32Load: 0x2a, f64Load: 0x2b, i32Load8u: 0x2d, i32Store: 0x36, i64Store: 0x37, f64Store: 0x39,
  i32Eq: 0x46, i32GtS: 0x4a, i32GeS: 0x4e, i32LeU: 0x4d, i32GeU: 0x4f, i32Eqz: 0x45,
  i32Add: 0x6a, i32Sub: 0x6b, i32Mul: 0x6c, i32And: 0x71, f64Add: 0xa0, f64PromoteF32: 0xbb, select: 0x1b, if: [0x04, 0x40], else: 0x05,
};
const F64_ONE = [0x44, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f];

/**
 * One histogram function. Parameters: work, start, end, stride, gradOffset,
 * hist, then cols (every feature) or features + nFeatures (a list).
 * Rows start..end are records of `stride` bytes at work: a byte per feature
 * (its bin), and at gradOffset the float32 gradient and hessian. Feature f's
 * bin b is the float64 triple at hist + f·featureBytes + 24b.
 */
function histFunction(featureBytes: number, opts: { counts: boolean; simd: boolean; list: boolean }): number[] {
  const [WORK, START, END, STRIDE, GRAD, HIST] = [0, 1, 2, 3, 4, 5];
  // `all`: 6 = cols; `some`: 6 = features, 7 = nFeatures.
  const firstLocal = opts.list ? 8 : 7;
  const [I, ROW, FP, FEND, A, G, H, GH] = Array.from({ length: 8 }, (_, k) => firstLocal + k);
  // FP walks the feature list (list) or the histogram (all); FEND ends it.
  const slot = opts.list
    ? [...get(HIST), ...get(FP), ...mem(op.i32Load, 2, 0), ...i32(featureBytes), op.i32Mul, op.i32Add,
       ...get(ROW), ...get(FP), ...mem(op.i32Load, 2, 0), op.i32Add, ...mem(op.i32Load8u, 0, 0), ...i32(24), op.i32Mul, op.i32Add, ...set(A)]
    : [...get(FP), ...get(ROW), ...get(FEND), op.i32Add, ...mem(op.i32Load8u, 0, 0), ...i32(24), op.i32Mul, op.i32Add, ...set(A)];
  const addF64 = (offset: number, value: number[]) => [...get(A), ...get(A), ...mem(op.f64Load, 3, offset), ...value, op.f64Add, ...mem(op.f64Store, 3, offset)];
  const gradHess = opts.simd
    ? [...get(A), ...get(A), ...mem(simdOp(0), 3, 0), ...get(GH), ...simdOp(0xf0), ...mem(simdOp(11), 3, 0)]
    : [...addF64(0, get(G)), ...addF64(8, get(H))];
  const count = opts.counts ? addF64(16, F64_ONE) : [];
  // all: FEND counts features up from 0 (the byte of the feature in the record), FP the feature's histogram.
  const rowStart = opts.list
    ? [...get(6), ...set(FP)]
    : [...get(HIST), ...set(FP), ...i32(0), ...set(FEND)];
  const rowDone = opts.list
    ? [...get(FP), ...get(6), ...get(7), ...i32(4), op.i32Mul, op.i32Add, op.i32GeU]
    : [...get(FEND), ...get(6), op.i32GeU];
  const step = opts.list
    ? [...get(FP), ...i32(4), op.i32Add, ...set(FP)]
    : [...get(FP), ...i32(featureBytes), op.i32Add, ...set(FP), ...get(FEND), ...i32(1), op.i32Add, ...set(FEND)];
  const body = [
    ...get(START), ...set(I),
    ...op.block, ...op.loop,
    ...get(I), ...get(END), op.i32GeU, op.brIf, 1,
    ...get(WORK), ...get(I), ...get(STRIDE), op.i32Mul, op.i32Add, ...set(ROW),
    ...get(ROW), ...get(GRAD), op.i32Add, ...mem(op.f32Load, 2, 0), op.f64PromoteF32, ...set(G),
    ...get(ROW), ...get(GRAD), op.i32Add, ...mem(op.f32Load, 2, 4), op.f64PromoteF32, ...set(H),
    ...(opts.simd ? [...get(G), ...simdOp(0x14), ...get(H), ...simdOp(0x22), 1, ...set(GH)] : []),
    ...rowStart,
    ...op.block, ...op.loop,
    ...rowDone, op.brIf, 1,
    ...slot, ...gradHess, ...count, ...step,
    op.br, 0,
    op.end, op.end,
    ...get(I), ...i32(1), op.i32Add, ...set(I),
    op.br, 0,
    op.end, op.end,
    op.end,
  ];
  const locals = vec([[...uleb(5), I32], [...uleb(2), F64], ...(opts.simd ? [[1, V128]] : [])]);
  const fn = [...locals, ...body];
  return [...uleb(fn.length), ...fn];
}

/**
 * The partition: rows go left when their bin (missing ? missingLeft : bin <= threshold),
 * swapping whole records (8 bytes at a time, then a last 4) and their order entries.
 * Parameters: work, order, start, end, stride, feature, missingBin, bin, missingLeft.
 */
function partitionFunction(): number[] {
  const [WORK, ORDER, START, END, STRIDE, FEATURE, MISSING, BIN, ML] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const [I, J, X, Y, K, EVEN, T] = [9, 10, 11, 12, 13, 14, 15];
  // goesLeft(bin at position p) with p's record at work + p·stride + feature.
  const goesLeft = (pos: number) => [
    ...get(ML),
    ...get(WORK), ...get(pos), ...get(STRIDE), op.i32Mul, op.i32Add, ...get(FEATURE), op.i32Add, ...mem(op.i32Load8u, 0, 0), ...set(T),
    ...get(T), ...get(BIN), op.i32LeU,
    ...get(T), ...get(MISSING), op.i32Eq,
    op.select,
  ];
  const swapAt = (load: number, store: number, align: number) => [
    // t = x[k]; x[k] = y[k]; y[k] = t (through the stack: load both, store crosswise)
    ...get(X), ...get(K), op.i32Add,
    ...get(Y), ...get(K), op.i32Add, ...mem(load, align, 0),
    ...get(Y), ...get(K), op.i32Add,
    ...get(X), ...get(K), op.i32Add, ...mem(load, align, 0),
    ...mem(store, align, 0),
    ...mem(store, align, 0),
  ];
  const body = [
    ...get(START), ...set(I),
    ...get(END), ...i32(1), op.i32Sub, ...set(J),
    ...get(STRIDE), ...i32(-8), op.i32And, ...set(EVEN),
    ...op.block, ...op.loop,
    // while (i <= j && goesLeft(i)) i++
    ...op.block, ...op.loop,
    ...get(I), ...get(J), op.i32GtS, op.brIf, 1,
    ...goesLeft(I), op.i32Eqz, op.brIf, 1,
    ...get(I), ...i32(1), op.i32Add, ...set(I),
    op.br, 0,
    op.end, op.end,
    // while (i < j && !goesLeft(j)) j--
    ...op.block, ...op.loop,
    ...get(I), ...get(J), op.i32GeS, op.brIf, 1,
    ...goesLeft(J), op.brIf, 1,
    ...get(J), ...i32(1), op.i32Sub, ...set(J),
    op.br, 0,
    op.end, op.end,
    ...get(I), ...get(J), op.i32GeS, op.brIf, 1,
    // swap records i and j
    ...get(WORK), ...get(I), ...get(STRIDE), op.i32Mul, op.i32Add, ...set(X),
    ...get(WORK), ...get(J), ...get(STRIDE), op.i32Mul, op.i32Add, ...set(Y),
    ...i32(0), ...set(K),
    ...op.block, ...op.loop,
    ...get(K), ...get(EVEN), op.i32GeU, op.brIf, 1,
    ...swapAt(op.i64Load, op.i64Store, 2),
    ...get(K), ...i32(8), op.i32Add, ...set(K),
    op.br, 0,
    op.end, op.end,
    ...get(K), ...get(STRIDE), op.i32GeU, ...op.if, op.else, // a last 4-byte word when the stride is not a multiple of 8
    ...swapAt(op.i32Load, op.i32Store, 2),
    op.end,
    // swap order[i] and order[j]
    ...get(ORDER), ...get(I), ...i32(4), op.i32Mul, op.i32Add, ...set(X),
    ...get(ORDER), ...get(J), ...i32(4), op.i32Mul, op.i32Add, ...set(Y),
    ...i32(0), ...set(K),
    ...swapAt(op.i32Load, op.i32Store, 2),
    ...get(I), ...i32(1), op.i32Add, ...set(I),
    ...get(J), ...i32(1), op.i32Sub, ...set(J),
    op.br, 0,
    op.end, op.end,
    ...get(I),
    op.end,
  ];
  const fn = [...vec([[...uleb(7), I32]]), ...body];
  return [...uleb(fn.length), ...fn];
}

/** The module: imports its memory, exports all, allNoCounts, some and partition. */
export function histModuleBytes(featureBytes: number, simd: boolean): Uint8Array<ArrayBuffer> {
  const type = (params: number) => [0x60, ...vec(Array.from({ length: params }, () => [I32])), 0];
  return new Uint8Array([
    ...HEADER,
    ...section(1, vec([type(7), type(8), [0x60, ...vec(Array.from({ length: 9 }, () => [I32])), 1, I32]])),
    ...section(2, vec([[...name('env'), ...name('memory'), 0x02, 0x00, ...uleb(1)]])),
    ...section(3, vec([[0], [0], [1], [2]])),
    ...section(7, vec([[...name('all'), 0x00, 0], [...name('allNoCounts'), 0x00, 1], [...name('some'), 0x00, 2], [...name('partition'), 0x00, 3]])),
    ...section(10, vec([
      histFunction(featureBytes, { counts: true, simd, list: false }),
      histFunction(featureBytes, { counts: false, simd, list: false }),
      histFunction(featureBytes, { counts: true, simd, list: true }),
      partitionFunction(),
    ])),
  ]);
}

const modules = new Map<string, { module: object; simd: boolean } | null>();

/** The compiled module for this histogram layout (SIMD where the host validates it), or null without WebAssembly. */
function compiled(api: WasmApi, featureBytes: number): { module: object; simd: boolean } | null {
  const key = String(featureBytes);
  if (!modules.has(key)) {
    let found: { module: object; simd: boolean } | null = null;
    for (const simd of [true, false]) {
      const bytes = histModuleBytes(featureBytes, simd);
      try {
        if (api.validate(bytes)) {
          found = { module: new api.Module(bytes), simd };
          break;
        }
      } catch {
        // A host that refuses to compile (a page whose CSP forbids WebAssembly): try the next, then none.
      }
    }
    modules.set(key, found);
  }
  return modules.get(key) ?? null;
}

let mode: 'auto' | 'always' | 'never' = 'auto';

/**
 * Force the WebAssembly pass on or off (tests compare both), or back to
 * 'auto', the default: the caller says whether its data suits the pass
 * (grow.ts: kernelSuits).
 */
export function setHistKernelEnabled(on: boolean | 'auto'): void {
  mode = on === 'auto' ? 'auto' : on ? 'always' : 'never';
}

/**
 * Whether the pass pays for this data. Measured (CPU, boost() with the pass
 * on and off, depth 3 and 31 leaves): on 255-bin features it takes 0.67–0.71
 * of the JavaScript loops' time at 30k rows, and 0.94–1.36 at 2.6k; where
 * most features have a few bins (one-hot columns: 55 of 65) it took
 * 1.9–2.5× the loops' time at every size from 2.6k to 100k rows, which made
 * bank-marketing's tuning 1.5× slower. So: 10k rows or more, and at least
 * three features in four with 16 bins or more.
 */
export function kernelSuits(rows: number, nBins: ArrayLike<number>): boolean {
  let wide = 0;
  for (let f = 0; f < nBins.length; f++) if (nBins[f] >= 16) wide++;
  return rows >= 10_000 && wide >= 0.75 * nBins.length;
}

/**
 * A kernel with `bytes` of memory of its own (zeroed), or null where there is
 * no WebAssembly, it is turned off, the data does not suit it (`suits`, in
 * 'auto' mode), or the memory cannot be had (the caller then keeps its
 * JavaScript loops).
 */
export function createHistKernel(featureBytes: number, bytes: number, suits = true): HistKernel | null {
  const api = wasmApi();
  if (mode === 'never' || (mode === 'auto' && !suits) || !api) return null;
  const found = compiled(api, featureBytes);
  if (!found) return null;
  const pages = Math.ceil(bytes / 65536);
  if (pages > 32768) return null; // keep to 2 GiB, the limit of every host
  try {
    const memory = new api.Memory({ initial: pages, maximum: pages });
    const { exports } = new api.Instance(found.module, { env: { memory } });
    return {
      buffer: memory.buffer,
      all: exports.all as AllFn,
      allNoCounts: exports.allNoCounts as AllFn,
      some: exports.some as SomeFn,
      partition: exports.partition as PartitionFn,
      simd: found.simd,
    };
  } catch {
    return null; // out of memory for this size: the JavaScript loops work on ordinary arrays
  }
}
