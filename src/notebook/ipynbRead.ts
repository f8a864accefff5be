// Reading the notebook file format (ipynb.ts is the codec's face; this half
// is on the app's first screen, the writer, ipynbWrite.ts, loads after it).
// Jupyter nbformat 4.5 JSON; workbench cells keep {kind, params, title} in
// cell.metadata.workbench. Everything else in the file is kept verbatim so
// that decode → encode loses nothing. docs/notebook-format.md documents the
// format; migrations.ts upgrades older workbench metadata.
import type { CellOutput } from '../core/outputs.ts';
import { NotebookFormatError, lineColumn } from './errors.ts';
import { CELL_ID_PATTERN, CODE_KIND, FOREIGN_KIND, MARKDOWN_KIND, type NotebookCell, type NotebookDoc } from './model.ts';
import { migrateWorkbenchMetadata } from './migrations.ts';

/** MIME type of a workbench output inside a Jupyter display_data output. */
export const OUTPUT_MIME = 'application/vnd.ml-workbench.output+json';
/** MIME type of a Plotly figure (kept beside the workbench output for Jupyter's renderers). */
export const PLOTLY_MIME = 'application/vnd.plotly.v1+json';

export interface DecodeResult {
  doc: NotebookDoc;
  /** Things that were repaired while reading (duplicate ids, unknown outputs). */
  warnings: string[];
}

export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseJson(text: string): unknown {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (clean.trim() === '') throw new NotebookFormatError('The file is empty; a notebook is a JSON document.');
  try {
    return JSON.parse(clean);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // V8 reports a position for most errors and none when the text ends early (a truncated file).
    const pos = /position (\d+)/.exec(message) ?? (/end of JSON input/.test(message) ? ['', String(clean.length)] : null);
    const lc = /line (\d+) column (\d+)/.exec(message);
    const where = lc ? `line ${lc[1]}, column ${lc[2]}` : pos ? (({ line, column }) => `line ${line}, column ${column}`)(lineColumn(clean, Number(pos[1]))) : undefined;
    const truncated = /end of JSON input/.test(message) ? ' (the file ends early: was it cut off while saving or downloading?)' : '';
    throw new NotebookFormatError(`The file is not valid JSON${truncated}: ${message.replace(/\s*\(line \d+ column \d+\)/, '').replace(/ in JSON at position \d+.*$/, '')}`, where);
  }
}

function sourceText(source: unknown, where: string): { text: string; form: 'list' | 'string' } {
  if (typeof source === 'string') return { text: source, form: 'string' };
  if (Array.isArray(source) && source.every((s) => typeof s === 'string')) return { text: source.join(''), form: 'list' };
  throw new NotebookFormatError('A cell source must be a string or a list of strings.', where);
}

/** Split like nbformat: lines keep their "\n", the last line has none. */
export function sourceLines(text: string): string[] {
  if (text === '') return [];
  const parts = text.split(/(?<=\n)/);
  return parts;
}

function decodeOutputs(raw: unknown, where: string, warnings: string[]): { outputs: CellOutput[]; foreign: unknown[] } {
  if (raw === undefined) return { outputs: [], foreign: [] };
  if (!Array.isArray(raw)) throw new NotebookFormatError('Cell outputs must be a list.', where);
  const outputs: CellOutput[] = [];
  const foreign: unknown[] = [];
  for (const o of raw) {
    const data = isObject(o) && isObject(o.data) ? o.data : undefined;
    const payload = data?.[OUTPUT_MIME];
    if (isObject(payload) && typeof payload.type === 'string') outputs.push(payload as unknown as CellOutput);
    else foreign.push(o);
  }
  if (foreign.length > 0 && outputs.length > 0) warnings.push(`${where}: ${foreign.length} output(s) not written by the workbench were dropped.`);
  return { outputs, foreign };
}

const KNOWN_CELL_KEYS = new Set(['id', 'cell_type', 'metadata', 'source', 'outputs', 'execution_count', 'attachments']);
const KNOWN_TOP_KEYS = new Set(['cells', 'metadata', 'nbformat', 'nbformat_minor']);

function decodeCell(raw: unknown, index: number, usedIds: Set<string>, warnings: string[]): NotebookCell {
  const where = `cells[${index}]`;
  if (!isObject(raw)) throw new NotebookFormatError('A cell must be a JSON object.', where);
  const cellType = raw.cell_type;
  if (typeof cellType !== 'string' || cellType === '') {
    throw new NotebookFormatError(`A cell needs a cell_type ("code", "markdown" or "raw"), not ${JSON.stringify(cellType)}.`, `${where}.cell_type`);
  }
  // A newer nbformat may add cell types (its tests use a "future cell"): like nbformat, keep
  // the cell verbatim and show it as raw text rather than refusing the notebook.
  if (cellType !== 'code' && cellType !== 'markdown' && cellType !== 'raw') {
    warnings.push(`${where}: cell type ${JSON.stringify(cellType)} is not known to this version; it is shown as raw text and saved unchanged.`);
  }
  const metadata = raw.metadata === undefined ? {} : raw.metadata;
  if (!isObject(metadata)) throw new NotebookFormatError('Cell metadata must be an object.', `${where}.metadata`);
  const { text: source, form } = sourceText(raw.source ?? '', `${where}.source`);

  let id = typeof raw.id === 'string' ? raw.id : '';
  if (!CELL_ID_PATTERN.test(id) || usedIds.has(id)) {
    const fresh = freshId(index, usedIds);
    if (raw.id !== undefined) warnings.push(`${where}: cell id ${JSON.stringify(raw.id)} was ${usedIds.has(id) ? 'a duplicate' : 'invalid'}; renamed to "${fresh}".`);
    id = fresh;
  }
  usedIds.add(id);

  const { workbench, ...otherMetadata } = metadata;
  const extra: Json = {};
  for (const [k, v] of Object.entries(raw)) if (!KNOWN_CELL_KEYS.has(k)) extra[k] = v;
  const { outputs, foreign } = decodeOutputs(raw.outputs, `${where}.outputs`, warnings);

  const jupyter: NotebookCell['jupyter'] = { cellType, metadata: otherMetadata, source };
  if (form === 'string') jupyter.sourceForm = 'string';
  if (!('source' in raw)) jupyter.sourceForm = 'absent';
  if ('execution_count' in raw) jupyter.executionCount = raw.execution_count as number | null;
  if ('attachments' in raw) jupyter.attachments = raw.attachments;
  if (Object.keys(extra).length > 0) jupyter.extra = extra;
  if (!('outputs' in raw)) jupyter.noOutputs = true;

  if (workbench === undefined) {
    // A plain Jupyter cell: markdown stays markdown, anything else is shown but never run.
    if (cellType === 'markdown') return { id, kind: MARKDOWN_KIND, params: { text: source }, outputs: [], jupyter };
    jupyter.outputs = foreign;
    return { id, kind: FOREIGN_KIND, params: {}, outputs: [], jupyter };
  }
  if (!isObject(workbench)) throw new NotebookFormatError('metadata.workbench must be an object.', `${where}.metadata.workbench`);
  const kind = workbench.kind;
  if (typeof kind !== 'string' || kind === '') throw new NotebookFormatError('metadata.workbench.kind must be a non-empty string.', `${where}.metadata.workbench.kind`);
  const params = workbench.params ?? {};
  if (!isObject(params)) throw new NotebookFormatError('metadata.workbench.params must be an object.', `${where}.metadata.workbench.params`);
  const cell: NotebookCell = { id, kind, params: { ...params }, outputs, jupyter };
  if (typeof workbench.title === 'string' && workbench.title !== '') cell.title = workbench.title;
  // The source is the truth for text cells: someone may have edited it in Jupyter.
  if (kind === MARKDOWN_KIND) cell.params = { ...cell.params, text: source };
  if (kind === CODE_KIND) cell.params = { ...cell.params, code: source };
  if (foreign.length > 0 && outputs.length === 0) jupyter.outputs = foreign;
  return cell;
}

function freshId(index: number, used: Set<string>): string {
  let n = index;
  let id = `cell-${n}`;
  while (used.has(id)) id = `cell-${++n}`;
  return id;
}

/** Read a notebook from its JSON text (or an already-parsed value). */
export function decodeNotebook(input: string | unknown): DecodeResult {
  const value = typeof input === 'string' ? parseJson(input) : input;
  if (!isObject(value)) throw new NotebookFormatError('This is not a Jupyter notebook: the file must be a JSON object with "cells".');
  if (value.worksheets !== undefined) throw new NotebookFormatError('This is an nbformat 3 notebook; open and save it in Jupyter to upgrade it to nbformat 4.');
  if (!Array.isArray(value.cells)) throw new NotebookFormatError('This is not a Jupyter notebook: there is no "cells" list.');
  if (value.nbformat !== 4) throw new NotebookFormatError(`Unsupported nbformat ${JSON.stringify(value.nbformat)}; only nbformat 4 notebooks can be opened.`, 'nbformat');
  const metadata = value.metadata === undefined ? {} : value.metadata;
  if (!isObject(metadata)) throw new NotebookFormatError('Notebook metadata must be an object.', 'metadata');

  const { workbench: rawWorkbench, title, ...otherMetadata } = metadata;
  if (rawWorkbench !== undefined && !isObject(rawWorkbench)) throw new NotebookFormatError('metadata.workbench must be an object.', 'metadata.workbench');
  const warnings: string[] = [];
  const usedIds = new Set<string>();
  const cells = value.cells.map((c, i) => decodeCell(c, i, usedIds, warnings));
  const extra: Json = {};
  for (const [k, v] of Object.entries(value)) if (!KNOWN_TOP_KEYS.has(k)) extra[k] = v;
  let doc: NotebookDoc = {
    title: typeof title === 'string' ? title : '',
    cells,
    metadata: otherMetadata,
    workbench: rawWorkbench === undefined ? {} : { ...rawWorkbench },
    nbformatMinor: typeof value.nbformat_minor === 'number' ? value.nbformat_minor : 0,
  };
  if (Object.keys(extra).length > 0) doc.extra = extra;
  if (rawWorkbench !== undefined) doc = migrateWorkbenchMetadata(doc);
  return { doc, warnings };
}
