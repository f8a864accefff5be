// From bytes to a typed Arquero table: pick the format, decode, parse, type.
// The load cell calls this; tests call it directly.
import type { ColumnTable } from 'arquero';
import { CellError } from '../core/errors.ts';
import { decodeText, parseCsv, type Delimiter } from './csv.ts';
import { DEFAULT_MISSING, typedTable, type TypeOverride } from './infer.ts';
import { parseJson, parseJsonLines } from './json.ts';

export type Format = 'auto' | 'csv' | 'tsv' | 'json' | 'jsonl';

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
}

export interface Loaded {
  table: ColumnTable;
  format: Exclude<Format, 'auto'>;
  notes: string[];
}

/** The format from a file name's extension, else from the first character of the text. */
export function detectFormat(fileName: string | undefined, text: string): Exclude<Format, 'auto'> {
  const ext = (fileName ?? '').split(/[?#]/)[0].toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (ext === 'json') return 'json';
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  if (ext === 'tsv' || ext === 'tab') return 'tsv';
  if (ext === 'csv' || ext === 'txt') return 'csv';
  const first = text.trimStart()[0];
  if (first === '[') return 'json';
  if (first === '{') return /\}\s*\r?\n\s*\{/.test(text.slice(0, 10000)) ? 'jsonl' : 'json';
  return 'csv';
}

export function loadBytes(bytes: Uint8Array, options: LoadOptions = {}): Loaded {
  if (bytes.length === 0) throw new CellError('The file is empty (0 bytes).', { where: 'line 1, column 1', hint: 'Check that the right file was chosen.' });
  const text = decodeText(bytes);
  return loadText(text, options);
}

export function loadText(text: string, options: LoadOptions = {}): Loaded {
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
