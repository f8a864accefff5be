// A stable fingerprint of a table's schema and content, so a run record
// says exactly which data a model was trained on and two runs on the same
// data can be recognised. FNV-1a 64 over a canonical byte encoding:
//   per column: name, NUL, type, NUL            (the schema)
//   then column by column, every value as
//     missing (null, undefined, NaN)  0x00
//     number                          0x01 + float64 little-endian
//     string                          0x02 + uint32 LE byte length + UTF-8
//     boolean                         0x03 + 0x00 | 0x01
//     Date                            0x04 + float64 LE of getTime()
// Not cryptographic: it detects changes, it does not resist forgery.
import type { ColumnTable } from 'arquero';
import { columnType } from '../data/preview.ts';

const CHUNK = 1 << 16;

export interface DataFingerprint {
  /** 16 hex digits of FNV-1a 64. */
  hash: string;
  rows: number;
  columns: number;
}

/**
 * FNV-1a 64 on four 16-bit limbs: JavaScript numbers cannot hold a 64-bit
 * product, and BigInt per byte is an order of magnitude slower.
 */
export class Fnv1a64 {
  // Offset basis 0xcbf29ce484222325, least significant limb first.
  private h0 = 0x2325;
  private h1 = 0x8422;
  private h2 = 0x9ce4;
  private h3 = 0xcbf2;
  // Bytes are queued in a chunk and hashed in one tight loop (flush), which
  // is several times faster than a method call per byte; the hash is the same.
  private readonly chunk = new Uint8Array(CHUNK);
  private len = 0;
  private readonly scratch = new DataView(new ArrayBuffer(8));
  private readonly scratchBytes = new Uint8Array(this.scratch.buffer);
  private readonly encoder = new TextEncoder();

  byte(b: number): void {
    if (this.len === CHUNK) this.flush();
    this.chunk[this.len++] = b;
  }

  bytes(data: ArrayLike<number>): void {
    for (let i = 0; i < data.length; i++) {
      if (this.len === CHUNK) this.flush();
      this.chunk[this.len++] = data[i];
    }
  }

  string(s: string): void {
    this.bytes(this.encoder.encode(s));
  }

  float64(x: number): void {
    this.scratch.setFloat64(0, x, true);
    if (this.len > CHUNK - 8) this.flush();
    this.chunk.set(this.scratchBytes, this.len);
    this.len += 8;
  }

  uint32(x: number): void {
    this.scratch.setUint32(0, x >>> 0, true);
    if (this.len > CHUNK - 4) this.flush();
    for (let i = 0; i < 4; i++) this.chunk[this.len++] = this.scratchBytes[i];
  }

  /** Hash the queued bytes. */
  private flush(): void {
    let { h0, h1, h2, h3 } = this;
    const chunk = this.chunk;
    for (let i = 0, n = this.len; i < n; i++) {
      const x0 = h0 ^ chunk[i];
      // h * 0x100000001b3 = h * 0x1b3 + (h << 40), modulo 2^64.
      const t0 = x0 * 0x1b3;
      const t1 = h1 * 0x1b3 + (t0 >>> 16);
      const t2 = h2 * 0x1b3 + (t1 >>> 16) + ((x0 << 8) & 0xffff);
      const t3 = h3 * 0x1b3 + (t2 >>> 16) + (((x0 >>> 8) | (h1 << 8)) & 0xffff);
      h0 = t0 & 0xffff;
      h1 = t1 & 0xffff;
      h2 = t2 & 0xffff;
      h3 = t3 & 0xffff;
    }
    this.h0 = h0;
    this.h1 = h1;
    this.h2 = h2;
    this.h3 = h3;
    this.len = 0;
  }

  hex(): string {
    this.flush();
    return [this.h3, this.h2, this.h1, this.h0].map((l) => l.toString(16).padStart(4, '0')).join('');
  }
}

/** FNV-1a 64 of a string's UTF-8 bytes, as 16 hex digits. */
export function fnv1a64(text: string): string {
  const h = new Fnv1a64();
  h.string(text);
  return h.hex();
}

function hashValue(h: Fnv1a64, encoder: TextEncoder, v: unknown): void {
  if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) return h.byte(0);
  if (typeof v === 'number') {
    h.byte(1);
    return h.float64(v);
  }
  if (typeof v === 'boolean') {
    h.byte(3);
    return h.byte(v ? 1 : 0);
  }
  if (v instanceof Date) {
    h.byte(4);
    return h.float64(v.getTime());
  }
  const bytes = encoder.encode(typeof v === 'bigint' ? v.toString() : String(v));
  h.byte(2);
  h.uint32(bytes.length);
  h.bytes(bytes);
}

/** A column as the hash reads it: values by position, so no copy of the table is made. */
export interface HashColumn {
  name: string;
  type: string;
  length: number;
  at(i: number): unknown;
}

/** Hash of explicit columns (schema, then values column by column); fingerprintTable's core. */
export function fingerprintColumns(columns: readonly HashColumn[]): string {
  const h = new Fnv1a64();
  const encoder = new TextEncoder();
  for (const c of columns) {
    h.string(c.name);
    h.byte(0);
    h.string(c.type);
    h.byte(0);
  }
  for (const c of columns) for (let i = 0; i < c.length; i++) hashValue(h, encoder, c.at(i));
  return h.hex();
}

/** The fingerprint of a table in its current row order (filters and orderby respected). */
export function fingerprintTable(table: ColumnTable): DataFingerprint {
  const names = table.columnNames();
  // An unfiltered, unordered table reads rows in storage order; arrays (plain or typed) by index, not at().
  const identity = !table.isFiltered() && !table.isOrdered();
  const indices = identity ? undefined : table.indices();
  const rows = table.numRows();
  const columns = names.map((name): HashColumn => {
    const column = table.column(name)!;
    const raw = Array.isArray(column) || (ArrayBuffer.isView(column) && !(column instanceof DataView)) ? (column as unknown as ArrayLike<unknown>) : undefined;
    const at = raw
      ? (indices ? (i: number) => raw[indices[i]] : (i: number) => raw[i])
      : (indices ? (i: number) => column.at(indices[i]) : (i: number) => column.at(i));
    return { name, type: columnType(table, name), length: rows, at };
  });
  return { hash: fingerprintColumns(columns), rows: table.numRows(), columns: names.length };
}
