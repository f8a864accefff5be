// Tables out as Parquet (src/export/parquet.ts): written with
// hyparquet-writer, read back identical by hyparquet (directly, and through
// the load cell's own Parquet reader). Debian has no pyarrow or fastparquet
// for pandas to read Parquet with, so hyparquet is the independent reader here.
import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { parquetReadObjects } from 'hyparquet';
import { tableToParquet } from '../../src/export/parquet.ts';
import { parseParquet } from '../../src/data/binary/parquet.ts';
import { seededRandom } from '../../src/core/random.ts';

function sample(n: number) {
  const r = seededRandom(7);
  const edge = [0, -0, 1, -1, 2 ** 53, -(2 ** 53), 1e308, 5e-324, 0.1 + 0.2, Math.PI];
  return aq.table({
    x: Array.from({ length: n }, (_, i) => (i < edge.length ? edge[i] : i % 13 === 0 ? null : (r() - 0.5) * 1e6)),
    count: Array.from({ length: n }, (_, i) => (i % 29 === 0 ? null : Math.floor(r() * 1000))),
    city: Array.from({ length: n }, (_, i) => (i % 17 === 0 ? null : ['Seoul', '서울', 'Busan "port"', 'a,b\nc', ''][i % 5])),
    ok: Array.from({ length: n }, (_, i) => (i % 19 === 0 ? null : r() < 0.5)),
    when: Array.from({ length: n }, (_, i) => (i % 23 === 0 ? null : new Date(Date.UTC(2024, 0, 1) + Math.floor(r() * 1e10)))),
    mixed: Array.from({ length: n }, (_, i) => (i % 2 ? 'text' : i)),
  });
}

describe('tableToParquet', () => {
  const table = sample(5000);
  const bytes = tableToParquet(table);

  it('writes a Parquet file that hyparquet reads back value for value', async () => {
    expect(new TextDecoder().decode(bytes.slice(0, 4))).toBe('PAR1');
    const rows = await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer });
    expect(rows.length).toBe(5000);
    const objects = table.objects() as Record<string, unknown>[];
    rows.forEach((row, i) => {
      const want = objects[i];
      expect(Object.is(row.x, want.x) || (row.x === null && want.x === null), `row ${i} x: ${row.x} vs ${want.x}`).toBe(true);
      expect(row.count).toBe(want.count);
      expect(row.city).toBe(want.city);
      expect(row.ok).toBe(want.ok);
      expect(row.when === null ? null : (row.when as Date).getTime()).toBe(want.when === null ? null : (want.when as Date).getTime());
      expect(row.mixed).toBe(String(want.mixed));
    });
  });

  it('loads back into the same table through the load cell\'s reader', async () => {
    const back = await parseParquet(bytes);
    expect(back.columnNames()).toEqual(table.columnNames());
    expect(back.numRows()).toBe(table.numRows());
    for (const name of ['x', 'count', 'city', 'ok']) expect(Array.from(back.array(name) as ArrayLike<unknown>)).toEqual(Array.from(table.array(name) as ArrayLike<unknown>));
  });
});
