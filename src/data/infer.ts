// Type inference: turn text columns into typed Arquero columns.
//
// Storage choice: every column is a plain Array with `null` for a missing
// value (numbers as number[], not Float64Array). A typed array cannot hold
// null, and NaN would pass arquero's op.valid() only as "invalid" in some
// ops but not in others; one missing marker (null) for every type keeps
// op.valid, profiles and imputation consistent.
//
// Inference per column, over the non-missing values:
//   all parse as numbers            → number (ColumnType 'integer' if all whole)
//   all true/false (any case)       → boolean
//   all ISO dates / date-times      → date (read as UTC, so hosts agree)
//   anything else (mixed included)  → string, values kept exactly as written
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { CellError, checkAborted } from '../core/errors.ts';

export type TypeOverride = 'number' | 'integer' | 'string' | 'date' | 'boolean';
export type CellValue = number | string | boolean | Date | null;

export const DEFAULT_MISSING = ['', 'NA', 'N/A', 'null', 'NaN'] as const;

export interface InferOptions {
  /** Tokens read as missing (compared after trimming spaces). */
  missing?: readonly string[];
  /** Forced types per column name. */
  types?: Record<string, TypeOverride>;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?Z?$/;

/** A number, or undefined if the text is not one (no hex, no thousands separators). */
export function parseNumber(text: string): number | undefined {
  const t = text.trim();
  if (NUMBER.test(t)) return Number(t);
  if (t === 'Infinity' || t === '+Infinity' || t === 'inf') return Infinity;
  if (t === '-Infinity' || t === '-inf') return -Infinity;
  return undefined;
}

export function parseBoolean(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  return t === 'true' ? true : t === 'false' ? false : undefined;
}

function digits(s: string, at: number, count: number): number {
  let v = 0;
  for (let k = 0; k < count; k++) {
    const c = s.charCodeAt(at + k) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** yyyy-mm-dd or yyyy-mm-dd HH:MM[:SS[.fff]], as a UTC Date; undefined if not a real date. */
export function parseDate(text: string): Date | undefined {
  const t = text.length > 0 && (text.charCodeAt(0) === 32 || text.charCodeAt(text.length - 1) === 32) ? text.trim() : text;
  // Fast rejection and fast paths by character codes: dates are often a million values.
  if (t.length < 10 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45) return undefined;
  const y = digits(t, 0, 4);
  const mo = digits(t, 5, 2);
  const d = digits(t, 8, 2);
  if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  if (t.length === 10) return new Date(Date.UTC(y, mo - 1, d));
  if (t.length === 19 && (t[10] === ' ' || t[10] === 'T') && t[13] === ':' && t[16] === ':') {
    const h = digits(t, 11, 2);
    const mi = digits(t, 14, 2);
    const sec = digits(t, 17, 2);
    if (h < 0 || h > 23 || mi < 0 || mi > 59 || sec < 0 || sec > 59) return undefined;
    return new Date(Date.UTC(y, mo - 1, d, h, mi, sec));
  }
  const m = DATE.exec(t);
  if (!m) return undefined;
  const [h = '0', mi = '0', sec = '0'] = m.slice(4, 7);
  if (+h > 23 || +mi > 59 || +sec > 59) return undefined;
  const ms = m[7] ? Math.round(Number(m[7]) * 1000) : 0;
  return new Date(Date.UTC(y, mo - 1, d, +h, +mi, +sec, ms));
}

const converters: Record<Exclude<TypeOverride, 'string'>, { parse: (t: string) => CellValue | undefined; noun: string }> = {
  number: { parse: parseNumber, noun: 'a number' },
  integer: {
    parse: (t) => {
      const v = parseNumber(t);
      return v !== undefined && Number.isInteger(v) ? v : undefined;
    },
    noun: 'an integer',
  },
  boolean: { parse: parseBoolean, noun: 'true or false' },
  date: { parse: parseDate, noun: 'a date (yyyy-mm-dd or yyyy-mm-dd HH:MM:SS)' },
};

/** Guess a column's type from its non-missing values. */
export function inferType(values: readonly string[], isMissing: (v: string) => boolean): TypeOverride {
  let number = true;
  let boolean = true;
  let date = true;
  let integer = true;
  let any = false;
  for (const v of values) {
    if (isMissing(v)) continue;
    any = true;
    if (number) {
      const x = parseNumber(v);
      if (x === undefined) number = false;
      else if (!Number.isInteger(x)) integer = false;
    }
    if (boolean && parseBoolean(v) === undefined) boolean = false;
    if (date && parseDate(v) === undefined) date = false;
    if (!number && !boolean && !date) return 'string';
  }
  if (!any) return 'number'; // all missing: a numeric column of nulls (like pandas' float NaN column)
  if (number) return integer ? 'integer' : 'number';
  if (boolean) return 'boolean';
  if (date) return 'date';
  return 'string';
}

/** Convert one text column to a typed array with null for missing. */
export function convertColumn(
  name: string,
  values: readonly string[],
  type: TypeOverride,
  isMissing: (v: string) => boolean,
  lines?: readonly number[],
): CellValue[] {
  const out = new Array<CellValue>(values.length);
  if (type === 'string') {
    for (let i = 0; i < values.length; i++) out[i] = isMissing(values[i]) ? null : values[i];
    return out;
  }
  const { parse, noun } = converters[type];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (isMissing(v)) {
      out[i] = null;
      continue;
    }
    const x = parse(v);
    if (x === undefined) {
      const where = lines ? `line ${lines[i]}` : `row ${i + 1}`;
      throw new CellError(`column ${name}, ${where}: '${v}' is not ${noun}`, {
        where,
        hint: `Change the type of "${name}", or add '${v}' to the missing-value tokens.`,
      });
    }
    out[i] = x;
  }
  return out;
}

export function missingTest(missing: readonly string[] = DEFAULT_MISSING): (v: string) => boolean {
  const set = new Set(missing.map((m) => m.trim()));
  // Trim only when needed: most values have no surrounding spaces.
  return (v) => set.has(v) || (v.length > 0 && (v.charCodeAt(0) === 32 || v.charCodeAt(v.length - 1) === 32) && set.has(v.trim()));
}

/** Check that every overridden column exists; name the available ones if not. */
export function checkOverrides(names: readonly string[], types: Record<string, TypeOverride> | undefined): void {
  for (const col of Object.keys(types ?? {})) {
    if (!names.includes(col)) {
      throw new CellError(`The type override names column "${col}", which is not in the file.`, {
        where: `params.types.${col}`,
        hint: `Available columns: ${names.join(', ')}.`,
      });
    }
  }
}

/** Build an Arquero table from named text columns, inferring or forcing types. */
export function typedTable(
  names: readonly string[],
  columns: readonly string[][],
  options: InferOptions & { lines?: readonly number[]; signal?: AbortSignal } = {},
): ColumnTable {
  checkOverrides(names, options.types);
  const isMissing = missingTest(options.missing ?? DEFAULT_MISSING);
  const data: Record<string, CellValue[]> = {};
  names.forEach((name, c) => {
    checkAborted(options.signal);
    const type = options.types?.[name] ?? inferType(columns[c], isMissing);
    data[name] = convertColumn(name, columns[c], type, isMissing, options.lines);
  });
  return aq.table(data);
}
