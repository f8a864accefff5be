import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { decodeNotebook, encodeNotebook, serializeNotebook, OUTPUT_MIME } from '../../src/notebook/ipynb.ts';
import { NotebookFormatError } from '../../src/notebook/errors.ts';
import { FORMAT_VERSION, type NotebookDoc } from '../../src/notebook/model.ts';
import { renderSource } from '../../src/cells/registry.ts';

const plainText = readFileSync(new URL('../fixtures/notebooks/plain-jupyter.ipynb', import.meta.url), 'utf8');

function workbenchDoc(): NotebookDoc {
  return {
    title: 'Round trip',
    metadata: { authors: [{ name: 'Instructor' }] },
    workbench: {},
    nbformatMinor: 5,
    cells: [
      { id: 'md', kind: 'markdown', params: { text: '# Title\n\nSome *text*.' }, outputs: [], jupyter: { cellType: 'markdown', metadata: {}, source: '' } },
      {
        id: 'viz',
        kind: 'visualize',
        title: 'Bill length',
        params: { input: 'penguins', chart: 'histogram', x: 'bill_length_mm' },
        outputs: [
          { type: 'figure', title: 'h', spec: { data: [{ type: 'histogram', x: [1, 2, 2] }], layout: {} } },
          { type: 'table', columns: [{ name: 'a', type: 'integer' }], rowCount: 1, rows: [{ a: 1 }] },
        ],
        jupyter: { cellType: 'code', metadata: { tags: ['keep'] }, source: '' },
      },
      { id: 'js', kind: 'code', params: { code: 'return 1 + 1;\n', reads: [] }, outputs: [{ type: 'text', text: '2' }], jupyter: { cellType: 'code', metadata: {}, source: '' } },
    ],
  };
}

describe('ipynb codec', () => {
  it('round-trips a plain Jupyter notebook losslessly', () => {
    const { doc, warnings } = decodeNotebook(plainText);
    expect(warnings).toEqual([]);
    expect(doc.cells.map((c) => c.kind)).toEqual(['markdown', 'foreign', 'foreign']);
    expect(doc.cells[0].params.text).toBe('# A plain notebook\n\nMade in JupyterLab.');
    expect(JSON.parse(serializeNotebook(doc, renderSource))).toEqual(JSON.parse(plainText));
    // Jupyter's layout: sorted keys, one-space indent, trailing newline.
    expect(serializeNotebook(doc, renderSource)).toBe(plainText);
  });

  it('keeps plain code cells visible, with their outputs, and never as workbench cells', () => {
    const { doc } = decodeNotebook(plainText);
    const py = doc.cells[1];
    expect(py.jupyter.source).toBe('import pandas as pd\nprint(6 * 7)');
    expect(py.jupyter.executionCount).toBe(3);
    expect(py.jupyter.outputs).toHaveLength(1);
  });

  it('writes workbench cells into metadata.workbench with a readable source, and reads them back unchanged', () => {
    const doc = workbenchDoc();
    const text = serializeNotebook(doc, renderSource);
    const json = JSON.parse(text);
    expect(json.nbformat).toBe(4);
    expect(json.nbformat_minor).toBe(5);
    expect(json.metadata.workbench).toEqual({ formatVersion: FORMAT_VERSION });
    expect(json.metadata.kernelspec.name).toBe('ml-workbench');
    const viz = json.cells[1];
    expect(viz.cell_type).toBe('code');
    expect(viz.metadata.workbench).toEqual({ kind: 'visualize', title: 'Bill length', params: { input: 'penguins', chart: 'histogram', x: 'bill_length_mm' } });
    expect(viz.metadata.tags).toEqual(['keep']);
    expect(viz.source.join('')).toContain('// visualize histogram of penguins, x: bill_length_mm');
    expect(viz.outputs[0].data[OUTPUT_MIME].type).toBe('figure');
    expect(viz.outputs[0].data['application/vnd.plotly.v1+json']).toEqual(doc.cells[1].outputs[0].type === 'figure' ? doc.cells[1].outputs[0].spec : null);
    expect(viz.outputs[1].data['text/plain'].join('')).toContain('1 rows × 1 columns');
    expect(json.cells[2].source).toEqual(['return 1 + 1;\n']);

    const back = decodeNotebook(text).doc;
    expect(back.title).toBe('Round trip');
    expect(back.metadata.authors).toEqual([{ name: 'Instructor' }]);
    expect(back.cells.map((c) => [c.id, c.kind, c.title, c.params, c.outputs])).toEqual(doc.cells.map((c) => [c.id, c.kind, c.title, c.params, c.outputs]));
    // Second generation is byte-identical.
    expect(serializeNotebook(back, renderSource)).toBe(text);
  });

  it('takes a code cell from its source, so edits made in Jupyter survive', () => {
    const json = encodeNotebook(workbenchDoc(), renderSource) as { cells: { source: string[] }[] };
    json.cells[2].source = ['return 40 + 2;'];
    expect(decodeNotebook(json).doc.cells[2].params.code).toBe('return 40 + 2;');
  });

  it('gives ids to cells of nbformat 4.4 files and repairs duplicates with a warning', () => {
    const nb = {
      nbformat: 4,
      nbformat_minor: 4,
      metadata: {},
      cells: [
        { cell_type: 'markdown', metadata: {}, source: 'a' },
        { cell_type: 'markdown', id: 'x', metadata: {}, source: 'b' },
        { cell_type: 'markdown', id: 'x', metadata: {}, source: 'c' },
      ],
    };
    const { doc, warnings } = decodeNotebook(nb);
    const ids = doc.cells.map((c) => c.id);
    expect(new Set(ids).size).toBe(3);
    ids.forEach((id) => expect(id).toMatch(/^[a-zA-Z0-9-_]{1,64}$/));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('cells[2]');
    expect((encodeNotebook(doc, renderSource) as { nbformat_minor: number }).nbformat_minor).toBe(5);
  });

  it.each([
    ['', /empty/],
    ['{"cells": [', /not valid JSON.*line 1/],
    ['{\n "cells": [],\n "nbformat": 4,\n "metadata": {}, }', /not valid JSON.*line 4/],
    ['[1, 2]', /not a Jupyter notebook/],
    ['{"metadata": {}}', /no "cells" list/],
    ['{"cells": [], "nbformat": 5}', /Unsupported nbformat 5/],
    ['{"worksheets": [], "nbformat": 3}', /nbformat 3/],
    ['{"cells": [{"cell_type": 7, "source": ""}], "nbformat": 4}', /cells\[0\]\.cell_type/],
    ['{"cells": [{"cell_type": "code", "source": 7}], "nbformat": 4}', /cells\[0\]\.source/],
    ['{"cells": [{"cell_type": "code", "source": "", "metadata": {"workbench": {"kind": 3}}}], "nbformat": 4}', /cells\[0\]\.metadata\.workbench\.kind/],
    ['{"cells": [], "nbformat": 4, "metadata": {"workbench": {"formatVersion": 99}}}', /newer ML Workbench/],
  ])('rejects %j with a message that says what and where', (text, pattern) => {
    expect(() => decodeNotebook(text)).toThrow(NotebookFormatError);
    expect(() => decodeNotebook(text)).toThrow(pattern);
  });

  it('opens a cell type it does not know (a newer nbformat\'s) as raw text, with a warning, and writes it back unchanged', () => {
    const text = '{"cells": [{"cell_type": "python", "id": "p1", "metadata": {}, "source": "print(1)"}], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}';
    const { doc, warnings } = decodeNotebook(text);
    expect(doc.cells[0].kind).toBe('foreign');
    expect(doc.cells[0].jupyter.cellType).toBe('python');
    expect(warnings).toEqual(['cells[0]: cell type "python" is not known to this version; it is shown as raw text and saved unchanged.']);
    expect(encodeNotebook(doc, renderSource)).toEqual(JSON.parse(text));
  });

  it('migrates format 0 files (load cells named their output "name")', () => {
    const nb = {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { workbench: {} },
      cells: [{ cell_type: 'code', id: 'l', metadata: { workbench: { kind: 'load', params: { name: 'raw', source: { type: 'dataset', name: 'penguins' } } } }, source: '', outputs: [], execution_count: null }],
    };
    const { doc } = decodeNotebook(nb);
    expect(doc.cells[0].params).toEqual({ output: 'raw', source: { type: 'dataset', name: 'penguins' } });
    expect(doc.workbench).toEqual({});
  });

  it('strips a UTF-8 byte order mark', () => {
    expect(decodeNotebook('\ufeff' + plainText).doc.cells).toHaveLength(3);
  });
});
