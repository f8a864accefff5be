// Writing the notebook file format (ipynb.ts is the codec's face): a
// document back to nbformat 4.5 JSON, laid out as Jupyter writes it. A chunk
// of its own in the app, loaded with editing just after the first screen.
import type { CellOutput } from '../core/outputs.ts';
import { CODE_KIND, FOREIGN_KIND, FORMAT_VERSION, MARKDOWN_KIND, type JupyterCellType, type NotebookCell, type NotebookDoc } from './model.ts';
import { outputToText } from './outputText.ts';
import { isObject, OUTPUT_MIME, PLOTLY_MIME, sourceLines, type Json } from './ipynbRead.ts';

export type SourceRenderer = (cell: NotebookCell) => string;

function encodeOutput(o: CellOutput): Json {
  const data: Json = { [OUTPUT_MIME]: o, 'text/plain': sourceLines(outputToText(o)) };
  if (o.type === 'figure') data[PLOTLY_MIME] = o.spec;
  return { data, metadata: {}, output_type: 'display_data' };
}

function isWorkbenchCell(cell: NotebookCell): boolean {
  return cell.kind !== FOREIGN_KIND && !(cell.kind === MARKDOWN_KIND && cell.title === undefined && Object.keys(cell.params).every((k) => k === 'text'));
}

function encodeCell(cell: NotebookCell, render: SourceRenderer): Json {
  const j = cell.jupyter;
  const metadata: Json = { ...j.metadata };
  let cellType: JupyterCellType = j.cellType;
  let source = j.source;
  if (cell.kind === MARKDOWN_KIND) {
    cellType = 'markdown';
    source = typeof cell.params.text === 'string' ? cell.params.text : '';
  } else if (cell.kind !== FOREIGN_KIND) {
    cellType = 'code';
    source = cell.kind === CODE_KIND ? String(cell.params.code ?? '') : render(cell);
  }
  if (isWorkbenchCell(cell)) {
    const wb: Json = { kind: cell.kind };
    if (cell.title !== undefined) wb.title = cell.title;
    const params = { ...cell.params };
    if (cell.kind === MARKDOWN_KIND) delete params.text;
    if (cell.kind === CODE_KIND) delete params.code;
    wb.params = params;
    metadata.workbench = wb;
  }
  const out: Json = { ...(j.extra ?? {}), cell_type: cellType, id: cell.id, metadata };
  if (!(j.sourceForm === 'absent' && source === '')) out.source = j.sourceForm === 'string' ? source : sourceLines(source);
  if (j.attachments !== undefined) out.attachments = j.attachments;
  if (cellType === 'code') {
    out.execution_count = cell.kind === FOREIGN_KIND ? (j.executionCount ?? null) : null;
    out.outputs = cell.kind === FOREIGN_KIND ? (j.outputs ?? []) : cell.outputs.length > 0 ? cell.outputs.map(encodeOutput) : (j.outputs ?? []);
  } else if (cellType !== 'markdown' && j.outputs !== undefined && !j.noOutputs) {
    // Raw cells and cell types of a newer nbformat keep whatever they held.
    out.outputs = j.outputs;
    if (j.executionCount !== undefined) out.execution_count = j.executionCount;
  } else if (cellType !== 'markdown' && j.executionCount !== undefined) {
    out.execution_count = j.executionCount;
  }
  return out;
}

const DEFAULT_KERNELSPEC = { display_name: 'ML Workbench (JavaScript)', language: 'javascript', name: 'ml-workbench' };

/** The notebook as a Jupyter JSON value. */
export function encodeNotebook(doc: NotebookDoc, render: SourceRenderer): Json {
  const hasWorkbench = Object.keys(doc.workbench).length > 0 || doc.cells.some(isWorkbenchCell);
  const metadata: Json = { ...doc.metadata };
  if (hasWorkbench) {
    if (metadata.kernelspec === undefined) metadata.kernelspec = DEFAULT_KERNELSPEC;
    if (metadata.language_info === undefined) metadata.language_info = { name: 'javascript' };
    metadata.workbench = { ...doc.workbench, formatVersion: FORMAT_VERSION };
  }
  if (doc.title !== '') metadata.title = doc.title;
  return {
    ...(doc.extra ?? {}),
    cells: doc.cells.map((c) => encodeCell(c, render)),
    metadata,
    nbformat: 4,
    nbformat_minor: Math.max(5, doc.nbformatMinor),
  };
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (isObject(value)) {
    const out: Json = {};
    for (const k of Object.keys(value).sort()) out[k] = sortKeys(value[k]);
    return out;
  }
  return value;
}

/** The notebook as text, laid out like Jupyter writes it (sorted keys, 1-space indent). */
export function serializeNotebook(doc: NotebookDoc, render: SourceRenderer): string {
  return JSON.stringify(sortKeys(encodeNotebook(doc, render)), null, 1) + '\n';
}

export type NotebookWriter = typeof serializeNotebook;
