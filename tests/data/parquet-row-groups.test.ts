// Parquet read row group by row group (src/data/binary/parquet.ts): the same
// table as the one-group file of the same data, progress at each group's end,
// and a cancel between groups stops the read there. Files are written with
// hyparquet-writer (no pyarrow on this machine's Debian python).
import { describe, expect, it } from 'vitest';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { parquetMetadata } from 'hyparquet';
import { parseParquet } from '../../src/data/binary/parquet.ts';
import { CancelledError } from '../../src/core/errors.ts';
import { rejection } from '../helpers/rejection.ts';

const ROWS = 10_000;
const GROUP = 1_000;

function file(rowGroupSize: number): Uint8Array {
  const id = Array.from({ length: ROWS }, (_, i) => BigInt(i) * 3n);
  const x = Array.from({ length: ROWS }, (_, i) => (i % 17 === 0 ? null : Math.sin(i) * 100));
  const city = Array.from({ length: ROWS }, (_, i) => (i % 11 === 0 ? null : ['Seoul', 'Busan', 'Daegu'][i % 3]));
  const ok = Array.from({ length: ROWS }, (_, i) => i % 5 === 0);
  const when = Array.from({ length: ROWS }, (_, i) => new Date(Date.UTC(2024, 0, 1) + i * 3_600_000));
  const bytes = parquetWriteBuffer({
    columnData: [
      { name: 'id', data: id, type: 'INT64' },
      { name: 'x', data: x, type: 'DOUBLE' },
      { name: 'city', data: city, type: 'STRING' },
      { name: 'ok', data: ok, type: 'BOOLEAN' },
      { name: 'when', data: when, type: 'TIMESTAMP' },
    ],
    rowGroupSize,
  });
  return new Uint8Array(bytes);
}

describe('Parquet row groups', () => {
  const grouped = file(GROUP);
  const single = file(ROWS);

  it('reads a ten-group file into the table of the one-group file, reporting each group', async () => {
    expect(parquetMetadata(grouped.slice().buffer).row_groups.map((g) => Number(g.num_rows))).toEqual(new Array(10).fill(GROUP));
    expect(parquetMetadata(single.slice().buffer).row_groups.length).toBe(1);
    const fractions: number[] = [];
    const table = await parseParquet(grouped, { onProgress: (f) => fractions.push(f) });
    const whole = await parseParquet(single);
    expect(table.columnNames()).toEqual(['id', 'x', 'city', 'ok', 'when']);
    expect(table.numRows()).toBe(ROWS);
    expect(table.objects()).toEqual(whole.objects());
    expect(table.array('id').slice(GROUP - 1, GROUP + 1)).toEqual([(GROUP - 1) * 3, GROUP * 3]);
    expect(table.array('x')[17 * 100]).toBeNull();
    for (let g = 1; g <= 10; g++) expect(fractions).toContain(g / 10);
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1])).toBe(true);
    expect(fractions.at(-1)).toBe(1);
  });

  it('stops between row groups when cancelled', async () => {
    const controller = new AbortController();
    const fractions: number[] = [];
    const e = await rejection(parseParquet(grouped, {
      signal: controller.signal,
      onProgress: (f) => {
        fractions.push(f);
        if (f >= 0.3) controller.abort();
      },
    }));
    expect(e).toBeInstanceOf(CancelledError);
    // The third group was decoded when the cancel came; no group after it was read.
    expect(Math.max(...fractions)).toBe(0.3);
  });
});
