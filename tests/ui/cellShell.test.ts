// Far markdown and plain Jupyter cells mount as light shells (src/ui/cellShell.ts).
import { describe, expect, it } from 'vitest';
import { decodeNotebook } from '../../src/notebook/ipynb.ts';
import { mountsAsShell, shellText } from '../../src/ui/cellShell.ts';

const nb = {
  nbformat: 4,
  nbformat_minor: 5,
  metadata: {},
  cells: [
    { id: 'md', cell_type: 'markdown', metadata: {}, source: ['# Title\n', 'Some $x^2$ text'] },
    { id: 'py', cell_type: 'code', metadata: {}, execution_count: 1, source: 'import numpy as np\nnp.arange(3)', outputs: [{ output_type: 'execute_result', execution_count: 1, metadata: {}, data: { 'text/plain': 'array([0, 1, 2])' } }] },
    { id: 'raw', cell_type: 'raw', metadata: {}, source: 'raw text' },
  ],
};

describe('cell shells', () => {
  const { doc } = decodeNotebook(nb);
  const byId = Object.fromEntries(doc.cells.map((c) => [c.id, c]));

  it('are used for the text-only kinds, never for workbench cells with forms or editors', () => {
    expect(doc.cells.map((c) => [c.id, c.kind, mountsAsShell(c.kind)])).toEqual([
      ['md', 'markdown', true],
      ['py', 'foreign', true],
      ['raw', 'foreign', true],
    ]);
    for (const kind of ['code', 'load', 'train', 'split', 'evaluate']) expect(mountsAsShell(kind), kind).toBe(false);
  });

  it('show the cell\'s own text: markdown as written, Jupyter source (not its outputs)', () => {
    expect(shellText(byId.md)).toBe('# Title\nSome $x^2$ text');
    expect(shellText(byId.py)).toBe('import numpy as np\nnp.arange(3)');
    expect(shellText(byId.raw)).toBe('raw text');
  });
});
