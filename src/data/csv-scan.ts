// The CSV scanner: an RFC-4180 state machine that splits decoded text into
// rows of fields with slice() between positions found by charCodeAt/indexOf,
// chunk by chunk (./csv-stream.ts) or in one go (./csv.ts), reading the
// plain numbers, dates and booleans of columns the typed accumulator marks straight
// from the character codes (./csv-numbers.ts). The quoting rules are csv.ts's.
import { CellError, checkAborted } from '../core/errors.ts';
import { plainValue, READ_NONE, type NumericFields } from './csv-numbers.ts';
import type { CsvOptions } from './csv.ts';

const QUOTE = 34; // "
const LF = 10;
const CR = 13;

/** Receives each row: the first `count` entries of `fields` (a reused buffer) and the row's first line. */
export type RowSink = (fields: string[], count: number, line: number) => void;

export interface ScanResult {
  /** Whether every field of every row was quoted (for the re-saved detection). */
  allQuoted: boolean;
  /** Characters of `text` taken as whole rows; the rest waits for the next chunk. */
  consumed: number;
  /** The physical line at `consumed`. */
  line: number;
}

/** A row cut by the end of a chunk that is not the last: rescan it once more text has come. */
class Incomplete {}
const INCOMPLETE = new Incomplete();

/**
 * Split text into rows of fields, handing each to `sink`. `maxRows` stops
 * early (delimiter sniffing). With `final` false the text is one chunk of a
 * longer file: a row is emitted only once its line break has been seen (a
 * quoted field, a CR that may be followed by LF, a quote that may be doubled,
 * all can continue in the next chunk), and the scan stops before the first
 * incomplete row, so that chunked parsing gives exactly the one-shot result.
 */
export function scanRows(text: string, delim: number, maxRows: number, sink: RowSink, options: CsvOptions = {}, final = true, startLine = 1, numbersOf?: () => NumericFields | undefined): ScanResult {
  const n = text.length;
  // Asked again after each row until given: the accumulator sets it up on the first data row.
  let numbers = numbersOf?.();
  let numeric = numbers?.numeric;
  let hit = numbers?.hit;
  let numericValues = numbers?.values;
  const fields: string[] = [];
  let rowCount = 0;
  let allQuoted = true;
  let pos = 0;
  let line = startLine;
  let lineStart = 0; // index of the first character of the current physical line
  // Index of the next '\n' at or after the quoted text being read (-1: none left); -2: not looked up yet.
  let nextLF = -2;
  const progressMask = (1 << 16) - 1;
  const more = () => {
    if (!final) throw INCOMPLETE;
  };

  while (pos < n && rowCount < maxRows) {
    // Skip blank lines.
    const c0 = text.charCodeAt(pos);
    if (c0 === LF || c0 === CR) {
      if (c0 === CR && pos + 1 >= n && !final) break;
      pos += c0 === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
      line++;
      lineStart = pos;
      continue;
    }
    const rowStart = pos;
    const rowLine = line;
    const rowLineStart = lineStart;
    let count = 0;
    let rowAllQuoted: boolean = allQuoted;
    try {
      // One iteration per field.
      for (;;) {
        let value: string;
        if (hit !== undefined && count < hit.length) hit[count] = 0;
        if (text.charCodeAt(pos) === QUOTE) {
          const openLine = line;
          const openColumn = pos - lineStart + 1;
          let start = pos + 1;
          let parts: string[] | undefined;
          for (;;) {
            const q = text.indexOf('"', start);
            if (q < 0) {
              more();
              throw CellError.coded('csv.unclosedQuote', {}, { where: `line ${openLine}, column ${openColumn}` });
            }
            if (q + 1 >= n) more(); // the next chunk may start with a second quote
            // Count line breaks inside the quoted text so later positions stay right.
            // The next line break is looked up once and kept: searching again for
            // every doubled quote made a long line of quotes quadratic.
            if (nextLF !== -1 && nextLF < start) nextLF = text.indexOf('\n', start);
            while (nextLF >= 0 && nextLF < q) {
              line++;
              lineStart = nextLF + 1;
              nextLF = text.indexOf('\n', nextLF + 1);
            }
            if (text.charCodeAt(q + 1) === QUOTE) {
              (parts ??= []).push(text.slice(start, q + 1)); // keep one quote of the pair
              start = q + 2;
              continue;
            }
            const last = text.slice(start, q);
            value = parts ? parts.join('') + last : last;
            pos = q + 1;
            break;
          }
          // Lenient: characters after the closing quote up to the delimiter join the field.
          let end = pos;
          while (end < n) {
            const c = text.charCodeAt(end);
            if (c === delim || c === LF || c === CR) break;
            end++;
          }
          if (end > pos) value += text.slice(pos, end);
          pos = end;
        } else {
          rowAllQuoted = false;
          let end = pos;
          while (end < n) {
            const c = text.charCodeAt(end);
            if (c === delim || c === LF || c === CR) break;
            end++;
          }
          let x: number;
          let read: number;
          if (numeric !== undefined && (read = numeric[count]) !== READ_NONE && (x = plainValue(read, text, pos, end)) === x) {
            numericValues![count] = x;
            hit![count] = 1;
            value = '';
          } else value = text.slice(pos, end);
          pos = end;
        }
        fields[count++] = value;
        if (pos >= n) {
          more();
          break;
        }
        const c = text.charCodeAt(pos);
        if (c === delim) {
          pos++;
          if (pos >= n) {
            more();
            if (hit !== undefined && count < hit.length) hit[count] = 0;
            fields[count++] = ''; // "a,b," at end of file: a last empty field
            break;
          }
          continue;
        }
        // End of line.
        if (c === CR && pos + 1 >= n) more();
        pos += c === CR && text.charCodeAt(pos + 1) === LF ? 2 : 1;
        line++;
        lineStart = pos;
        break;
      }
    } catch (error) {
      if (error !== INCOMPLETE) throw error;
      pos = rowStart;
      line = rowLine;
      lineStart = rowLineStart;
      break;
    }
    allQuoted = rowAllQuoted;
    sink(fields, count, rowLine);
    if (numbers === undefined && numbersOf !== undefined && (numbers = numbersOf()) !== undefined) {
      numeric = numbers.numeric;
      hit = numbers.hit;
      numericValues = numbers.values;
    }
    rowCount++;
    if ((rowCount & progressMask) === 0) {
      checkAborted(options.signal);
      options.onProgress?.(pos / n);
    }
  }
  return { allQuoted, consumed: pos, line };
}
