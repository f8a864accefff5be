// The notebook codec on hostile input: any JSON value, any text, any
// truncation of a real notebook. It either reads the notebook or throws a
// NotebookFormatError that says what and where — never another exception.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { decodeNotebook, serializeNotebook } from '../../src/notebook/ipynb.ts';
import { NotebookFormatError } from '../../src/notebook/errors.ts';
import { renderSource } from '../../src/cells/registry.ts';
import { fuzzOptions } from './settings.ts';

const penguins = readFileSync(new URL('../../notebooks/penguins.ipynb', import.meta.url), 'utf8');

function decodesOrExplains(input: string | unknown): void {
  try {
    const { doc } = decodeNotebook(input);
    // Whatever was read must write back and read again.
    const text = serializeNotebook(doc, renderSource);
    expect(decodeNotebook(text).doc.cells.length).toBe(doc.cells.length);
  } catch (error) {
    if (!(error instanceof NotebookFormatError)) throw error;
    expect(error.message.length).toBeGreaterThan(10);
  }
}

const cellArb = fc.record(
  {
    cell_type: fc.oneof(fc.constantFrom('code', 'markdown', 'raw'), fc.string()),
    id: fc.oneof(fc.string(), fc.integer(), fc.constant(undefined)),
    source: fc.oneof(fc.string(), fc.array(fc.string()), fc.jsonValue()),
    metadata: fc.oneof(
      fc.constant({}),
      fc.record({ workbench: fc.oneof(fc.jsonValue(), fc.record({ kind: fc.oneof(fc.constantFrom('load', 'train', 'code', 'markdown', 'nope'), fc.jsonValue()), params: fc.oneof(fc.dictionary(fc.string(), fc.jsonValue()), fc.jsonValue()), title: fc.jsonValue() })) }),
      fc.jsonValue(),
    ),
    outputs: fc.oneof(fc.constant([]), fc.array(fc.jsonValue()), fc.jsonValue()),
    execution_count: fc.oneof(fc.constant(null), fc.integer()),
  },
  { requiredKeys: ['cell_type'] },
);

const notebookArb = fc.record(
  {
    cells: fc.oneof(fc.array(cellArb, { maxLength: 6 }), fc.jsonValue()),
    metadata: fc.oneof(fc.constant({}), fc.record({ workbench: fc.oneof(fc.record({ formatVersion: fc.oneof(fc.integer(), fc.jsonValue()) }), fc.jsonValue()), title: fc.jsonValue() }), fc.jsonValue()),
    nbformat: fc.oneof(fc.constant(4), fc.jsonValue()),
    nbformat_minor: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.jsonValue()),
  },
  { requiredKeys: [] },
);

describe('notebook codec fuzzing', () => {
  it('any JSON value', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => decodesOrExplains(v)), fuzzOptions());
  });

  it('notebook-shaped values with wrong pieces', () => {
    fc.assert(fc.property(notebookArb, (v) => decodesOrExplains(v)), fuzzOptions());
  });

  it('any text, and every kind of truncation or corruption of a real notebook', () => {
    fc.assert(fc.property(fc.string(), (s) => decodesOrExplains(s)), fuzzOptions());
    fc.assert(
      fc.property(fc.nat(penguins.length), fc.nat(penguins.length), fc.string({ maxLength: 3 }), (cut, at, junk) => {
        decodesOrExplains(penguins.slice(0, cut));
        decodesOrExplains(penguins.slice(0, at) + junk + penguins.slice(at + junk.length));
      }),
      fuzzOptions(),
    );
  });

  it('a truncated file names the line where it ends', () => {
    const cut = penguins.slice(0, 500);
    try {
      decodeNotebook(cut);
      throw new Error('expected an error');
    } catch (error) {
      expect(error).toBeInstanceOf(NotebookFormatError);
      expect((error as NotebookFormatError).where).toMatch(/^line \d+, column \d+$/);
    }
  });
});
