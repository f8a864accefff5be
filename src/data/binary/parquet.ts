// Parquet → Arquero table with hyparquet (pure JS). hyparquet decodes
// UNCOMPRESSED and SNAPPY itself; hyparquet-compressors adds GZIP, BROTLI,
// LZ4 and ZSTD. Columns are read column-chunk by column-chunk (onChunk), so
// no per-row objects are built for a million-row file, and one row group at
// a time, so progress and cancel happen between row groups.
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { parquetMetadata, parquetRead, parquetSchema, type FileMetaData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { CellError, checkAborted } from '../../core/errors.ts';
import { normalizeColumn } from './values.ts';

export const PARQUET_MAGIC = 'PAR1';

function startsWith(bytes: Uint8Array, magic: string, at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[at + i] !== magic.charCodeAt(i)) return false;
  return true;
}

export function looksLikeParquet(bytes: Uint8Array): boolean {
  return startsWith(bytes, PARQUET_MAGIC);
}

/** Copy into an ArrayBuffer of exactly the file (a Uint8Array may view a larger buffer). */
function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
  return bytes.slice().buffer as ArrayBuffer;
}

function readMetadata(buffer: ArrayBuffer, bytes: Uint8Array): FileMetaData {
  const head = looksLikeParquet(bytes);
  const tail = bytes.length >= 4 && startsWith(bytes, PARQUET_MAGIC, bytes.length - 4);
  if (!head) {
    throw CellError.coded('parquet.noMarker', {}, { where: 'params.source' });
  }
  if (!tail) {
    throw CellError.coded('parquet.noFooter', {}, { where: 'params.source' });
  }
  try {
    return parquetMetadata(buffer);
  } catch (error) {
    throw CellError.coded('parquet.corrupt', { detail: error instanceof Error ? error.message : String(error) }, { where: 'params.source', cause: error });
  }
}

export interface ParquetLoadOptions {
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
}

const yieldToLoop = () => new Promise<void>((resolve) => setTimeout(() => resolve(), 0));

/**
 * Row group by row group (one parquetRead over each group's rows): after
 * each group it reports progress (rows read / all rows), yields to the event
 * loop (so a cancel message can reach a worker) and checks the abort signal,
 * so a cancel stops the read once the group being decoded is done (a group
 * is decoded in one piece by hyparquet). Progress also moves per column
 * chunk inside a group. The columns are the ones a single read of the whole
 * file gives.
 */
export async function parseParquet(bytes: Uint8Array, options: ParquetLoadOptions = {}): Promise<ColumnTable> {
  if (bytes.length === 0) throw CellError.coded('file.emptyBytes', {}, { where: 'params.source' });
  const buffer = toArrayBuffer(bytes);
  const metadata = readMetadata(buffer, bytes);
  const names = parquetSchema(metadata).children.map((c) => c.element.name);
  const numRows = Number(metadata.num_rows);
  const chunks = new Map<string, { rowStart: number; data: ArrayLike<unknown> }[]>(names.map((n) => [n, []]));
  const totalCells = Math.max(1, numRows * names.length);
  let cells = 0;
  checkAborted(options.signal);
  let groupStart = 0;
  for (const group of metadata.row_groups) {
    const groupEnd = groupStart + Number(group.num_rows);
    if (groupEnd > groupStart) {
      try {
        await parquetRead({
          file: buffer,
          metadata,
          compressors,
          rowStart: groupStart,
          rowEnd: groupEnd,
          onChunk: ({ columnName, columnData, rowStart }) => {
            chunks.get(columnName)?.push({ rowStart, data: columnData });
            // Within a group (a file may have a single one): the share of its column chunks decoded.
            cells += columnData.length;
            options.onProgress?.(Math.min(1, cells / totalCells));
          },
        });
      } catch (error) {
        throw CellError.coded('parquet.corrupt', { detail: error instanceof Error ? error.message : String(error) }, { where: 'params.source', cause: error });
      }
      options.onProgress?.(numRows > 0 ? Math.min(1, groupEnd / numRows) : 1);
      await yieldToLoop();
      checkAborted(options.signal);
    }
    groupStart = groupEnd;
  }
  const columns: Record<string, unknown[]> = {};
  for (const name of names) {
    const parts = (chunks.get(name) ?? []).sort((a, b) => a.rowStart - b.rowStart);
    const all = new Array<unknown>(numRows).fill(null);
    for (const p of parts) for (let i = 0; i < p.data.length && p.rowStart + i < numRows; i++) all[p.rowStart + i] = p.data[i];
    columns[name] = normalizeColumn(all);
  }
  return aq.table(columns, names);
}
