// The public notebooks in tests/fixtures/jupyter-corpus (see its README) open
// and round-trip: reading then writing changes nothing but what nbformat 4.5
// itself adds to an older file (cell ids, nbformat_minor 5).
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { decodeNotebook, serializeNotebook } from '../../src/notebook/ipynb.ts';
import { renderSource } from '../../src/cells/registry.ts';

const root = new URL('../fixtures/jupyter-corpus/', import.meta.url);
const files = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(new URL(`${d.name}/`, root)).filter((f) => f.endsWith('.ipynb')).map((f) => `${d.name}/${f}`));

type Nb = { nbformat_minor: number; cells: Record<string, unknown>[] };

describe('Jupyter corpus round trip', () => {
  it('holds the notebooks the README names', () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
  });
  for (const file of files) {
    it(`${file} opens and writes back losslessly`, () => {
      const text = readFileSync(new URL(file, root), 'utf8');
      const original = JSON.parse(text) as Nb;
      const { doc } = decodeNotebook(text);
      expect(doc.cells).toHaveLength(original.cells.length);
      const written = JSON.parse(serializeNotebook(doc, renderSource)) as Nb;
      const hadIds = original.cells.every((c) => typeof c.id === 'string');
      if (!hadIds) {
        for (const c of written.cells) delete c.id;
        expect(written.nbformat_minor).toBe(5);
        written.nbformat_minor = original.nbformat_minor;
      }
      expect(written).toEqual(original);
    });
  }

  it('opens the nbformat 4.99 "future cell" notebook, keeping the unknown cell and output verbatim', () => {
    const text = readFileSync(new URL('nbformat/test4plus.ipynb', root), 'utf8');
    const { doc, warnings } = decodeNotebook(text);
    const future = doc.cells.find((c) => c.id === 'future-10')!;
    expect(future.kind).toBe('foreign');
    expect(future.jupyter.cellType).toBe('future cell');
    expect(future.jupyter.extra).toEqual({ key: 'value' });
    expect(warnings.join('\n')).toMatch(/cells\[\d+\]: cell type "future cell" is not known/);
    expect(doc.nbformatMinor).toBe(99);
    const out = doc.cells.find((c) => c.id === 'future-11')!;
    expect(out.jupyter.outputs?.[1]).toEqual({ output_type: 'future output', 'some key': ['some data'] });
    expect(JSON.parse(serializeNotebook(doc, renderSource))).toEqual(JSON.parse(text));
  });
});
