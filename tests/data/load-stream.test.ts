// Streaming loads: parseCsvChunks and loadStream must give the whole-bytes
// results wherever the pieces are cut, for every format.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCsv } from '../../src/data/csv.ts';
import { parseCsvChunks } from '../../src/data/csv-stream.ts';
import { loadBytesAsync, loadStream, loadText } from '../../src/data/load.ts';

type Outcome = { ok: true; value: unknown } | { ok: false; message: string; where?: string };

async function outcome(run: () => unknown): Promise<Outcome> {
  try {
    return { ok: true, value: await run() };
  } catch (e) {
    const err = e as { message: string; where?: string };
    return { ok: false, message: err.message, where: err.where };
  }
}

/** The bytes cut at the given sizes (cycled), as an async stream like a Blob's. */
async function* pieces(bytes: Uint8Array, sizes: number[]): AsyncGenerator<Uint8Array> {
  for (let at = 0, k = 0; at < bytes.length; k++) {
    const size = sizes[k % sizes.length];
    yield bytes.slice(at, at + size);
    at += size;
    await Promise.resolve();
  }
}

const piece = fc.constantFrom('a', 'b', '1', '2.5', ',', ';', '"', '""', '\n', '\r\n', '\r', ' ', 'é', '한', '😀', '\t');
const csvText = fc.array(piece, { maxLength: 80 }).map((p) => p.join(''));

describe('parseCsvChunks', () => {
  it('gives the one-shot result for random text in random pieces', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 20 }), fc.constantFrom(undefined, ',', ';'),
        async (text, sizes, batch, delimiter) => {
          const bytes = new TextEncoder().encode(text);
          const sized = sizes.map((s) => s + 1);
          const streamed = await outcome(() => parseCsvChunks(pieces(bytes, sized), { delimiter, ragged: 'pad', chunkBytes: batch, sampleChars: delimiter ? 0 : undefined }));
          const whole = await outcome(() => parseCsv(text, { delimiter, ragged: 'pad' }));
          expect(streamed).toEqual(whole);
        }),
      { numRuns: 600 },
    );
  });

  it('reports progress against totalBytes, takes sync iterables, and stops when aborted', async () => {
    const text = 'a,b\n' + Array.from({ length: 3000 }, (_, i) => `${i},"x\n${i}"`).join('\n');
    const bytes = new TextEncoder().encode(text);
    const fractions: number[] = [];
    const parsed = await parseCsvChunks(pieces(bytes, [700]), { chunkBytes: 2000, sampleChars: 0, totalBytes: bytes.length, onProgress: (f) => fractions.push(f) });
    expect(parsed).toEqual(parseCsv(text));
    expect(fractions.length).toBeGreaterThan(3);
    expect(fractions.at(-1)).toBe(1);
    expect([...fractions].sort((x, y) => x - y)).toEqual(fractions);
    expect(await parseCsvChunks([bytes.slice(0, 10), bytes.slice(10)])).toEqual(parseCsv(text));
    const controller = new AbortController();
    const run = parseCsvChunks(pieces(bytes, [700]), { chunkBytes: 2000, sampleChars: 0, totalBytes: bytes.length, signal: controller.signal, onProgress: (f) => f > 0.3 && controller.abort() });
    await expect(run).rejects.toThrow(/Stopped/);
  });
});

describe('loadStream', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  const same = async (bytes: Uint8Array, options: Parameters<typeof loadStream>[1], sizes = [3, 1, 7]) => {
    const whole = await outcome(async () => {
      const r = await loadBytesAsync(bytes, options);
      return { objects: r.table.objects(), names: r.table.columnNames(), format: r.format, notes: r.notes };
    });
    const streamed = await outcome(async () => {
      const r = await loadStream(pieces(bytes, sizes), options);
      return { objects: r.table.objects(), names: r.table.columnNames(), format: r.format, notes: r.notes };
    });
    expect(streamed).toEqual(whole);
    return streamed;
  };

  it('types CSV and TSV like loadBytesAsync', async () => {
    const csv = enc('\ufeffid,score,day,ok,name\n1,2.5,2024-01-01,true,"a, b"\n2,,2024-01-02,false,x\n3,4,2024-01-03,,"q""t"\n');
    const r = await same(csv, { fileName: 'x.csv', chunkBytes: 5 });
    expect(r.ok && (r.value as { objects: unknown[] }).objects[1]).toEqual({ id: 2, score: null, day: new Date(Date.UTC(2024, 0, 2)), ok: false, name: 'x' });
    await same(enc('a\tb\n1\t2\n'), { fileName: 'x.tsv' });
    await same(enc('a;b\n1;x\n2;y\n'), { fileName: 'x.txt', types: { a: 'string' } });
  });

  it('reads JSON, JSON lines and the same errors as the whole-bytes path', async () => {
    await same(enc('[{"a": 1, "b": "x"}, {"a": 2, "b": null}]'), { fileName: 'x.json' });
    await same(enc('{"a": 1}\n{"a": 2}\n'), {});
    await same(new Uint8Array(0), { fileName: 'x.csv' });
    await same(enc('a,b\n1,2\n3\n'), { fileName: 'x.csv' });
    await same(enc('a,b\n1,2\nx,3\n'), { fileName: 'x.csv', types: { a: 'number' } });
  });

  it('types CSV as it reads and, where only the string path knows the answer, reads the file again from reopen or from the pieces it kept', async () => {
    const cells = fc.constantFrom('1', '2.5', '-3', 'true', 'False', '2024-01-31', '0050-01-01', '2024-02-30', 'abc', '"x, y"', '', 'NA', ' 7 ');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cells, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 12 }), fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 3 }), fc.boolean(),
        async (rows, sizes, withReopen) => {
          const bytes = enc(['a,b', ...rows.map((r) => r.join(','))].join('\n'));
          let reopened = 0;
          const reopen = async () => {
            reopened++;
            return pieces(bytes, sizes);
          };
          const streamed = await outcome(async () => (await loadStream(pieces(bytes, sizes), { fileName: 'x.csv', chunkBytes: 4, reopen: withReopen ? reopen : undefined })).table.objects());
          const strings = await outcome(async () => loadText(new TextDecoder().decode(bytes), { fileName: 'x.csv' }).table.objects());
          expect(streamed).toEqual(strings);
          expect(reopened).toBeLessThanOrEqual(1);
        }),
      { numRuns: 300 },
    );
    // A column whose last value is text: typed reading cannot finish it, so the file is read again (once).
    const late = enc('a,b\n1,2\n3,4\n5,x\n');
    let reopened = 0;
    const loaded = await loadStream(pieces(late, [3]), { fileName: 'x.csv', chunkBytes: 4, reopen: async () => (reopened++, pieces(late, [5])) });
    expect(reopened).toBe(1);
    expect(loaded.table.objects()).toEqual([{ a: 1, b: '2' }, { a: 3, b: '4' }, { a: 5, b: 'x' }]);
    reopened = 0;
    await loadStream(pieces(enc('a,b\n1,2\n3,4\n'), [3]), { fileName: 'x.csv', reopen: async () => (reopened++, []) });
    expect(reopened).toBe(0);
  });

  it('reads a file larger than the format sniff in many small pieces', async () => {
    const rows = Array.from({ length: 20000 }, (_, i) => `${i},${(i * 0.37).toFixed(2)},g${i % 7},2024-02-${String(1 + (i % 28)).padStart(2, '0')}`);
    const bytes = enc(['id,x,g,day', ...rows].join('\n'));
    expect(bytes.length).toBeGreaterThan(64 * 1024 * 2);
    await same(bytes, { fileName: 'big.csv', chunkBytes: 50_000 }, [65536, 1000, 4093]);
  });
});
