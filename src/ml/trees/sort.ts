// Sorting a column of doubles for the bin thresholds: an LSD radix sort on
// the IEEE 754 bits (four 16-bit digits, each pass skipped where every value
// shares the digit) gives the order TypedArray.prototype.sort gives (−0
// before +0, ±Infinity at the ends) in a few linear passes instead of a
// comparison sort: at 200k values it was most of fitting the bins.
// NaN must already be removed.

/** Below this many values the built-in sort is as fast. */
const RADIX_MIN = 4096;

/** The key split below assumes a double's low word first (little-endian, every browser). */
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/** Sort `values` ascending in place (no NaN); returns it. */
export function sortFloat64(values: Float64Array): Float64Array {
  const n = values.length;
  if (n < RADIX_MIN || !LITTLE_ENDIAN) return values.sort();
  // Little-endian words: [low, high] per double. Flip to unsigned order:
  // negatives get every bit inverted, positives the sign bit set.
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  let lo = new Uint32Array(n);
  let hi = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + 1];
    const mask = h >>> 31 ? 0xffffffff : 0;
    lo[i] = (words[2 * i] ^ mask) >>> 0;
    hi[i] = (h ^ (mask | 0x80000000)) >>> 0;
  }
  let lo2 = new Uint32Array(n);
  let hi2 = new Uint32Array(n);
  const count = new Int32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const src = pass < 2 ? lo : hi;
    const shift = pass % 2 === 0 ? 0 : 16;
    count.fill(0);
    for (let i = 0; i < n; i++) count[(src[i] >>> shift) & 0xffff]++;
    if (count[(src[0] >>> shift) & 0xffff] === n) continue; // one digit everywhere: already in order for it
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = count[d];
      count[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const at = count[(src[i] >>> shift) & 0xffff]++;
      lo2[at] = lo[i];
      hi2[at] = hi[i];
    }
    [lo, lo2] = [lo2, lo];
    [hi, hi2] = [hi2, hi];
  }
  for (let i = 0; i < n; i++) {
    const h = hi[i];
    const mask = h >>> 31 ? 0x80000000 : 0xffffffff;
    words[2 * i] = (lo[i] ^ (h >>> 31 ? 0 : 0xffffffff)) >>> 0;
    words[2 * i + 1] = (h ^ mask) >>> 0;
  }
  return values;
}
