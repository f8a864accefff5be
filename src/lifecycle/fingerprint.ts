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
  private readonly scratch = new DataView(new ArrayBuffer(8));
  private readonly encoder = new TextEncoder();

  byte(b: number): void {
    const x0 = this.h0 ^ (b & 0xff);
    const { h1, h2, h3 } = this;
    // h * 0x100000001b3 = h * 0x1b3 + (h << 40), modulo 2^64.
    let t0 = x0 * 0x1b3;
    let t1 = h1 * 0x1b3 + (t0 >>> 16);
    let t2 = h2 * 0x1b3 + (t1 >>> 16) + ((x0 << 8) & 0xffff);
    const t3 = h3 * 0x1b3 + (t2 >>> 16) + (((x0 >>> 8) | (h1 << 8)) & 0xffff);
    t0 &= 0xffff;
    t1 &= 0xffff;
    t2 &= 0xffff;
    this.h0 = t0;
    this.h1 = t1;
    this.h2 = t2;
    this.h3 = t3 & 0xffff;
  }

  bytes(data: ArrayLike<number>): void {
    for (let i = 0; i < data.length; i++) this.byte(data[i]);
  }

  string(s: string): void {
    this.bytes(this.encoder.encode(s));
  }

  float64(x: number): void {
    this.scratch.setFloat64(0, x, true);
    for (let i = 0; i < 8; i++) this.byte(this.scratch.getUint8(i));
  }

  uint32(x: number): void {
    this.scratch.setUint32(0, x >>> 0, true);
    for (let i = 0; i < 4; i++) this.byte(this.scratch.getUint8(i));
  }

  hex(): string {
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
  const indices = table.indices();
  const names = table.columnNames();
  const columns = names.map((name): HashColumn => {
    const column = table.column(name)!;
    return { name, type: columnType(table, name), length: indices.length, at: (i) => column.at(indices[i]) };
  });
  return { hash: fingerprintColumns(columns), rows: table.numRows(), columns: names.length };
}
