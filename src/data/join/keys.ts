// Join keys: equal values give equal strings. Type is part of the key, so 1
// and "1" do not match (pandas refuses to merge int with object keys), dates
// match by instant, and a row with any missing key never matches (SQL
// semantics; pandas would match NaN with NaN, which is rarely meant).
import { isMissing } from '../stats.ts';

export function keyOf(values: readonly unknown[]): string | null {
  let key = '';
  for (const v of values) {
    if (isMissing(v)) return null;
    key += v instanceof Date ? `d${v.getTime()}` : `${typeof v === 'number' ? 'n' : typeof v === 'boolean' ? 'b' : 's'}${String(v)}`;
    key += '\u0000';
  }
  return key;
}

/** Rows per key, each list in row order. */
export function indexRows(columns: readonly (readonly unknown[])[], n: number): Map<string, number[]> {
  const index = new Map<string, number[]>();
  const row: unknown[] = new Array(columns.length);
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < columns.length; c++) row[c] = columns[c][i];
    const k = keyOf(row);
    if (k === null) continue;
    const list = index.get(k);
    if (list) list.push(i);
    else index.set(k, [i]);
  }
  return index;
}

/** A time value as a number: Date → ms, number as is, parseable string → ms. */
export function timeOf(v: unknown): number | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.getTime();
  if (typeof v === 'number') return Number.isNaN(v) ? null : v;
  if (typeof v === 'string') {
    const t = Date.parse(v);
    return Number.isNaN(t) ? null : t;
  }
  return null;
}
