// The chunked CSV parser must give exactly the one-shot parser's result
// (or the same error) wherever the chunk edges fall: inside quoted fields,
// between CR and LF, between a doubled quote, inside a UTF-8 sequence.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeText, parseCsv } from '../../src/data/csv.ts';
import { parseCsvBytes } from '../../src/data/csv-stream.ts';
import { loadBytesAsync } from '../../src/data/load.ts';

type Outcome = { ok: true; value: unknown } | { ok: false; message: string; where?: string };

function oneShot(text: string, delimiter?: string): Outcome {
  try {
    return { ok: true, value: parseCsv(text, { delimiter, ragged: 'pad' }) };
  } catch (e) {
    const err = e as { message: string; where?: string };
    return { ok: false, message: err.message, where: err.where };
  }
}

async function chunked(bytes: Uint8Array, chunkBytes: number, delimiter?: string): Promise<Outcome> {
  try {
    // A given delimiter needs no sample: parse from the first chunk, so that chunk edges are exercised.
    return { ok: true, value: await parseCsvBytes(bytes, { delimiter, ragged: 'pad', chunkBytes, sampleChars: delimiter ? 0 : undefined }) };
  } catch (e) {
    const err = e as { message: string; where?: string };
    return { ok: false, message: err.message, where: err.where };
  }
}

const piece = fc.constantFrom('a', 'b', '1', '2.5', ',', ';', '"', '""', '\n', '\r\n', '\r', ' ', 'é', '한', '😀', '\t');
const csvText = fc.array(piece, { maxLength: 80 }).map((p) => p.join(''));

describe('parseCsvBytes', () => {
  it('gives the one-shot result for random text split at random points', async () => {
    await fc.assert(
      fc.asyncProperty(csvText, fc.integer({ min: 1, max: 17 }), fc.constantFrom(undefined, ',', ';', ',', ';'), async (text, chunk, delimiter) => {
        const bytes = new TextEncoder().encode(text);
        expect(await chunked(bytes, chunk, delimiter)).toEqual(oneShot(text, delimiter));
      }),
      { numRuns: 800 },
    );
  });

  it('decodes bytes that are not all UTF-8 (stray continuation bytes, cut sequences, BOMs) as the one-shot decode does', async () => {
    // Chunks are cut back to a character's first byte and decoded on their own; runs of
    // continuation bytes longer than a character fall back to the stream decoder.
    const byte = fc.oneof(
      fc.constantFrom(0x61, 0x2c, 0x0a, 0x22, 0x31),
      fc.integer({ min: 0x80, max: 0xbf }),
      fc.constantFrom(0xc3, 0xe2, 0xed, 0xf0, 0xf4, 0xff),
      fc.constantFrom(0xef, 0xbb, 0xbf),
    );
    const bom = fc.boolean();
    await fc.assert(
      fc.asyncProperty(fc.array(byte, { maxLength: 90 }), bom, fc.integer({ min: 1, max: 13 }), async (list, withBom, chunk) => {
        const bytes = Uint8Array.from(withBom ? [0xef, 0xbb, 0xbf, ...list] : list);
        expect(await chunked(bytes, chunk, ',')).toEqual(oneShot(decodeText(bytes), ','));
      }),
      { numRuns: 1500 },
    );
  });

  it('reports progress per chunk and stops when aborted', async () => {
    const text = 'a,b\n' + Array.from({ length: 2000 }, (_, i) => `${i},"x\n${i}"`).join('\n');
    const bytes = new TextEncoder().encode(text);
    const fractions: number[] = [];
    const parsed = await parseCsvBytes(bytes, { chunkBytes: 1000, sampleChars: 0, onProgress: (f) => fractions.push(f) });
    expect(parsed).toEqual(parseCsv(text));
    expect(fractions.length).toBe(Math.ceil(bytes.length / 1000));
    expect(fractions.at(-1)).toBe(1);
    const controller = new AbortController();
    const run = parseCsvBytes(bytes, { chunkBytes: 1000, sampleChars: 0, signal: controller.signal, onProgress: (f) => f > 0.3 && controller.abort() });
    await expect(run).rejects.toThrow(/Stopped/);
  });

  it('loads a typed table in chunks like the one-shot load', async () => {
    const text = '\ufeffid,score,day\n1,2.5,2024-01-01\n2,,2024-01-02\n3,4,2024-01-03\n';
    const { table } = await loadBytesAsync(new TextEncoder().encode(text), { fileName: 'x.csv', chunkBytes: 5 });
    expect(table.columnNames()).toEqual(['id', 'score', 'day']);
    expect(table.array('score')).toEqual([2.5, null, 4]);
  });
});
