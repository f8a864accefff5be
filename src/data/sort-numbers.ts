// Sorting a column of doubles: the profile's quartiles, histogram and distinct
// values (./profile.ts) and the boosted trees' bin thresholds
// (src/ml/trees/binning.ts). Float64Array.prototype.sort is a comparison sort:
// about 100 ms for a million random values, paid once per numeric column,
// which made it the largest single cost of profiling a wide table (and most
// of fitting the bins at 200k rows). A least-significant-digit radix sort on
// the doubles' bits does the same in a few linear passes.
//
// The order is exactly the native sort's: doubles ordered by value, -0 before
// +0, NaN last (the profile passes none; one given comes back as NaN, its
// payload bits not kept). The bit trick: flip the sign bit
// of a non-negative double and every bit of a negative one, and the results
// compare as unsigned 64-bit integers in the doubles' order.

/** Below this length the native sort is as fast and needs no scratch memory. */
const RADIX_MIN = 4096;
/** Bits per pass: 11 bits (2,048 buckets) keep the scatter's write targets in cache; 6 passes cover 64 bits. */
const DIGIT_BITS = 11;
const BUCKETS = 1 << DIGIT_BITS;
const DIGIT_MASK = BUCKETS - 1;
const PASSES = 6;

/** The double's two 32-bit halves in a Uint32Array view: which word is the high one on this machine. */
const HI = new Uint8Array(new Float64Array([-0]).buffer)[7] === 0x80 ? 1 : 0;
const LO = 1 - HI;

/** The `pass`-th 11-bit digit (from the least significant) of the 64-bit key hi:lo. */
function digit(hi: number, lo: number, pass: number): number {
  switch (pass) {
    case 0: return lo & DIGIT_MASK;
    case 1: return (lo >>> 11) & DIGIT_MASK;
    case 2: return ((lo >>> 22) | (hi << 10)) & DIGIT_MASK; // 10 bits of lo, 1 of hi
    case 3: return (hi >>> 1) & DIGIT_MASK;
    case 4: return (hi >>> 12) & DIGIT_MASK;
    default: return hi >>> 23; // the top 9 bits
  }
}

/** Whether values are already in the native sort's order (no NaN; -0 before +0). One pass that stops at the first pair out of order. */
function inOrder(values: Float64Array): boolean {
  for (let i = 1; i < values.length; i++) {
    const a = values[i - 1];
    const b = values[i];
    if (!(a <= b)) return false; // also a NaN
    if (a === 0 && b === 0 && Object.is(b, -0) && !Object.is(a, -0)) return false;
  }
  return true;
}

/**
 * Whole numbers in a range no wider than the column is long (identifiers,
 * counts, codes, years): a counting sort, two linear passes. Undefined when
 * the values are not such (a fraction, NaN, ±Infinity, -0 whose sign a
 * count would lose, or too wide a range).
 */
function countingSort(values: Float64Array): Float64Array | undefined {
  const n = values.length;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (!Number.isInteger(x) || (x === 0 && Object.is(x, -0))) return undefined;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (max - min >= n) return undefined;
  const counts = new Int32Array(max - min + 1);
  for (let i = 0; i < n; i++) counts[values[i] - min]++;
  let at = 0;
  for (let k = 0; k < counts.length; k++) {
    const end = at + counts[k];
    if (end > at) values.fill(min + k, at, end);
    at = end;
  }
  return values;
}

/** Sorts `values` in place, ascending, in the native Float64Array sort's order, and returns it. */
export function sortFloat64(values: Float64Array): Float64Array {
  const n = values.length;
  if (n < RADIX_MIN) return values.sort();
  // Columns that are sorted already (row ids, dates in order) or whole numbers in a narrow range need no radix passes.
  if (inOrder(values)) return values;
  const counted = countingSort(values);
  if (counted) return counted;
  const words = new Uint32Array(values.buffer, values.byteOffset, 2 * n);
  // To order-preserving unsigned keys, with every pass's digit counts in the same read.
  const counts = new Int32Array(PASSES * BUCKETS);
  for (let i = 0; i < n; i++) {
    let hi = words[2 * i + HI];
    let lo = words[2 * i + LO];
    if ((hi & 0x7ff00000) === 0x7ff00000 && ((hi & 0xfffff) | lo) !== 0) {
      hi = 0xffffffff; // NaN: the largest key, after +Infinity
      lo = 0xffffffff;
    } else if (hi & 0x80000000) {
      hi = ~hi >>> 0;
      lo = ~lo >>> 0;
    } else hi = (hi | 0x80000000) >>> 0;
    words[2 * i + HI] = hi;
    words[2 * i + LO] = lo;
    for (let p = 0; p < PASSES; p++) counts[p * BUCKETS + digit(hi, lo, p)]++;
  }
  let src: Uint32Array = words;
  let dst: Uint32Array = new Uint32Array(2 * n);
  const offsets = new Int32Array(BUCKETS);
  for (let p = 0; p < PASSES; p++) {
    const base = p * BUCKETS;
    // A digit that every key shares (whole numbers' low bits, a narrow range's high bits) orders nothing.
    let skip = false;
    let sum = 0;
    for (let b = 0; b < BUCKETS; b++) {
      const c = counts[base + b];
      if (c === n) skip = true;
      offsets[b] = sum;
      sum += c;
    }
    if (skip) continue;
    for (let i = 0; i < n; i++) {
      const hi = src[2 * i + HI];
      const lo = src[2 * i + LO];
      const at = offsets[digit(hi, lo, p)]++;
      dst[2 * at + HI] = hi;
      dst[2 * at + LO] = lo;
    }
    const t = src;
    src = dst;
    dst = t;
  }
  if (src !== words) words.set(src);
  // Back from keys to doubles.
  for (let i = 0; i < n; i++) {
    const hi = words[2 * i + HI];
    if (hi & 0x80000000) words[2 * i + HI] = (hi ^ 0x80000000) >>> 0;
    else {
      words[2 * i + HI] = ~hi >>> 0;
      words[2 * i + LO] = ~words[2 * i + LO] >>> 0;
    }
  }
  return values;
}
