import { describe, expect, it } from 'vitest';
import { decodeNotebook } from '../../src/notebook/ipynb.ts';
import { kernelCells } from '../../src/ui/session/kernelCells.ts';

const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const ipynb = {
  nbformat: 4,
  nbformat_minor: 5,
  metadata: {},
  cells: [
    { id: 'md', cell_type: 'markdown', metadata: {}, source: '![x](attachment:x.png)', attachments: { 'x.png': { 'image/png': png } } },
    { id: 'py', cell_type: 'code', metadata: {}, execution_count: 1, source: 'print(1)', outputs: [{ output_type: 'display_data', metadata: {}, data: { 'image/png': png } }] },
  ],
};

describe('kernelCells: what the kernel is sent of the cells', () => {
  it('leaves out plain Jupyter outputs and attachments, keeping kind, params and source', () => {
    const { doc } = decodeNotebook(ipynb);
    expect(doc.cells[0].jupyter.attachments).toBeDefined();
    expect(doc.cells[1].jupyter.outputs).toHaveLength(1);
    const sent = kernelCells(doc.cells);
    expect(JSON.stringify(sent)).not.toContain(png);
    expect(sent.map((c) => [c.id, c.kind, c.params, c.jupyter.source])).toEqual(doc.cells.map((c) => [c.id, c.kind, c.params, c.jupyter.source]));
    // The document itself keeps them (they are saved and shown).
    expect(doc.cells[1].jupyter.outputs).toHaveLength(1);
  });

  it('sends a cell with nothing to leave out as it is', () => {
    const { doc } = decodeNotebook({ ...ipynb, cells: [{ id: 'plain', cell_type: 'markdown', metadata: {}, source: '# Hi' }] });
    expect(kernelCells(doc.cells)[0]).toBe(doc.cells[0]);
  });
});
