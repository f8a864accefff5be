// Adam's element-wise update as a small WebAssembly module that imports the
// tfjs WASM backend's own memory, so it reads gradients and weights and
// writes the new weights where the backend keeps them. Four weights per
// f32x4 operation; every operation is IEEE float32 (add, multiply, divide
// and square root are correctly rounded in SIMD as in scalar code), so each
// weight gets the same bits as heap-adam.ts's Math.fround loop and as
// tf.train.adam (tests/ml/flat-adam.test.ts). The loop in JavaScript cost
// ~20 ns per weight (two divisions and a square root in float64 per
// element): with the MLP bench's 7.5k weights, 13 % of an epoch.
import { F32, HEADER, I32, V128, get, i32, mem, name, section, set, simdOp, tee, uleb, vec, wasmApi } from './wasm-asm.ts';

/** adam(g, w, out, m, v, n, β₁, 1−β₁, β₂, 1−β₂, 1−β₁ᵗ, 1−β₂ᵗ, ε, −lr, keep): byte addresses, n weights; out = (w + step)·keep. */
export type AdamKernel = (g: number, w: number, out: number, m: number, v: number, n: number,
  b1: number, c1: number, b2: number, c2: number, om1: number, om2: number, eps: number, rate: number, keep: number) => void;

const op = {
  block: [0x02, 0x40], loop: [0x03, 0x40], end: 0x0b, br: 0x0c, brIf: 0x0d,
  i32Add: 0x6a, i32And: 0x71, i32Shl: 0x74, i32GeS: 0x4e,
  f32Load: 0x2a, f32Store: 0x38, f32Add: 0x92, f32Mul: 0x94, f32Div: 0x95, f32Sqrt: 0x91,
};
const simd = {
  load: simdOp(0x00), store: simdOp(0x0b), splat: simdOp(0x13),
  add: simdOp(0xe4), mul: simdOp(0xe6), div: simdOp(0xe7), sqrt: simdOp(0xe3),
};

// Parameters 0–14 (see AdamKernel); then locals.
const [G, W, OUT, M, V, N] = [0, 1, 2, 3, 4, 5];
const SCALARS = [6, 7, 8, 9, 10, 11, 12, 13, 14]; // b1 c1 b2 c2 om1 om2 eps rate keep
const [P, NV, NB] = [15, 16, 17];
const SPLATS = [18, 19, 20, 21, 22, 23, 24, 25, 26];
const [GK, MK, VK] = [27, 28, 29]; // v128
const [gk, mk, vk] = [30, 31, 32]; // f32

/** One pass over [P, end) in steps of `width` bytes: the SIMD body (16 bytes) or the scalar one (4). */
function pass(end: number, wide: boolean): number[] {
  const [B1, C1, B2, C2, OM1, OM2, EPS, RATE, KEEP] = wide ? SPLATS : SCALARS;
  const at = (base: number) => [...get(base), ...get(P), op.i32Add];
  const load = wide ? mem(simd.load, 0, 0) : mem(op.f32Load, 2, 0);
  const store = wide ? mem(simd.store, 0, 0) : mem(op.f32Store, 2, 0);
  const [add, mul, div, sqrt] = wide ? [simd.add, simd.mul, simd.div, simd.sqrt] : [[op.f32Add], [op.f32Mul], [op.f32Div], [op.f32Sqrt]];
  const [g, m, v] = wide ? [GK, MK, VK] : [gk, mk, vk];
  return [
    ...op.block, ...op.loop,
    ...get(P), ...get(end), op.i32GeS, op.brIf, 1,
    ...at(G), ...load, ...set(g),
    // m' = m·β₁ + g·(1−β₁)
    ...at(M), ...at(M), ...load, ...get(B1), ...mul, ...get(g), ...get(C1), ...mul, ...add, ...tee(m), ...store,
    // v' = v·β₂ + (g·g)·(1−β₂)
    ...at(V), ...at(V), ...load, ...get(B2), ...mul, ...get(g), ...get(g), ...mul, ...get(C2), ...mul, ...add, ...tee(v), ...store,
    // out = ((m'/(1−β₁ᵗ)) / (√(v'/(1−β₂ᵗ)) + ε) · −lr + w) · keep
    ...at(OUT),
    ...get(m), ...get(OM1), ...div,
    ...get(v), ...get(OM2), ...div, ...sqrt, ...get(EPS), ...add,
    ...div, ...get(RATE), ...mul,
    ...at(W), ...load, ...add,
    ...get(KEEP), ...mul,
    ...store,
    ...get(P), ...i32(wide ? 16 : 4), op.i32Add, ...set(P),
    op.br, 0,
    op.end, op.end,
  ];
}

function adamFunction(): number[] {
  const body = [
    ...SCALARS.flatMap((s, k) => [...get(s), ...simd.splat, ...set(SPLATS[k])]),
    ...get(N), ...i32(2), op.i32Shl, ...set(NB),
    ...get(N), ...i32(-4), op.i32And, ...i32(2), op.i32Shl, ...set(NV),
    ...pass(NV, true),
    ...pass(NB, false),
    op.end,
  ];
  const fn = [...vec([[...uleb(3), I32], [...uleb(12), V128], [...uleb(3), F32]]), ...body];
  return [...uleb(fn.length), ...fn];
}

/** The module; its memory import is declared shared (with the 4 GiB maximum) when the backend's is (threaded WASM). */
export function adamModuleBytes(shared: boolean): Uint8Array<ArrayBuffer> {
  const limits = shared ? [0x03, ...uleb(0), ...uleb(65536)] : [0x00, ...uleb(0)];
  const type = [0x60, ...vec([...Array.from({ length: 6 }, () => [I32]), ...Array.from({ length: 9 }, () => [F32])]), 0];
  return new Uint8Array([
    ...HEADER,
    ...section(1, vec([type])),
    ...section(2, vec([[...name('env'), ...name('memory'), 0x02, ...limits]])),
    ...section(3, vec([[0]])),
    ...section(7, vec([[...name('adam'), 0x00, 0]])),
    ...section(10, vec([adamFunction()])),
  ]);
}

const kernels = new WeakMap<object, AdamKernel | null>();
let enabled = true;

/** Turn the module off or on (tests check the JavaScript loop too; the default is on). Applies to optimizers made afterwards. */
export function setAdamKernelEnabled(on: boolean): void {
  enabled = on;
}

/**
 * The update bound to this memory (the WASM backend's), or null where the
 * host has no WebAssembly SIMD or refuses the module: heap-adam.ts then
 * keeps its JavaScript loop.
 */
export function adamKernelFor(memory: { buffer: ArrayBufferLike }): AdamKernel | null {
  if (!enabled) return null;
  const known = kernels.get(memory);
  if (known !== undefined) return known;
  let kernel: AdamKernel | null = null;
  const api = wasmApi();
  try {
    const bytes = adamModuleBytes(typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer);
    if (api?.validate(bytes)) kernel = new api.Instance(new api.Module(bytes), { env: { memory } }).exports.adam as AdamKernel;
  } catch {
    kernel = null; // a host that refuses to compile (a CSP without wasm-unsafe-eval): the JavaScript loop
  }
  kernels.set(memory, kernel);
  return kernel;
}
