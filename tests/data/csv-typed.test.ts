// The typed CSV path (fields typed as they are read) must give the string
// path's table, notes and errors for any file, and step aside (TYPED_FALLBACK)
// only where it cannot know the answer while streaming.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { plainNumber } from '../../src/data/csv-numbers.ts';
import { scanCsvBytes } from '../../src/data/csv-stream.ts';
import { TYPED_FALLBACK, TypedCsvColumns } from '../../src/data/csv-typed.ts';
import { DEFAULT_MISSING, missingTest, type TypeOverride } from '../../src/data/infer.ts';
import { loadBytesAsync, loadText } from '../../src/data/load.ts';

type Outcome = { ok: true; value: unknown } | { ok: false; message: string; where?: string };

async function outcome(run: () => unknown): Promise<Outcome> {
  try {
    return { ok: true, value: await run() };
  } catch (e) {
    const err = e as { message: string; where?: string };
    return { ok: false, message: err.message, where: err.where };
  }
}

const cell = fc.constantFrom('1', '-2', '3.5', '1e3', ' 7 ', '007', '-0', '0.10', '+5', '.5', '5.', '-', '.', '1234567890123456', '12345678901234.5', '0.1234567890123', '-999', '"12"', 'true', 'FALSE', '2024-01-31', '2024-02-30', '2024-01-31 10:20:30', '0050-01-01', '2023-13-01', ' 2024-01-31', 'True', 'FaLsE', 'truth', 'abc', 'g1', '"x, y"', '""', '', 'NA', 'null', 'NaN', ' ');
const column = fc.array(cell, { minLength: 1, maxLength: 6 });

async function typedOf(text: string, types?: Record<string, TypeOverride>): Promise<unknown> {
  const acc = await scanCsvBytes(new TextEncoder().encode(text), { chunkBytes: 7 }, (d, o) => new TypedCsvColumns(d, o, missingTest(DEFAULT_MISSING), types, true));
  return acc.typed().data;
}

describe('typed CSV load', () => {
  it('gives the string path result (table, notes, errors) for random columns, types, missing tokens and ragged rows', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(column, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 12 }),
        fc.constantFrom<'pad' | 'error'>('pad', 'error'),
        fc.boolean(),
        fc.option(fc.record({ c0: fc.constantFrom<TypeOverride>('number', 'integer', 'string', 'date', 'boolean') }), { nil: undefined }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom(undefined, ['-999', ''], ['2024-01-31', 'TRUE', '']),
        async (pool, rows, ragged, header, types, chunkBytes, missing) => {
          const width = pool.length;
          const lines = header ? [pool.map((_, c) => `c${c}`).join(',')] : [];
          for (let r = 0; r < rows; r++) {
            const cut = ragged === 'pad' && r === 1 ? width - 1 : width; // one short row when padding
            lines.push(pool.slice(0, Math.max(1, cut)).map((col) => col[r % col.length]).join(','));
          }
          const text = lines.join('\n') + '\n';
          const options = { fileName: 'x.csv', ragged, header, types: header ? types : undefined, missing };
          const simplify = (o: Outcome): Outcome => (o.ok ? { ok: true, value: (o.value as Awaited<ReturnType<typeof loadBytesAsync>>).table.objects() } : o);
          const typed = await outcome(() => loadBytesAsync(new TextEncoder().encode(text), { ...options, chunkBytes }));
          const strings = await outcome(() => loadText(text, options));
          expect(simplify(typed)).toEqual(simplify(strings));
          if (typed.ok && strings.ok) expect((typed.value as { notes: unknown[] }).notes).toEqual((strings.value as { notes: unknown[] }).notes);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reserves room from the first chunk\'s rows per byte and keeps exactly the rows read, whether the estimate is low or high', async () => {
    const row = (i: number, wide: boolean) => `${i},${wide ? 'a much longer text value than before' : 't'},${i % 2 ? 'true' : ''},2024-01-${String(1 + (i % 28)).padStart(2, '0')},${wide ? i / 7 : i}`;
    for (const [label, firstWide] of [['estimate too low', false], ['estimate too high', true]] as const) {
      const lines = ['n,s,b,d,x', ...Array.from({ length: 300 }, (_, i) => row(i, i < 60 === firstWide))];
      const bytes = new TextEncoder().encode(lines.join('\n') + '\n');
      const scan = (chunkBytes: number) => scanCsvBytes(bytes, { chunkBytes, sampleChars: 0 }, (d, o) => new TypedCsvColumns(d, o, missingTest(DEFAULT_MISSING), undefined, true));
      const chunked = await scan(1024);
      const whole = await scan(1 << 20);
      expect(chunked.typed().data, label).toEqual(whole.typed().data);
      expect((chunked.typed().data.n as unknown[]).length, label).toBe(300);
    }
  });

  it('reads plain numbers as Number() does, without a string', () => {
    for (const t of ['0', '-0', '+5', '.5', '5.', '0.10', '-12.5', '123456789012345', '0.1234567890123', '99999999999999.9']) expect(Object.is(plainNumber(`,${t},`, 1, t.length + 1), Number(t))).toBe(true);
    for (const t of ['', '-', '.', '1e3', '1234567890123456', ' 1', '1a', '--1']) expect(plainNumber(t, 0, t.length)).toBeNaN();
  });

  it('types numbers, booleans, dates and text as it reads, sharing repeated text', async () => {
    const data = (await typedOf('n,b,d,s\n1,true,2024-01-02,g1\n,FALSE,,g1\n2.5,false,2024-03-04,h\n')) as Record<string, unknown[]>;
    expect(data.n).toEqual([1, null, 2.5]);
    expect(data.b).toEqual([true, false, false]);
    expect(data.d).toEqual([new Date(Date.UTC(2024, 0, 2)), null, new Date(Date.UTC(2024, 2, 4))]);
    expect(data.s).toEqual(['g1', 'g1', 'h']);
    // A quoted number after plain ones is read from its text, not from the scanner's last plain number.
    expect(((await typedOf('a,b\n1,x\n2,y\n"12",z\n')) as Record<string, unknown[]>).a).toEqual([1, 2, 12]);
  });

  it('steps aside where only the whole column decides: a late value of another type, a failing forced type, one column', async () => {
    await expect(typedOf('a,b\n1,x\nzip,y\n')).rejects.toBe(TYPED_FALLBACK);
    await expect(typedOf('a,b\n1,x\n1.5,y\n', { a: 'integer' })).rejects.toBe(TYPED_FALLBACK);
    await expect(typedOf('a,b\n1,x\n', { nope: 'number' })).rejects.toBe(TYPED_FALLBACK);
    await expect(typedOf('a\n1\n2\n')).rejects.toBe(TYPED_FALLBACK);
  });
});
