// A small ZIP reader for a model a student downloaded and uploads again:
// entries stored (what zip.ts writes) or deflated (what an archiver makes
// when the student re-zips the folder), found through the central directory
// and checked against their CRC-32. Deflate comes from hyparquet-compressors'
// inflater (adapted from fflate), which the Parquet reader already ships.
import { decompressGzip } from 'hyparquet-compressors';
import { crc32 } from './zip.ts';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_RECORD = 0x06054b50;

/** True when the bytes start like a ZIP archive (a local header, or the end record of an empty one). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  if (bytes.length < 22) return false;
  const sig = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true);
  return sig === LOCAL_HEADER || sig === END_RECORD;
}

/** Every file entry of the archive by its full name (folders left out). Throws with what is wrong. */
export function readZip(bytes: Uint8Array): Map<string, Uint8Array> {
  if (!looksLikeZip(bytes)) throw new Error('it is not a ZIP archive');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record sits in the last 22 bytes plus at most a 65,535-byte comment.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === END_RECORD) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('the ZIP archive is cut short (no end record)');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const names = new TextDecoder();
  const files = new Map<string, Uint8Array>();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_HEADER) throw new Error('the ZIP archive\'s directory is damaged');
    const method = view.getUint16(at + 10, true);
    const crc = view.getUint32(at + 16, true);
    const packed = view.getUint32(at + 20, true);
    const size = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + skip;
    if (name.endsWith('/')) continue;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== LOCAL_HEADER) throw new Error(`the ZIP entry "${name}" is damaged`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (start + packed > bytes.length) throw new Error(`the ZIP entry "${name}" is cut short`);
    const raw = bytes.subarray(start, start + packed);
    let data: Uint8Array;
    if (method === 0) data = raw.slice();
    else if (method === 8) {
      // The inflater expects room for a gzip trailer after the stream; eight zero bytes are never read as data.
      const padded = new Uint8Array(raw.length + 8);
      padded.set(raw);
      data = size === 0 ? new Uint8Array(0) : decompressGzip(padded, size);
    } else throw new Error(`the ZIP entry "${name}" uses compression method ${method}; only stored and deflated entries can be read`);
    if (data.length !== size || crc32(data) !== crc) throw new Error(`the ZIP entry "${name}" is corrupt (its size or CRC-32 does not match)`);
    files.set(name, data);
  }
  return files;
}
