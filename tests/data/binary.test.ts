// Parquet and Arrow IPC loading. No pyarrow/fastparquet exists on this
// machine's Debian python, so the Parquet files are written here with
// hyparquet-writer (a devDependency): real Parquet files (PAR1, Thrift
// footer, SNAPPY pages), read back by hyparquet as any other file would be.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as aq from 'arquero';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { loadBytesAsync, detectBinaryFormat } from '../../src/data/load.ts';
import { normalizeColumn } from '../../src/data/binary/values.ts';
import { CellError } from '../../src/core/errors.ts';

function smallParquet(): Uint8Array {
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: 'id', data: [1n, 2n, 3n, 4n], type: 'INT64' },
      { name: 'x', data: [1.5, null, -2, 0.25], type: 'DOUBLE' },
      { name: 'city', data: ['Seoul', 'Busan', null, 'Seoul'], type: 'STRING' },
      { name: 'ok', data: [true, false, true, null], type: 'BOOLEAN' },
      { name: 'when', data: [new Date('2024-01-01T00:00:00Z'), new Date('2024-01-02T12:00:00Z'), null, new Date('2024-03-01T00:00:00Z')], type: 'TIMESTAMP' },
      { name: 'big', data: [1n, 9007199254740993n, 3n, null], type: 'INT64' },
    ],
    rowGroupSize: 2,
  });
  return new Uint8Array(buffer);
}

async function cellError(p: Promise<unknown>): Promise<CellError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(CellError);
    return e as CellError;
  }
  throw new Error('expected a CellError');
}

describe('Parquet', () => {
  it('reads typed columns across row groups; safe INT64 → number, unsafe → string', async () => {
    const { table, format } = await loadBytesAsync(smallParquet(), { fileName: 'small.parquet' });
    expect(format).toBe('parquet');
    expect(table.columnNames()).toEqual(['id', 'x', 'city', 'ok', 'when', 'big']);
    expect(table.array('id')).toEqual([1, 2, 3, 4]);
    expect(table.array('x')).toEqual([1.5, null, -2, 0.25]);
    expect(table.array('city')).toEqual(['Seoul', 'Busan', null, 'Seoul']);
    expect(table.array('ok')).toEqual([true, false, true, null]);
    const when = table.array('when') as unknown as (Date | null)[];
    expect(when[1]?.toISOString()).toBe('2024-01-02T12:00:00.000Z');
    expect(when[2]).toBeNull();
    expect(table.array('big')).toEqual(['1', '9007199254740993', '3', null]);
  });

  it('is detected by its magic bytes without an extension', async () => {
    const bytes = smallParquet();
    expect(detectBinaryFormat('upload', bytes)).toBe('parquet');
    expect((await loadBytesAsync(bytes, { fileName: 'upload' })).table.numRows()).toBe(4);
  });

  it('says a truncated file is truncated', async () => {
    const bytes = smallParquet();
    for (const cut of [bytes.length - 1, bytes.length - 20, Math.floor(bytes.length / 2), 10]) {
      const e = await cellError(loadBytesAsync(bytes.slice(0, cut), { fileName: 'cut.parquet' }));
      expect(e.message).toMatch(/truncated/);
    }
  });

  it('says a file that is not Parquet is not Parquet, and a 0-byte file is empty', async () => {
    const e = await cellError(loadBytesAsync(new TextEncoder().encode('a,b\n1,2\n'), { fileName: 'x.parquet' }));
    expect(e.message).toMatch(/not Parquet/);
    expect((await cellError(loadBytesAsync(new Uint8Array(0), { fileName: 'x.parquet' }))).message).toMatch(/empty/);
    expect((await cellError(loadBytesAsync(new Uint8Array(0), { fileName: 'x.csv' }))).message).toMatch(/empty/);
  });

  it('applies forced types to the named columns only', async () => {
    const { table } = await loadBytesAsync(smallParquet(), { fileName: 'small.parquet', types: { id: 'string' } });
    expect(table.array('id')).toEqual(['1', '2', '3', '4']);
    expect(table.array('x')).toEqual([1.5, null, -2, 0.25]);
  });
});

describe('Arrow IPC', () => {
  it('round-trips a table written by arquero, detected by ARROW1 and by extension', async () => {
    const t = aq.table({ a: [1, 2, null], s: ['x', null, 'z'], d: [new Date('2020-01-01T00:00:00Z'), null, new Date('2021-06-01T00:00:00Z')] });
    const bytes = aq.toArrowIPC(t, { format: 'file' });
    expect(detectBinaryFormat(undefined, bytes)).toBe('arrow');
    const { table, format } = await loadBytesAsync(bytes, { fileName: 'x.arrow' });
    expect(format).toBe('arrow');
    expect(table.array('a')).toEqual([1, 2, null]);
    expect(table.array('s')).toEqual(['x', null, 'z']);
    expect((table.array('d') as unknown as (Date | null)[])[2]?.toISOString()).toBe('2021-06-01T00:00:00.000Z');
    const stream = aq.toArrowIPC(t, { format: 'stream' });
    expect((await loadBytesAsync(stream, { fileName: 'x.feather' })).table.numRows()).toBe(3);
  });

  it('reads vega-datasets flights-200k.arrow', async () => {
    const bytes = new Uint8Array(readFileSync('node_modules/vega-datasets/data/flights-200k.arrow'));
    const { table } = await loadBytesAsync(bytes, { fileName: 'flights-200k.arrow' });
    expect(table.numRows()).toBe(200000);
    expect(table.columnNames().length).toBeGreaterThan(2);
  });

  it('reports a corrupt Arrow file', async () => {
    const bytes = aq.toArrowIPC(aq.table({ a: [1, 2, 3] }), { format: 'file' });
    await cellError(loadBytesAsync(bytes.slice(0, 20), { fileName: 'x.arrow' }));
  });
});

describe('normalizeColumn', () => {
  it('makes NaN and undefined null and keeps a column one type', () => {
    expect(normalizeColumn([1, NaN, undefined])).toEqual([1, null, null]);
    expect(normalizeColumn(BigInt64Array.from([1n, -5n]))).toEqual([1, -5]);
    expect(normalizeColumn([2n ** 60n, 1])).toEqual(['1152921504606846976', '1']);
  });
});
