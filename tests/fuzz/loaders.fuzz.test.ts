// The loaders on hostile bytes: random text, CSV-like text with stray quotes,
// delimiters and line ends, random bytes, JSON-like text. Each either gives a
// table or a CellError that says what (and for text formats, where).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadBytes, loadText } from '../../src/data/load.ts';
import { CellError } from '../../src/core/errors.ts';
import { fuzzOptions } from './settings.ts';

function loadsOrExplains(run: () => { table: { numRows(): number; numCols(): number } }): void {
  try {
    const { table } = run();
    expect(table.numRows()).toBeGreaterThanOrEqual(0);
    expect(table.numCols()).toBeGreaterThanOrEqual(0);
  } catch (error) {
    if (!(error instanceof CellError)) throw error;
    expect(error.message.length).toBeGreaterThan(5);
  }
}

const csvChar = fc.constantFrom('a', 'b', '1', '2', '.', '-', ',', ';', '\t', '|', '"', '\n', '\r\n', '\r', ' ', 'é', '\ufeff', 'NA', 'true', '2024-01-02');
const csvLike = fc.array(csvChar, { maxLength: 200 }).map((parts) => parts.join(''));

describe('loader fuzzing', () => {
  it('CSV-like text in every format mode', () => {
    fc.assert(
      fc.property(csvLike, fc.constantFrom('auto', 'csv', 'tsv', 'json', 'jsonl') as fc.Arbitrary<'auto' | 'csv' | 'tsv' | 'json' | 'jsonl'>, fc.constantFrom('error', 'pad') as fc.Arbitrary<'error' | 'pad'>, (text, format, ragged) => {
        loadsOrExplains(() => loadText(text, { format, ragged, fileName: 'fuzz.csv' }));
      }),
      fuzzOptions(),
    );
  });

  it('a ragged row is reported with its line', () => {
    try {
      loadText('a,b\n1,2\n3\n', { fileName: 'x.csv' });
      throw new Error('expected an error');
    } catch (error) {
      expect(error).toBeInstanceOf(CellError);
      expect((error as CellError).where).toMatch(/line 3/);
    }
  });

  it('any string, and random bytes', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => loadsOrExplains(() => loadText(s, { fileName: 'fuzz.csv' }))), fuzzOptions());
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => loadsOrExplains(() => loadBytes(b, { fileName: 'fuzz.bin' }))), fuzzOptions());
  });

  it('JSON-like text', () => {
    const jsonish = fc.jsonValue().chain((v) => fc.tuple(fc.constant(JSON.stringify(v) ?? 'null'), fc.nat(40)));
    fc.assert(
      fc.property(jsonish, ([text, cut]) => {
        loadsOrExplains(() => loadText(text, { format: 'json' }));
        loadsOrExplains(() => loadText(text.slice(0, Math.max(0, text.length - cut)), { format: 'json' }));
        loadsOrExplains(() => loadText(`${text}\n${text}`, { format: 'jsonl' }));
      }),
      fuzzOptions(),
    );
  });
});
