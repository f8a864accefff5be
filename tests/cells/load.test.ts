import { describe, expect, it } from 'vitest';
import { loadCell, loadSchema } from '../../src/cells/load.ts';
import { testContext } from '../helpers/context.ts';
import { CellError } from '../../src/core/errors.ts';
import type { TableOutput } from '../../src/core/outputs.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

async function errorOf(p: Promise<unknown>): Promise<CellError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(CellError);
    return e as CellError;
  }
  throw new Error('expected a CellError');
}

describe('load cell', () => {
  it('has full defaults and declares what it writes', () => {
    const p = loadSchema.parse({});
    expect(p).toEqual({
      source: { type: 'dataset', name: 'penguins' },
      format: 'auto',
      delimiter: 'auto',
      header: true,
      ragged: 'error',
      missing: ['', 'NA', 'N/A', 'null', 'NaN'],
      types: {},
      output: 'data',
    });
    expect(loadCell.reads(p)).toEqual([]);
    expect(loadCell.writes(p)).toEqual(['data']);
    expect(loadCell.render(p)).toBe('// load penguins (dataset) → data');
    expect(loadCell.render(loadSchema.parse({ delimiter: ';', types: { y: 'string' } }))).toBe('// load penguins (dataset) → data\n// delimiter ";"\n// y: string');
  });

  it('loads a bundled JSON dataset through the host', async () => {
    const ctx = testContext({}, {
      listDatasets: () => [{ name: 'tiny', file: 'tiny.json', description: '' }],
      readDataset: async (name) => {
        expect(name).toBe('tiny');
        return bytes('[{"x": 1, "s": "a"}, {"x": 2.5, "s": null}]');
      },
    });
    const out = await loadCell.run(loadSchema.parse({ source: { type: 'dataset', name: 'tiny' } }), ctx);
    const preview = out[0] as TableOutput;
    expect(preview.rowCount).toBe(2);
    expect(preview.columns).toEqual([{ name: 'x', type: 'number' }, { name: 's', type: 'string' }]);
    const v = ctx.get('data');
    expect(v?.type).toBe('table');
    expect(ctx.table('data').array('x')).toEqual([1, 2.5]);
  });

  it('loads an uploaded semicolon CSV, with missing tokens and type overrides, reporting progress', async () => {
    const ctx = testContext({}, { readUserFile: async () => bytes('\ufeffid;zip;y\r\n1;02134;unknown\r\n2;10001;yes\r\n') });
    const params = loadSchema.parse({
      source: { type: 'file', fileId: 'f1', fileName: 'bank.csv' },
      missing: ['', 'NA', 'unknown'],
      types: { zip: 'string' },
      output: 'bank',
    });
    await loadCell.run(params, ctx);
    const t = ctx.table('bank');
    expect(t.columnNames()).toEqual(['id', 'zip', 'y']);
    expect(t.array('zip')).toEqual(['02134', '10001']);
    expect(t.array('y')).toEqual([null, 'yes']);
    expect(ctx.progressEvents.filter((e) => e.phase === 'parse').at(-1)).toEqual({ phase: 'parse', fraction: 1 });
  });

  it('fetches same-origin URLs and emits a note when it unwraps a re-saved CSV', async () => {
    const ctx = testContext({}, { fetchSameOrigin: async () => bytes('"a,b"\n"1,2"\n') });
    await loadCell.run(loadSchema.parse({ source: { type: 'url', url: '/data/x.csv' } }), ctx);
    expect(ctx.table('data').array('b')).toEqual([2]);
    expect(ctx.emitted[0]).toMatchObject({ type: 'text', text: expect.stringMatching(/re-saved/) as unknown, ko: expect.stringMatching(/다시 저장한 CSV/) as unknown });
  });

  it('says a padded ragged row in English and Korean', async () => {
    const ctx = testContext({}, { readUserFile: async () => bytes('a,b\n1,2\n3\n') });
    await loadCell.run(loadSchema.parse({ source: { type: 'file', fileId: 'x', fileName: 'x.csv' }, ragged: 'pad' }), ctx);
    expect(ctx.table('data').array('b')).toEqual([2, null]);
    expect(ctx.emitted).toEqual([{ type: 'text', text: '1 row had a different number of fields than the header and was padded or cut.', ko: '필드 수가 헤더와 다른 행 1개는 빈 값을 채우거나 잘라 맞췄어요.' }]);
  });

  it('turns parse and host failures into located CellErrors', async () => {
    const ragged = testContext({}, { readUserFile: async () => bytes('a,b\n1,2\n3\n') });
    const e = await errorOf(loadCell.run(loadSchema.parse({ source: { type: 'file', fileId: 'x', fileName: 'x.csv' } }), ragged));
    expect(e.where).toBe('line 3, column 2');
    const empty = testContext({}, { readUserFile: async () => new Uint8Array(0) });
    expect((await errorOf(loadCell.run(loadSchema.parse({ source: { type: 'file', fileId: 'x', fileName: 'x.csv' } }), empty))).message).toMatch(/empty/);
    const missing = await errorOf(loadCell.run(loadSchema.parse({ source: { type: 'dataset', name: 'nope' } }), testContext()));
    expect(missing.where).toBe('params.source.name');
    expect(missing.message).toMatch(/nope/);
  });
});

describe('load cell: binary formats and large CSV', () => {
  it('loads an uploaded Parquet file and says a truncated one is truncated', async () => {
    const { parquetWriteBuffer } = await import('hyparquet-writer');
    const file = new Uint8Array(parquetWriteBuffer({ columnData: [{ name: 'n', data: [1n, 2n], type: 'INT64' }, { name: 's', data: ['a', 'b'], type: 'STRING' }] }));
    const ctx = testContext({}, { readUserFile: async (id) => (id === 'cut' ? file.slice(0, file.length - 9) : file) });
    const p = loadSchema.parse({ source: { type: 'file', fileId: 'f', fileName: 'data.parquet' } });
    const [preview] = (await loadCell.run(p, ctx)) as TableOutput[];
    expect(preview.rows).toEqual([{ n: 1, s: 'a' }, { n: 2, s: 'b' }]);
    const e = await errorOf(loadCell.run(loadSchema.parse({ source: { type: 'file', fileId: 'cut', fileName: 'data.parquet' } }), ctx));
    expect(e.message).toMatch(/truncated/);
  });

  it('reports parse progress per chunk for a CSV larger than one chunk', async () => {
    const text = 'a,b\n' + Array.from({ length: 400_000 }, (_, i) => `${i},${i % 7}`).join('\n');
    const ctx = testContext({}, { readUserFile: async () => bytes(text) });
    await loadCell.run(loadSchema.parse({ source: { type: 'file', fileId: 'f', fileName: 'big.csv' } }), ctx);
    const fractions = ctx.progressEvents.filter((e) => e.phase === 'parse').map((e) => e.fraction);
    expect(fractions.length).toBeGreaterThan(2);
    expect(ctx.table('data').numRows()).toBe(400_000);
  });
});

describe('load cell: streamed uploads', () => {
  /** A fake browser host: the upload as pieces of `size` bytes (like Blob.stream()), readUserFile refused. */
  function streamingHost(file: Uint8Array, size: number, failAt?: number) {
    const reads: string[] = [];
    return {
      reads,
      host: {
        readUserFile: async (): Promise<Uint8Array> => {
          throw new Error('the whole-bytes path should not be used');
        },
        readUserFileStream: async (id: string) => {
          reads.push(id);
          async function* chunks(): AsyncGenerator<Uint8Array> {
            for (let at = 0; at < file.length; at += size) {
              if (failAt !== undefined && at >= failAt) throw new Error('NotReadableError: the file changed on disk');
              yield file.slice(at, at + size);
            }
          }
          return { chunks: chunks(), size: file.length };
        },
      },
    };
  }

  it('parses a streamed CSV upload as it arrives, with progress, same table as the bytes path', async () => {
    const text = 'id,x,day,flag,g\n' + Array.from({ length: 60_000 }, (_, i) => `${i},${(i / 8).toFixed(3)},2024-03-${String(1 + (i % 28)).padStart(2, '0')},${i % 3 === 0},"g, ${i % 5}"`).join('\n');
    const file = bytes(text);
    const { host, reads } = streamingHost(file, 65_536);
    const ctx = testContext({}, host);
    const p = loadSchema.parse({ source: { type: 'file', fileId: 'up-1', fileName: 'big.csv' } });
    await loadCell.run(p, ctx);
    expect(reads).toEqual(['up-1']);
    const fractions = ctx.progressEvents.filter((e) => e.phase === 'parse').map((e) => e.fraction ?? 0);
    expect(fractions.length).toBeGreaterThan(2);
    expect(fractions.at(-1)).toBe(1);
    const whole = testContext({}, { readUserFile: async () => file });
    await loadCell.run(p, whole);
    expect(ctx.table('data').objects()).toEqual(whole.table('data').objects());
    expect(ctx.table('data').numRows()).toBe(60_000);
  });

  it('types a streamed CSV upload as it reads (one read), and reads it once more when a late value turns a column to text', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `${i},${(i / 4).toFixed(2)},2024-05-${String(1 + (i % 30)).padStart(2, '0')}`);
    const clean = bytes(['id,x,day', ...rows].join('\n'));
    const typed = streamingHost(clean, 65_536);
    const ctx = testContext({}, typed.host);
    await loadCell.run(loadSchema.parse({ source: { type: 'file', fileId: 'clean', fileName: 'clean.csv' } }), ctx);
    expect(typed.reads).toEqual(['clean']);
    // The last row's x is text: x turns to a text column, which only the string path can give (its earlier fields were never kept).
    const late = bytes(['id,x,day', ...rows, '30000,n/a,2024-06-01'].join('\n'));
    const reread = streamingHost(late, 65_536);
    const lctx = testContext({}, reread.host);
    await loadCell.run(loadSchema.parse({ source: { type: 'file', fileId: 'late', fileName: 'late.csv' } }), lctx);
    expect(reread.reads).toEqual(['late', 'late']);
    const whole = testContext({}, { readUserFile: async () => late });
    await loadCell.run(loadSchema.parse({ source: { type: 'file', fileId: 'late', fileName: 'late.csv' } }), whole);
    expect(lctx.table('data').objects()).toEqual(whole.table('data').objects());
    expect(lctx.table('data').get('x', 0)).toBe('0.00');
  });

  it('streams JSON and Parquet uploads too (gathered whole) and reports a failed read as a read error', async () => {
    const json = streamingHost(bytes('[{"a": 1}, {"a": 2}]'), 4);
    const ctx = testContext({}, json.host);
    await loadCell.run(loadSchema.parse({ source: { type: 'file', fileId: 'j', fileName: 'x.json' } }), ctx);
    expect(ctx.table('data').objects()).toEqual([{ a: 1 }, { a: 2 }]);
    const { parquetWriteBuffer } = await import('hyparquet-writer');
    const pq = new Uint8Array(parquetWriteBuffer({ columnData: [{ name: 'n', data: [1n, 2n], type: 'INT64' }] }));
    const pctx = testContext({}, streamingHost(pq, 5).host);
    const [preview] = (await loadCell.run(loadSchema.parse({ source: { type: 'file', fileId: 'p', fileName: 'blob' } }), pctx)) as TableOutput[];
    expect(preview.rows).toEqual([{ n: 1 }, { n: 2 }]);
    const broken = testContext({}, streamingHost(bytes('a,b\n' + '1,2\n'.repeat(50_000)), 65_536, 100_000).host);
    const e = await errorOf(loadCell.run(loadSchema.parse({ source: { type: 'file', fileId: 'b', fileName: 'b.csv' } }), broken));
    expect(e.message).toMatch(/Could not read b\.csv \(file\): NotReadableError/);
    expect(e.where).toBe('params.source.fileId');
  });
});
