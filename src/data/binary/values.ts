// Columnar values from binary formats (Parquet, Arrow) made to follow the
// data conventions: missing is null (never NaN or undefined), dates are Date
// objects (UTC), numbers are JS numbers.
//
// 64-bit integers arrive as BigInt. A column whose every value fits in a
// double exactly (|v| ≤ 2^53 − 1) becomes numbers; a column holding any
// larger value becomes strings (all of it, so that one column keeps one
// type and no value is silently rounded: ids and hashes keep every digit).

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

function isSafe(v: bigint): boolean {
  return v <= MAX_SAFE && v >= -MAX_SAFE;
}

/** One scalar, with bigints left for the column-wide decision in normalizeColumn. */
function scalar(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number') return Number.isNaN(v) ? null : v;
  if (typeof v === 'string' || typeof v === 'boolean' || typeof v === 'bigint') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  // Nested values (lists, structs, maps, raw bytes) have no column type here: keep them readable as JSON.
  return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x instanceof Uint8Array ? Array.from(x) : x));
}

/** A column of any decoded values → a plain array following the conventions. */
export function normalizeColumn(values: ArrayLike<unknown>): unknown[] {
  const n = values.length;
  const out = new Array<unknown>(n);
  let hasBig = false;
  let allSafe = true;
  for (let i = 0; i < n; i++) {
    const v = scalar(values[i]);
    if (typeof v === 'bigint') {
      hasBig = true;
      if (!isSafe(v)) allSafe = false;
    }
    out[i] = v;
  }
  if (hasBig) {
    for (let i = 0; i < n; i++) {
      const v = out[i];
      if (typeof v === 'bigint') out[i] = allSafe ? Number(v) : v.toString();
      else if (!allSafe && typeof v === 'number') out[i] = String(v);
    }
  }
  return out;
}
