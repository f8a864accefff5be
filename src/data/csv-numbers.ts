// Numbers the CSV scanner (./csv.ts) reads straight from the text, with no
// field string: the plain decimals of columns the typed accumulator
// (./csv-typed.ts) has found numeric.

/**
 * Columns whose plain numbers the scanner reads itself, without cutting a
 * string (./csv-typed.ts sets `numeric[c]` once a column is numeric). For each
 * field c of a row, `hit[c]` says whether `values[c]` holds it (else the
 * field is in `fields` as usual).
 */
export interface NumericFields {
  numeric: Uint8Array;
  hit: Uint8Array;
  values: Float64Array;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * text[start, end) as a number when it is [+-]digits[.digits] with at most 15
 * digits in all, else NaN. Exactly Number(text) there: the digits as an
 * integer (< 2^53, exact) divided by a power of ten (exact): one correctly
 * rounded division (Clinger's fast path).
 */
export function plainNumber(text: string, start: number, end: number): number {
  let i = start;
  let c = text.charCodeAt(i);
  const negative = c === 45;
  if (c === 45 || c === 43) i++;
  let whole = 0;
  let digits = 0;
  while (i < end && (c = text.charCodeAt(i) - 48) >= 0 && c <= 9) {
    whole = whole * 10 + c;
    digits++;
    i++;
  }
  let frac = 0;
  if (i < end && text.charCodeAt(i) === 46) {
    i++;
    while (i < end && (c = text.charCodeAt(i) - 48) >= 0 && c <= 9) {
      whole = whole * 10 + c;
      digits++;
      frac++;
      i++;
    }
  }
  if (i !== end || digits === 0 || digits > 15) return NaN;
  const x = frac === 0 ? whole : whole / POW10[frac];
  return negative ? -x : x;
}
