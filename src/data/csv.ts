// CSV/TSV parsing: rows from the scanner (./csv-scan.ts, an RFC-4180 state
// machine over a decoded string) into columns, with the header, ragged-row,
// delimiter and re-saved rules below.
//
// Output is column-major (one string[] per column) plus the physical line
// on which each row starts, so that type inference can report "line L" for a
// bad value. Fields are taken with slice() between positions found by
// charCodeAt/indexOf scanning; no per-character string building, so a
// million-row file costs one string per field and nothing more — and none for
// the plain numbers of columns the typed accumulator marks numeric
// (NumericFields; ./csv-typed.ts), read straight from the character codes.
//
// Choices (documented for users in the load cell's description):
// - Blank lines (zero characters) are skipped, as pandas does.
// - A quote inside an unquoted field is kept as a literal character; text
//   after a closing quote and before the next delimiter is appended to the
//   field (Python's csv module does the same). Only an opening quote that
//   never closes is an error.
// - "Spreadsheet re-saved" files, where every line is one quoted field that
//   itself holds delimited values ("a,b,c"), are unwrapped: the inner text is
//   parsed again and a note says so. We unwrap rather than fail because the
//   content is intact and the fix is mechanical.
import { CellError } from '../core/errors.ts';
import type { NumericFields } from './csv-numbers.ts';
import { scanRows } from './csv-scan.ts';

export type Delimiter = 'auto' | string;

export interface CsvOptions {
  /** A single character, or 'auto' to detect among , ; tab | from the first lines. */
  delimiter?: Delimiter;
  /** First row holds column names (default true). */
  header?: boolean;
  /** Rows whose field count differs from the header: 'error' (default) or 'pad' (fill with '' / drop extras). */
  ragged?: 'error' | 'pad';
  signal?: AbortSignal;
  /** Stop with a clear error once the table would hold more values (rows × columns) than this (a browser tab's memory budget). */
  maxCells?: number;
  /** Called now and then with the fraction of the text parsed. */
  onProgress?: (fraction: number) => void;
}

export interface ParsedCsv {
  names: string[];
  /** columns[c][r]: the raw text of field c in row r. */
  columns: string[][];
  /** 1-based physical line on which each data row starts. */
  lines: number[];
  delimiter: string;
  /** Things the parser did that the user should know (unwrapping, padding). */
  notes: ParseNote[];
}

/** A note for the student, in English and Korean (the load cell shows the one of the UI's language). */
export interface ParseNote {
  text: string;
  ko: string;
}

export const AUTO_DELIMITERS = [',', ';', '\t', '|'] as const;


/** Decode bytes as UTF-8, dropping a byte-order mark. */
export function decodeText(bytes: Uint8Array): string {
  const text = new TextDecoder('utf-8').decode(bytes);
  return stripBom(text);
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Pick the delimiter that splits the first lines into the most, equally many fields. */
export function detectDelimiter(text: string): string {
  let best: string = ',';
  let bestScore = 0;
  for (const d of AUTO_DELIMITERS) {
    const rows: string[][] = [];
    try {
      scanRows(text, d.charCodeAt(0), 20, (fields, count) => rows.push(fields.slice(0, count)));
    } catch {
      continue; // a sample that cuts a quoted field open: not informative
    }
    if (rows.length === 0) continue;
    const width = rows[0].length;
    if (width < 2) continue;
    // Consistent rows count fully; a delimiter that only splits the header scores less.
    const consistent = rows.filter((r) => r.length === width).length / rows.length;
    const score = width * consistent * consistent;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

function checkDelimiter(delimiter: string): void {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r') {
    throw CellError.coded('csv.badDelimiter', { delimiter: JSON.stringify(delimiter) }, { where: 'params.delimiter' });
  }
}

/**
 * Rows in, columns out: the header, ragged-row policy and re-saved
 * unwrapping, shared by the one-shot parser and the chunked one (./csv-stream.ts).
 */
export class CsvColumns {
  private names: string[] | undefined;
  private rawHeader: string[] = [];
  private columns: string[][] = [];
  private readonly lines: number[] = [];
  private rows = 0;
  /** Whether to keep each row's line (for type errors later); a subclass that types as it reads reports no such errors. */
  protected keepLines = true;
  private padded = 0;
  private allQuoted = true;
  private line = 1;
  private sawText = false;
  private readonly header: boolean;
  private readonly ragged: 'error' | 'pad';
  private readonly delim: number;

  constructor(readonly delimiter: string, private readonly options: CsvOptions) {
    checkDelimiter(delimiter);
    this.header = options.header ?? true;
    this.ragged = options.ragged ?? 'error';
    this.delim = delimiter.charCodeAt(0);
  }

  /** Parse the whole rows of `text`; returns how many characters were used (the rest must be passed again, with more). */
  push(text: string, final: boolean): number {
    if (!this.sawText && /\S/.test(text)) this.sawText = true;
    const result = scanRows(text, this.delim, Infinity, (fields, count, line) => this.row(fields, count, line), this.options, final, this.line, () => this.numbers);
    this.line = result.line;
    if (!result.allQuoted) this.allQuoted = false;
    return result.consumed;
  }

  private row(fields: string[], count: number, line: number): void {
    if (this.names === undefined) {
      this.rawHeader = fields.slice(0, count);
      this.names = this.header ? uniqueNames(this.rawHeader) : this.rawHeader.map((_, i) => `column_${i + 1}`);
      this.columns = this.names.map(() => []);
      if (this.header) return;
    }
    const width = this.names.length;
    if (count !== width) {
      if (this.ragged === 'error') {
        const code = count === 1 ? (this.header ? 'csv.oneField' : 'csv.oneFieldNoHeader') : this.header ? 'csv.fieldCount' : 'csv.fieldCountNoHeader';
        throw CellError.coded(code, { line, count, width, delimiter: JSON.stringify(this.delimiter) }, { where: `line ${line}, column ${Math.min(count, width) + 1}` });
      }
      this.padded++;
    }
    this.store(fields, count, width);
    if (this.keepLines) this.lines.push(line);
    const rows = ++this.rows;
    const maxCells = this.options.maxCells;
    if (maxCells !== undefined && rows * width > maxCells) throw tooManyCells(line, rows, width, maxCells);
  }

  /** Data rows read so far. */
  get rowCount(): number {
    return this.rows;
  }

  /** A hint that about `rows` data rows will come in all (the chunked parser's estimate); a subclass may reserve room. */
  expectRows(rows: number): void {
    void rows;
  }

  /** Plain numbers the scanner reads without strings, for a subclass that asks (./csv-typed.ts). */
  protected numbers: NumericFields | undefined;

  /** The header's column names (after the first row has been read), for subclasses. */
  protected get columnNames(): string[] | undefined {
    return this.names;
  }

  /** Keep one data row (`count` fields, padded or cut to `width`); a subclass may store it another way (./csv-typed.ts). */
  protected store(fields: string[], count: number, width: number): void {
    const columns = this.columns;
    for (let c = 0; c < width; c++) columns[c].push(c < count ? fields[c] : '');
  }

  /** Rows whose field count differed from the header's (padded or cut). */
  protected get paddedRows(): number {
    return this.padded;
  }

  finish(): ParsedCsv {
    if (!this.sawText) throw emptyFile();
    const names = this.names;
    if (names === undefined) throw emptyFile();
    const { columns, lines, padded } = this;
    if (this.allQuoted && names.length === 1) {
      const unwrapped = unwrapResaved(this.header ? [this.rawHeader[0], ...columns[0]] : columns[0], lines, this.options);
      if (unwrapped) return unwrapped;
    }
    const notes: ParseNote[] = [];
    if (padded > 0) notes.push(paddedNote(padded));
    return { names, columns, lines, delimiter: this.delimiter, notes };
  }
}

export function paddedNote(padded: number): ParseNote {
  return {
    text: `${padded} row${padded === 1 ? '' : 's'} had a different number of fields than the header and ${padded === 1 ? 'was' : 'were'} padded or cut.`,
    ko: `필드 수가 헤더와 다른 행 ${padded}개는 빈 값을 채우거나 잘라 맞췄어요.`,
  };
}

function tooManyCells(line: number, rows: number, width: number, maxCells: number): CellError {
  return CellError.coded('csv.tooLarge', { line, rows: rows.toLocaleString('en'), width, budget: maxCells.toLocaleString('en') }, { where: `line ${line}` });
}

function emptyFile(): CellError {
  return CellError.coded('csv.empty', {}, { where: 'line 1, column 1' });
}

/** The delimiter to use: the one given, or the one detected in a sample of the text. */
export function resolveDelimiter(sample: string, delimiter: Delimiter | undefined): string {
  return delimiter === undefined || delimiter === 'auto' ? detectDelimiter(sample) : delimiter;
}

/** Parse CSV/TSV text into named string columns. */
export function parseCsv(input: string, options: CsvOptions = {}): ParsedCsv {
  const text = stripBom(input);
  if (text.trim().length === 0) throw emptyFile();
  const acc = new CsvColumns(resolveDelimiter(text, options.delimiter), options);
  acc.push(text, true);
  return acc.finish();
}

/**
 * A file where every row is one quoted field whose text contains a delimiter
 * is a CSV that a spreadsheet wrapped in quotes on re-save. Parse the inner
 * text again (quotes inside were doubled, so the first pass already undid them).
 */
function unwrapResaved(values: string[], dataLines: number[], options: CsvOptions): ParsedCsv | undefined {
  if (!AUTO_DELIMITERS.some((d) => values[0].includes(d))) return undefined;
  const innerText = values.join('\n');
  const inner = detectDelimiter(innerText);
  let parsed: ParsedCsv;
  try {
    parsed = parseCsv(innerText, { ...options, delimiter: inner });
  } catch {
    return undefined; // not a clean wrapped CSV after all: keep the single column
  }
  if (parsed.names.length < 2 || parsed.lines.length !== dataLines.length) return undefined;
  parsed.lines = dataLines; // report the file's own line numbers
  parsed.notes.unshift({
    text: `Every line of this file was one quoted field (a CSV re-saved by a spreadsheet); it was unwrapped and split on ${JSON.stringify(inner)}.`,
    ko: `이 파일은 줄마다 따옴표로 감싼 필드 하나였어요 (스프레드시트가 다시 저장한 CSV). 따옴표를 벗기고 ${JSON.stringify(inner)}(으)로 나눴어요.`,
  });
  return parsed;
}

/** Header names, with blanks named and duplicates numbered (a, a_2) so every column is addressable. */
function uniqueNames(raw: string[]): string[] {
  const seen = new Set<string>();
  return raw.map((name, i) => {
    let base = name.trim() === '' ? `column_${i + 1}` : name;
    if (!seen.has(base)) {
      seen.add(base);
      return base;
    }
    let k = 2;
    while (seen.has(`${base}_${k}`)) k++;
    base = `${base}_${k}`;
    seen.add(base);
    return base;
  });
}
