// From bytes to a typed Arquero table: pick the format, decode, parse, type.
// The load cell calls this; tests call it directly.
import type { ColumnTable } from 'arquero';
import { CellError, checkAborted } from '../core/errors.ts';
import { decodeText, parseCsv, type Delimiter, type ParseNote } from './csv.ts';
import * as aq from 'arquero';
import { checkOverrides, DEFAULT_MISSING, missingTest, typeColumn, typedTable, type TypeOverride } from './infer.ts';
import { parseJson, parseJsonLines } from './json.ts';
import { parseCsvBytes, parseCsvChunks, scanCsvBytes, scanCsvChunks } from './csv-stream.ts';
import { plainNeverMissing, TYPED_FALLBACK, TypedCsvColumns } from './csv-typed.ts';
import { looksLikeParquet, parseParquet } from './binary/parquet.ts';
import { looksLikeArrow, parseArrow } from './binary/arrow.ts';

export type TextFormat = 'auto' | 'csv' | 'tsv' | 'json' | 'jsonl';
export type Format = TextFormat | 'parquet' | 'arrow';

export interface LoadOptions {
  format?: Format;
  /** File name or URL, used by format 'auto' (by extension). */
  fileName?: string;
  delimiter?: Delimiter;
  header?: boolean;
  ragged?: 'error' | 'pad';
  missing?: readonly string[];
  types?: Record<string, TypeOverride>;
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
  /** CSV bytes decoded per chunk by loadBytesAsync (default 4 MB). */
  chunkBytes?: number;
  /** A CSV holding more values (rows × columns) stops with a clear error while it is read (MemoryBudget.tableCells). */
  maxCells?: number;
}

export interface Loaded {
  table: ColumnTable;
  format: Exclude<Format, 'auto'>;
  notes: ParseNote[];
}

/** The format from a file name's extension, else from the first character of the text. */
export function detectFormat(fileName: string | undefined, text: string): Exclude<TextFormat, 'auto'> {
  const ext = extension(fileName);
  if (ext === 'json') return 'json';
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  if (ext === 'tsv' || ext === 'tab') return 'tsv';
  if (ext === 'csv' || ext === 'txt') return 'csv';
  const first = text.trimStart()[0];
  if (first === '[') return 'json';
  if (first === '{') return /\}\s*\r?\n\s*\{/.test(text.slice(0, 10000)) ? 'jsonl' : 'json';
  return 'csv';
}

function extension(fileName: string | undefined): string | undefined {
  return (fileName ?? '').split(/[?#]/)[0].toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
}

/** Parquet or Arrow IPC, by extension (.parquet; .arrow, .feather, .ipc) or by magic bytes ("PAR1", "ARROW1"). */
export function detectBinaryFormat(fileName: string | undefined, bytes: Uint8Array): 'parquet' | 'arrow' | undefined {
  const ext = extension(fileName);
  if (ext === 'parquet' || ext === 'parq') return 'parquet';
  if (ext === 'arrow' || ext === 'feather' || ext === 'ipc' || ext === 'arrows') return 'arrow';
  if (looksLikeParquet(bytes)) return 'parquet';
  if (looksLikeArrow(bytes)) return 'arrow';
  return undefined;
}

/**
 * Any supported file, the way the load cell reads it: Parquet and Arrow
 * through their readers, CSV/TSV in chunks with progress and cancel between
 * them (./csv-stream.ts), JSON in one piece.
 */
export async function loadBytesAsync(bytes: Uint8Array, options: LoadOptions = {}): Promise<Loaded> {
  const given = options.format && options.format !== 'auto' ? options.format : undefined;
  const binary = given === 'parquet' || given === 'arrow' ? given : given ? undefined : detectBinaryFormat(options.fileName, bytes);
  if (binary === 'parquet') {
    const table = await parseParquet(bytes, { signal: options.signal, onProgress: options.onProgress });
    return { table: withTypes(table, options.types), format: 'parquet', notes: [] };
  }
  if (binary === 'arrow') return { table: withTypes(parseArrow(bytes), options.types), format: 'arrow', notes: [] };
  if (bytes.length === 0) throw CellError.coded('file.emptyBytes', {}, { where: 'line 1, column 1' });
  const format = (given as Exclude<TextFormat, 'auto'> | undefined) ?? detectFormat(options.fileName, decodeText(bytes.subarray(0, 64 * 1024)));
  if (format === 'json' || format === 'jsonl') return loadText(decodeText(bytes), { ...options, format });
  const delimiter = format === 'tsv' && (options.delimiter === undefined || options.delimiter === 'auto') ? '\t' : options.delimiter;
  const csvOptions = { delimiter, header: options.header, ragged: options.ragged, signal: options.signal, onProgress: options.onProgress, chunkBytes: options.chunkBytes, maxCells: options.maxCells };
  const missing = options.missing ?? DEFAULT_MISSING;
  try {
    // Typed while parsing (./csv-typed.ts): no retained string per field. Same result as below, or it steps aside.
    const isMissing = missingTest(missing);
    const never = plainNeverMissing(missing);
    const acc = await scanCsvBytes(bytes, csvOptions, (d, o) => new TypedCsvColumns(d, o, isMissing, options.types, never));
    const { names, data, notes } = acc.typed();
    return { table: aq.table(data, names), format, notes };
  } catch (error) {
    if (error !== TYPED_FALLBACK) throw error;
  }
  const parsed = await parseCsvBytes(bytes, csvOptions);
  const table = typedReleasing(parsed.names, parsed.columns, { missing: options.missing ?? DEFAULT_MISSING, types: options.types, lines: parsed.lines, signal: options.signal });
  return { table, format, notes: parsed.notes };
}

/** Bytes gathered from the start of a stream before the format is chosen (magic bytes, JSON's first character). */
const HEAD_BYTES = 64 * 1024;

function concatBytes(parts: readonly Uint8Array[], length = parts.reduce((s, p) => s + p.length, 0)): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export interface StreamLoadOptions extends LoadOptions {
  /** Total size in bytes when known (a Blob's size), for progress fractions. */
  totalBytes?: number;
  /**
   * The same file's pieces once more, from the start (an upload read again). The typed CSV path
   * steps aside for the string path in rare files (./csv-typed.ts), which then reads the file again
   * from here; without it the pieces are kept as they pass (the file's bytes held once).
   */
  reopen?: () => Promise<AsyncIterable<Uint8Array> | Iterable<Uint8Array>>;
}

/**
 * loadBytesAsync for a file that arrives in pieces (a Blob's stream() in the
 * browser): CSV/TSV is parsed as the pieces come (./csv-stream.ts
 * parseCsvChunks), so the whole file is never held as one byte array plus
 * one decoded string. Parquet, Arrow and JSON need the whole file: their
 * pieces are gathered and read as loadBytesAsync does. Same tables as
 * loadBytesAsync on the concatenated bytes.
 */
export async function loadStream(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: StreamLoadOptions = {}): Promise<Loaded> {
  const it = Symbol.asyncIterator in chunks ? chunks[Symbol.asyncIterator]() : chunks[Symbol.iterator]();
  const head: Uint8Array[] = [];
  let headLength = 0;
  let done = false;
  while (headLength < HEAD_BYTES) {
    checkAborted(options.signal);
    const next = await it.next();
    if (next.done) {
      done = true;
      break;
    }
    if (next.value.length === 0) continue;
    head.push(next.value);
    headLength += next.value.length;
  }
  async function* rest(): AsyncGenerator<Uint8Array> {
    yield* head;
    head.length = 0;
    if (done) return;
    for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
  }
  const gather = async (): Promise<Uint8Array> => {
    const parts: Uint8Array[] = [];
    for await (const part of rest()) {
      checkAborted(options.signal);
      parts.push(part);
    }
    return concatBytes(parts);
  };
  const first = concatBytes(head, headLength);
  const given = options.format && options.format !== 'auto' ? options.format : undefined;
  const binary = given === 'parquet' || given === 'arrow' ? given : given ? undefined : detectBinaryFormat(options.fileName, first);
  const format = binary ?? (given as Exclude<TextFormat, 'auto'> | undefined) ?? (headLength === 0 ? 'csv' : detectFormat(options.fileName, decodeText(first)));
  if (binary || format === 'json' || format === 'jsonl' || headLength === 0) return loadBytesAsync(await gather(), { ...options, format: binary ?? format });
  const delimiter = format === 'tsv' && (options.delimiter === undefined || options.delimiter === 'auto') ? '\t' : options.delimiter;
  const csvOptions = {
    delimiter, header: options.header, ragged: options.ragged, signal: options.signal, onProgress: options.onProgress, chunkBytes: options.chunkBytes, totalBytes: options.totalBytes, maxCells: options.maxCells,
  };
  const missing = options.missing ?? DEFAULT_MISSING;
  // Typed while parsing, as loadBytesAsync: no string per field. When it steps aside, the string path reads the file again.
  const pieces = rest();
  const kept: Uint8Array[] | undefined = options.reopen ? undefined : [];
  try {
    const never = plainNeverMissing(missing);
    const acc = await scanCsvChunks(kept ? keeping(pieces, kept) : pieces, csvOptions, (d, o) => new TypedCsvColumns(d, o, missingTest(missing), options.types, never));
    const { names, data, notes } = acc.typed();
    return { table: aq.table(data, names), format, notes };
  } catch (error) {
    if (error !== TYPED_FALLBACK) throw error;
  }
  let again: AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  if (kept) again = keptThenRest(kept, pieces);
  else {
    await it.return?.(); // the first read is not finished: let its source go (a Blob stream's reader)
    again = await options.reopen!();
  }
  const parsed = await parseCsvChunks(again, csvOptions);
  const table = typedReleasing(parsed.names, parsed.columns, { missing, types: options.types, lines: parsed.lines, signal: options.signal });
  return { table, format, notes: parsed.notes };
}

/** The pieces of `source` as they pass, each also kept in `kept`. */
async function* keeping(source: AsyncIterator<Uint8Array>, kept: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (let next = await source.next(); !next.done; next = await source.next()) {
    kept.push(next.value);
    yield next.value;
  }
}

/** The kept pieces (released as they are handed on), then what `source` has not given yet. */
async function* keptThenRest(kept: Uint8Array[], source: AsyncIterator<Uint8Array>): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < kept.length; i++) {
    const piece = kept[i];
    kept[i] = EMPTY;
    yield piece;
  }
  for (let next = await source.next(); !next.done; next = await source.next()) yield next.value;
}

const EMPTY = new Uint8Array(0);

/**
 * typedTable one column at a time, dropping each column's raw strings once it
 * is typed: at peak the raw text fields and the typed values coexist for one
 * column, not for all (a million-row file has ten million field strings; in a
 * browser renderer holding both sets doubled the heap and GC time).
 */
function typedReleasing(names: string[], columns: string[][], options: Parameters<typeof typedTable>[2] & object): ColumnTable {
  checkOverrides(names, options.types);
  const isMissing = missingTest(options.missing ?? DEFAULT_MISSING);
  const data: Record<string, unknown> = {};
  names.forEach((name, c) => {
    checkAborted(options.signal);
    data[name] = typeColumn(name, columns[c], options.types?.[name], isMissing, options.lines).values;
    columns[c] = [];
  });
  return aq.table(data, names);
}

/** Binary formats carry their own types; a forced type is still applied (e.g. an integer code read as string). */
function withTypes(table: ColumnTable, types: Record<string, TypeOverride> | undefined): ColumnTable {
  if (!types || Object.keys(types).length === 0) return table;
  const names = table.columnNames();
  for (const name of Object.keys(types)) {
    if (!names.includes(name)) throw CellError.coded('type.forceUnknown', { column: name, columns: names.join(', ') }, { where: `params.types.${name}` });
  }
  // Only the forced columns change (through their text); the others keep their binary types.
  const forcedNames = Object.keys(types);
  const strings = forcedNames.map((n) => Array.from(table.array(n) as ArrayLike<unknown>, (v) => (v === null ? '' : v instanceof Date ? v.toISOString() : String(v))));
  return table.assign(typedTable(forcedNames, strings, { missing: [''], types }));
}

export function loadBytes(bytes: Uint8Array, options: LoadOptions = {}): Loaded {
  if (bytes.length === 0) throw CellError.coded('file.emptyBytes', {}, { where: 'line 1, column 1' });
  const text = decodeText(bytes);
  return loadText(text, options);
}

export function loadText(text: string, options: LoadOptions = {}): Loaded {
  if (options.format === 'parquet' || options.format === 'arrow') {
    throw CellError.coded('load.binaryFromText', { format: options.format }, { where: 'params.format' });
  }
  const format = options.format && options.format !== 'auto' ? options.format : detectFormat(options.fileName, text);
  const missing = options.missing ?? DEFAULT_MISSING;
  if (format === 'json' || format === 'jsonl') {
    const parse = format === 'json' ? parseJson : parseJsonLines;
    return { table: parse(text, { types: options.types, missing }), format, notes: [] };
  }
  const delimiter = format === 'tsv' && (options.delimiter === undefined || options.delimiter === 'auto') ? '\t' : options.delimiter;
  const parsed = parseCsv(text, {
    delimiter,
    header: options.header,
    ragged: options.ragged,
    signal: options.signal,
    onProgress: options.onProgress,
  });
  const table = typedTable(parsed.names, parsed.columns, { missing, types: options.types, lines: parsed.lines, signal: options.signal });
  return { table, format, notes: parsed.notes };
}
