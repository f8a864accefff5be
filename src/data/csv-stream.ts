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
  return (await scanCsvBytes(bytes, options, (delimiter, scanOptions) => new CsvColumns(delimiter, scanOptions))).finish();
}

/** parseCsvBytes with the rows kept by `make`'s accumulator (strings, or typed columns: ./csv-typed.ts); returns it unfinished. */
export async function scanCsvBytes<T extends CsvColumns>(bytes: Uint8Array, options: CsvStreamOptions, make: (delimiter: string, options: CsvOptions) => T): Promise<T> {
  const chunkBytes = Math.max(1, options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
  const sampleChars = options.sampleChars ?? 1 << 20;
  const decoder = new TextDecoder('utf-8'); // drops a leading BOM itself
  // Progress is reported per chunk here, not from inside the scan.
  const scanOptions: CsvOptions = { ...options, onProgress: undefined };
  let acc: T | undefined;
  let pending = '';
  for (let at = 0; at < bytes.length || acc === undefined; at += chunkBytes) {
    const end = Math.min(bytes.length, at + chunkBytes);
    const final = end >= bytes.length;
    pending += decoder.decode(bytes.subarray(at, end), { stream: !final });
    if (!acc) {
      if (!final && pending.length < sampleChars) continue;
      acc = make(resolveDelimiter(pending, options.delimiter), scanOptions);
    }
    const used = acc.push(pending, final);
    pending = used === 0 ? pending : pending.slice(used);
    options.onProgress?.(bytes.length ? end / bytes.length : 1);
    if (final) break;
    await yieldToLoop();
    checkAborted(options.signal);
  }
  return acc ?? make(',', scanOptions);
}

export interface CsvChunksOptions extends CsvStreamOptions {
  /** Total size in bytes when known (a Blob's size), for progress fractions. */
  totalBytes?: number;
}

/**
 * The same parse over bytes that arrive in pieces (a Blob's stream(), a
 * fetch body): the whole file is never one byte array nor one string. Small
 * pieces (Blob streams give ~64 KB) are decoded and gathered until
 * `chunkBytes` characters are waiting, then the whole rows among them are
 * scanned; between scans it reports progress (when `totalBytes` is given),
 * yields to the event loop and checks the abort signal. Same result as
 * parseCsv on the concatenated bytes (property-tested).
 */
export async function parseCsvChunks(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: CsvChunksOptions = {}): Promise<ParsedCsv> {
  return (await scanCsvChunks(chunks, options, (delimiter, scanOptions) => new CsvColumns(delimiter, scanOptions))).finish();
}

/** parseCsvChunks with the rows kept by `make`'s accumulator (strings, or typed columns: ./csv-typed.ts); returns it unfinished. */
export async function scanCsvChunks<T extends CsvColumns>(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, options: CsvChunksOptions, make: (delimiter: string, options: CsvOptions) => T): Promise<T> {
  const batchChars = Math.max(1, options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
  const sampleChars = options.sampleChars ?? 1 << 20;
  const decoder = new TextDecoder('utf-8');
  const scanOptions: CsvOptions = { ...options, onProgress: undefined };
  const total = options.totalBytes;
  let acc: T | undefined;
  let pending = '';
  let seen = 0;
  const scan = async (final: boolean): Promise<void> => {
    if (!acc) {
      if (!final && pending.length < sampleChars) return;
      acc = make(resolveDelimiter(pending, options.delimiter), scanOptions);
    }
    const used = acc.push(pending, final);
    pending = used === 0 ? pending : pending.slice(used);
    if (total) options.onProgress?.(Math.min(1, seen / total));
    if (final) return;
    await yieldToLoop();
    checkAborted(options.signal);
  };
  // One piece of look-ahead, so that the last piece is decoded and scanned as final.
  const it = Symbol.asyncIterator in chunks ? chunks[Symbol.asyncIterator]() : chunks[Symbol.iterator]();
  let next = await it.next();
  while (!next.done) {
    const chunk = next.value;
    checkAborted(options.signal);
    next = await it.next();
    const final = next.done === true;
    seen += chunk.length;
    pending += decoder.decode(chunk, { stream: !final });
    if (final || pending.length >= batchChars) await scan(final);
  }
  if (!acc) await scan(true); // no pieces at all
  options.onProgress?.(1);
  return acc!;
}
