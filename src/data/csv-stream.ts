// Chunked CSV parsing for large files: bytes are decoded a few MB at a time
// (TextDecoder with stream: true carries a UTF-8 sequence cut by a chunk
// edge), whole rows are parsed, and the tail (a partial row, possibly inside
// a quoted field) is carried into the next chunk. Between chunks it reports
// progress, yields to the event loop (so a cancel message can arrive in a
// worker) and checks the abort signal.
//
// Memory: the full text is never one string. The fields are slices of the
// chunk strings, so at peak the decoded text is held about once (plus the
// input bytes), not the bytes + the whole text + its slices as with decodeText.
// The result is the one-shot parser's: both feed the same CsvColumns; the
// delimiter is sniffed from the first `sampleChars` of text (1 MB by default,
// the whole file when smaller) — the same answer as the one-shot sniff unless
// the first 20 rows are longer than the sample.
import { checkAborted } from '../core/errors.ts';
import { CsvColumns, resolveDelimiter, type CsvOptions, type ParsedCsv } from './csv.ts';

export interface CsvStreamOptions extends CsvOptions {
  /** Bytes decoded per chunk (default 4 MB). */
  chunkBytes?: number;
  /** Characters to collect before sniffing the delimiter (default 1 M). */
  sampleChars?: number;
}

export const DEFAULT_CHUNK_BYTES = 4 * 1024 * 1024;

const yieldToLoop = () => new Promise<void>((resolve) => setTimeout(() => resolve(), 0));

export async function parseCsvBytes(bytes: Uint8Array, options: CsvStreamOptions = {}): Promise<ParsedCsv> {
  const chunkBytes = Math.max(1, options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
  const sampleChars = options.sampleChars ?? 1 << 20;
  const decoder = new TextDecoder('utf-8'); // drops a leading BOM itself
  // Progress is reported per chunk here, not from inside the scan.
  const scanOptions: CsvOptions = { ...options, onProgress: undefined };
  let acc: CsvColumns | undefined;
  let pending = '';
  for (let at = 0; at < bytes.length || acc === undefined; at += chunkBytes) {
    const end = Math.min(bytes.length, at + chunkBytes);
    const final = end >= bytes.length;
    pending += decoder.decode(bytes.subarray(at, end), { stream: !final });
    if (!acc) {
      if (!final && pending.length < sampleChars) continue;
      acc = new CsvColumns(resolveDelimiter(pending, options.delimiter), scanOptions);
    }
    const used = acc.push(pending, final);
    pending = used === 0 ? pending : pending.slice(used);
    options.onProgress?.(bytes.length ? end / bytes.length : 1);
    if (final) break;
    await yieldToLoop();
    checkAborted(options.signal);
  }
  return (acc ?? new CsvColumns(',', scanOptions)).finish();
}
