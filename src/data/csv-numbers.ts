// Values the CSV scanner (./csv.ts) reads straight from the text, with no
// field string: the plain decimals of columns the typed accumulator
// (./csv-typed.ts) has found numeric, the plain yyyy-mm-dd dates of columns
// it has found to hold dates, and true/false in boolean columns.
import { daysInMonth } from './infer.ts';

/** What the scanner reads itself in a column: nothing (a string per field), plain numbers, plain dates (as UTC milliseconds), booleans (1, 0). */
export const READ_NONE = 0;
export const READ_NUMBER = 1;
export const READ_DATE = 2;
export const READ_BOOLEAN = 3;

/**
 * Columns whose plain numbers or dates the scanner reads itself, without
 * cutting a string (./csv-typed.ts sets `numeric[c]` to READ_NUMBER once a
 * column is numeric, READ_DATE once it holds dates, READ_BOOLEAN booleans). For each field c of a
 * row, `hit[c]` says whether `values[c]` holds it (else the field is in
 * `fields` as usual).
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

/**
 * text[start, end) as UTC milliseconds when it is exactly yyyy-mm-dd and a
 * real date, else NaN: the same value as infer.ts parseDate's fast path
 * (Date.UTC, whose years 0–99 mean 1900–1999, as there). Anything else (a
 * time of day, spaces) is left to parseDate on the field's string.
 */
export function plainDate(text: string, start: number, end: number): number {
  if (end - start !== 10 || text.charCodeAt(start + 4) !== 45 || text.charCodeAt(start + 7) !== 45) return NaN;
  const y = fixedDigits(text, start, 4);
  const mo = fixedDigits(text, start + 5, 2);
  const d = fixedDigits(text, start + 8, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return NaN;
  return Date.UTC(y, mo - 1, d);
}

/** The `count` digits at `at` as a number, -1 when one is not a digit. */
function fixedDigits(text: string, at: number, count: number): number {
  let v = 0;
  for (let k = 0; k < count; k++) {
    const c = text.charCodeAt(at + k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** text[start, end) as 1 or 0 when it is true or false in any letter case (infer.ts parseBoolean without spaces), else NaN. */
export function plainBoolean(text: string, start: number, end: number): number {
  const n = end - start;
  // c | 0x20 lower-cases an ASCII letter and maps no other character onto one.
  if (n === 4) {
    return (text.charCodeAt(start) | 0x20) === 116 && (text.charCodeAt(start + 1) | 0x20) === 114 && (text.charCodeAt(start + 2) | 0x20) === 117 && (text.charCodeAt(start + 3) | 0x20) === 101 ? 1 : NaN;
  }
  if (n === 5) {
    return (text.charCodeAt(start) | 0x20) === 102 && (text.charCodeAt(start + 1) | 0x20) === 97 && (text.charCodeAt(start + 2) | 0x20) === 108 && (text.charCodeAt(start + 3) | 0x20) === 115 && (text.charCodeAt(start + 4) | 0x20) === 101 ? 0 : NaN;
  }
  return NaN;
}

/** The scanner's reading of a field for a column marked `read` (READ_NUMBER, READ_DATE, READ_BOOLEAN): a number, or NaN to cut a string instead. */
export function plainValue(read: number, text: string, start: number, end: number): number {
  return read === READ_NUMBER ? plainNumber(text, start, end) : read === READ_DATE ? plainDate(text, start, end) : plainBoolean(text, start, end);
}
