// JSON loading: an array of records ([{a: 1}, ...]), a column object
// ({a: [...], b: [...]}), pandas' "split" form ({columns, data}), or JSON
// lines (one record per line).
//
// JSON already carries types, so values keep them: numbers stay numbers,
// booleans stay booleans. A column of strings that all read as ISO dates
// becomes a date column (as in CSV); a column that mixes kinds becomes
// strings. Nested objects and arrays are kept as their JSON text.
// Columns are the union of the record keys, in order of first appearance;
// a key absent from a record is a missing value (null).
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { CellError } from '../core/errors.ts';
import { jsonErrorOffset } from './json-position.ts';
import { checkOverrides, convertColumn, parseDate, type CellValue, type TypeOverride } from './infer.ts';

export interface JsonOptions {
  types?: Record<string, TypeOverride>;
  /** Missing-value tokens, applied to string values. */
  missing?: readonly string[];
}

/** Line and column (1-based) of a character offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = text.indexOf('\n'); k >= 0 && k < offset; k = text.indexOf('\n', k + 1)) {
    line++;
    lineStart = k + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function parseJsonText(text: string, lineOffset = 0): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Engines word this differently and often give no position: find it ourselves.
    const offset = jsonErrorOffset(text);
    const pos = positionOf(text, offset < 0 ? 0 : offset);
    const where = `line ${pos.line + lineOffset}, column ${pos.column}`;
    throw (offset >= text.length
      ? CellError.coded('json.endsEarly', { line: pos.line + lineOffset, column: pos.column }, { where })
      : CellError.coded('json.unexpected', { char: JSON.stringify(text[offset]), line: pos.line + lineOffset, column: pos.column }, { where }));
  }
}

export function parseJson(text: string, options: JsonOptions = {}): ColumnTable {
  if (text.trim() === '') throw CellError.coded('json.empty', {}, { where: 'line 1, column 1' });
  const value = parseJsonText(text);
  if (Array.isArray(value)) return fromRecords(value, options);
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    if (Array.isArray(obj.columns) && Array.isArray(obj.data)) return fromSplit(obj.columns, obj.data, options);
    return fromColumns(obj, options);
  }
  throw CellError.coded('json.scalar');
}

/** One JSON value per non-blank line. */
export function parseJsonLines(text: string, options: JsonOptions = {}): ColumnTable {
  const records: unknown[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    records.push(parseJsonText(line, i));
  });
  if (records.length === 0) throw CellError.coded('json.empty', {}, { where: 'line 1, column 1' });
  return fromRecords(records, options, true);
}

function fromRecords(records: unknown[], options: JsonOptions, jsonLines = false): ColumnTable {
  const names: string[] = [];
  const index = new Map<string, number>();
  const columns: unknown[][] = [];
  records.forEach((record, r) => {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      throw CellError.coded(jsonLines ? 'json.lineNotRecord' : 'json.itemNotRecord', { n: r + 1 }, { where: jsonLines ? `line ${r + 1}` : `item ${r + 1}` });
    }
    for (const [key, v] of Object.entries(record)) {
      let c = index.get(key);
      if (c === undefined) {
        c = names.length;
        index.set(key, c);
        names.push(key);
        columns.push(new Array<unknown>(records.length).fill(null));
      }
      columns[c][r] = v;
    }
  });
  return build(names, columns, options);
}

function fromColumns(obj: Record<string, unknown>, options: JsonOptions): ColumnTable {
  const names = Object.keys(obj);
  let length: number | undefined;
  const columns = names.map((name) => {
    const col = obj[name];
    if (!Array.isArray(col)) {
      throw CellError.coded('json.columnNotArray', { column: name }, { where: `key "${name}"` });
    }
    if (length !== undefined && col.length !== length) {
      throw CellError.coded('json.columnLengths', { column: name, count: col.length, first: names[0], length }, { where: `key "${name}"` });
    }
    length = col.length;
    return col as unknown[];
  });
  return build(names, columns, options);
}

function fromSplit(columnNames: unknown[], data: unknown[], options: JsonOptions): ColumnTable {
  const names = columnNames.map(String);
  const columns: unknown[][] = names.map(() => new Array<unknown>(data.length));
  data.forEach((row, r) => {
    if (!Array.isArray(row) || row.length !== names.length) {
      throw CellError.coded('json.dataRowWidth', { row: r + 1, width: names.length }, { where: `data[${r}]` });
    }
    row.forEach((v, c) => (columns[c][r] = v));
  });
  return build(names, columns, options);
}

function build(names: string[], columns: unknown[][], options: JsonOptions): ColumnTable {
  checkOverrides(names, options.types);
  const missing = new Set(options.missing ?? []);
  const data: Record<string, CellValue[]> = {};
  names.forEach((name, c) => {
    const override = options.types?.[name];
    if (override) {
      const text = columns[c].map((v) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)));
      data[name] = convertColumn(name, text, override, (v) => v === '' || missing.has(v));
    } else {
      data[name] = naturalColumn(columns[c], missing);
    }
  });
  return aq.table(data);
}

/** Keep JSON's own types; mixed kinds become strings, all-date strings become dates. */
function naturalColumn(values: unknown[], missing: Set<string>): CellValue[] {
  const kinds = new Set<string>();
  const clean = values.map((v): CellValue => {
    if (v === null || v === undefined) return null;
    if (typeof v === 'string' && missing.has(v)) return null;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return null;
      kinds.add('number');
      return v;
    }
    if (typeof v === 'boolean' || typeof v === 'string') {
      kinds.add(typeof v);
      return v;
    }
    kinds.add('string');
    return JSON.stringify(v);
  });
  if (kinds.size > 1) return clean.map((v) => (v === null ? null : String(v)));
  if (kinds.has('string')) {
    const dates = clean.map((v) => (v === null ? null : parseDate(v as string)));
    if (dates.every((d, i) => d !== undefined || clean[i] === null) && dates.some((d) => d)) return dates.map((d) => d ?? null);
  }
  return clean;
}
