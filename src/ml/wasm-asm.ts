// A few helpers for writing WebAssembly modules as bytes in TypeScript (no
// toolchain in the build): LEB128 numbers, names, sections, vectors, local
// access, constants, memory arguments and the SIMD prefix. The trees'
// histogram kernel (trees/histKernel.ts) and the optimizer's update
// (heap-adam-kernel.ts) are written with them.

/** The WebAssembly API surface the kernels need (typed locally: the engine is checked without the DOM library). */
export interface WasmApi {
  Memory: new (descriptor: { initial: number; maximum?: number }) => { readonly buffer: ArrayBuffer };
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: Record<string, unknown> };
  validate(bytes: Uint8Array): boolean;
}

/** The host's WebAssembly, if it has one. */
export function wasmApi(): WasmApi | undefined {
  return (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
}

export const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};

export const sleb = (n: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(b & 0x40)) || (n === -1 && b & 0x40)) return [...out, b];
    out.push(b | 0x80);
  }
};

export const name = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
export const section = (id: number, bytes: number[]): number[] => [id, ...uleb(bytes.length), ...bytes];
export const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];

/** Value types. */
export const I32 = 0x7f;
export const F32 = 0x7d;
export const F64 = 0x7c;
export const V128 = 0x7b;

export const get = (i: number) => [0x20, ...uleb(i)];
export const set = (i: number) => [0x21, ...uleb(i)];
export const tee = (i: number) => [0x22, ...uleb(i)];
export const i32 = (n: number) => [0x41, ...sleb(n)];
export const simdOp = (code: number) => [0xfd, ...uleb(code)];
/** A load or store with its alignment (log2 bytes) and offset. */
export const mem = (code: number[] | number, align: number, offset: number) => [...(Array.isArray(code) ? code : [code]), align, ...uleb(offset)];
/** The module header: magic and version 1. */
export const HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
