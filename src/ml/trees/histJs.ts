// The histogram pass in JavaScript: what grow.ts runs where its WebAssembly
// pass (histKernel.ts) is not available, or for histograms beyond that
// pass's memory. Both add the same float64 values in the same order, so a
// tree is the same whichever ran.
//
// Histograms are one Float64Array: feature f's bins b = 0..nBins[f] (the
// last is the missing bin) at f * FEATURE_STRIDE + 3b as (G, H, count). A
// fixed stride (every feature has room for 255 value bins and the missing
// bin) lets the pass compute a slot without a table lookup; only the slots
// a feature uses are cleared, subtracted and scanned.
export const FEATURE_STRIDE = 3 * 256;

/** Row records: per row `words` 32-bit words, its bins (a byte per feature) then float32 gradient and hessian at `gradWord`. */
export interface RowRecords {
  bins: Uint8Array;
  values: Float32Array;
  words: number;
  gradWord: number;
  cols: number;
}

/** Rows start..end into every feature's bins; with counts, or (G, H) only (the root pass, whose counts are known). */
export function histAllJs(hist: Float64Array, rec: RowRecords, start: number, end: number, counts: boolean): void {
  const { bins, values, words, gradWord, cols } = rec;
  const stride = 4 * words;
  // Two features per step (independent slots, so their updates overlap).
  const pairs = cols & ~1;
  for (let i = start; i < end; i++) {
    const w = i * words + gradWord;
    const gi = values[w];
    const hi = values[w + 1];
    const o = i * stride;
    let f = 0;
    for (; f < pairs; f += 2) {
      const a = f * FEATURE_STRIDE + bins[o + f] * 3;
      const b = (f + 1) * FEATURE_STRIDE + bins[o + f + 1] * 3;
      hist[a] += gi;
      hist[a + 1] += hi;
      hist[b] += gi;
      hist[b + 1] += hi;
      if (counts) {
        hist[a + 2] += 1;
        hist[b + 2] += 1;
      }
    }
    if (f < cols) {
      const a = f * FEATURE_STRIDE + bins[o + f] * 3;
      hist[a] += gi;
      hist[a + 1] += hi;
      if (counts) hist[a + 2] += 1;
    }
  }
}

/** Rows start..end into the listed features' bins, with counts. */
export function histSomeJs(hist: Float64Array, rec: RowRecords, start: number, end: number, features: Int32Array): void {
  const { bins, values, words, gradWord } = rec;
  const stride = 4 * words;
  const nf = features.length;
  for (let i = start; i < end; i++) {
    const w = i * words + gradWord;
    const gi = values[w];
    const hi = values[w + 1];
    const o = i * stride;
    for (let fi = 0; fi < nf; fi++) {
      const f = features[fi];
      const idx = f * FEATURE_STRIDE + bins[o + f] * 3;
      hist[idx] += gi;
      hist[idx + 1] += hi;
      hist[idx + 2] += 1;
    }
  }
}
