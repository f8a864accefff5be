// Cells that wire themselves: a new cell's inputs default to the nearest
// value of the right type above it (the last table, the train part of the
// last split for training, its test part for evaluation, the last model),
// and its target and feature choices carry over from the nearest cell above
// that had them (like marimo's names.ts offering the values a cell can use).
import type { NotebookCell, NotebookDoc } from '../../notebook/model.ts';
import type { KindInfo } from '../../worker/protocol.ts';

export type ValueType = 'table' | 'model' | 'metrics' | 'transform' | 'other';
export type SplitRole = 'train' | 'validation' | 'test';

export interface WrittenValue {
  name: string;
  type: ValueType;
  /** For a split's parts. */
  role?: SplitRole;
}

/** Kinds whose `output` is a model, or metrics; any other kind's `output` is a table. */
const MODEL_KINDS = new Set(['train', 'ensemble']);
const OUTPUT_TYPE: Record<string, ValueType> = { evaluate: 'metrics', crossval: 'table', tune: 'other', register: 'other', modelcard: 'other', visualize: 'other', compare: 'other', drift: 'other', registry: 'other', deploy: 'other', monitor: 'other' };

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** The values a cell writes, with their types, from its params (the kernel's writes() conventions). */
export function writtenBy(cell: NotebookCell): WrittenValue[] {
  const p = cell.params;
  const out: WrittenValue[] = [];
  if (cell.kind === 'split') {
    const outputs = (p.outputs ?? {}) as Record<string, unknown>;
    const parts: [SplitRole, string, number][] = [
      ['train', str(outputs.train) || 'train', Number(p.train ?? 0.7)],
      ['validation', str(outputs.validation) || 'valid', Number(p.validation ?? 0)],
      ['test', str(outputs.test) || 'test', Number(p.test ?? 0.3)],
    ];
    for (const [role, name, size] of parts) if (size > 0 || !Number.isFinite(size)) out.push({ name, type: 'table', role });
    return out;
  }
  const output = str(p.output);
  if (output) out.push({ name: output, type: MODEL_KINDS.has(cell.kind) ? 'model' : OUTPUT_TYPE[cell.kind] ?? 'table' });
  if (cell.kind === 'transform') {
    if (str(p.transform)) out.push({ name: str(p.transform), type: 'transform' });
    for (const a of Array.isArray(p.applyTo) ? (p.applyTo as Record<string, unknown>[]) : []) if (str(a?.output)) out.push({ name: str(a.output), type: 'table' });
  }
  if (str(p.predictions)) out.push({ name: str(p.predictions), type: 'table' });
  return out;
}

/** Whether a kind's params schema has a string property of this name (not an enum). */
function hasStringParam(kind: KindInfo | undefined, name: string): boolean {
  const prop = (kind?.jsonSchema as { properties?: Record<string, { type?: unknown; enum?: unknown }> } | undefined)?.properties?.[name];
  return !!prop && prop.type === 'string' && !prop.enum;
}

function hasArrayParam(kind: KindInfo | undefined, name: string): boolean {
  const prop = (kind?.jsonSchema as { properties?: Record<string, { type?: unknown }> } | undefined)?.properties?.[name];
  return !!prop && prop.type === 'array';
}

/** Which split part a kind reads by default: training cells the train part, evaluation cells the held-out part. */
const PREFERRED_ROLE: Record<string, SplitRole[]> = {
  train: ['train'], transform: ['train'], select: ['train'], tune: ['train'], crossval: ['train'], eda: ['train'], visualize: ['train'],
  evaluate: ['test', 'validation'], explain: ['test', 'validation'], predict: ['test', 'validation'], drift: ['test', 'validation'],
};

export interface WiringContext {
  kinds: KindInfo[];
  /** Columns of named tables as last shown (a target is carried over only when the input table has it, where known). */
  tableColumns?: Record<string, string[]>;
}

/**
 * The nearest table above `index` for a cell of `kind`: the newest value
 * written, where a split counts as the part this kind reads.
 */
export function nearestTable(cells: NotebookCell[], index: number, kind: string): string | undefined {
  for (let i = Math.min(index, cells.length) - 1; i >= 0; i--) {
    const tables = writtenBy(cells[i]).filter((v) => v.type === 'table');
    if (!tables.length) continue;
    if (cells[i].kind === 'split') {
      const roles = PREFERRED_ROLE[kind] ?? ['train'];
      for (const role of roles) {
        const part = tables.find((v) => v.role === role);
        if (part) return part.name;
      }
      return tables[0].name;
    }
    return tables[tables.length - 1].name;
  }
  return undefined;
}

export function nearestOf(cells: NotebookCell[], index: number, type: ValueType): string | undefined {
  for (let i = Math.min(index, cells.length) - 1; i >= 0; i--) {
    const found = writtenBy(cells[i]).filter((v) => v.type === type);
    if (found.length) return found[found.length - 1].name;
  }
  return undefined;
}

/** The nearest non-empty value of a param above (target, features). */
function carried(cells: NotebookCell[], index: number, name: string): unknown {
  for (let i = Math.min(index, cells.length) - 1; i >= 0; i--) {
    const v = cells[i].params[name];
    if ((typeof v === 'string' && v.trim()) || (Array.isArray(v) && v.length)) return structuredClone(v);
  }
  return undefined;
}

/** A new cell (kind defaults) wired to the cells above `index` in `doc`. */
export function wireNewCell(cell: NotebookCell, index: number, doc: NotebookDoc, ctx: WiringContext): NotebookCell {
  const kind = ctx.kinds.find((k) => k.kind === cell.kind);
  if (!kind) return cell;
  const cells = doc.cells;
  const params = { ...cell.params };
  const table = nearestTable(cells, index, cell.kind);
  if (table && hasStringParam(kind, 'input') && cell.kind !== 'predict') params.input = table;
  const model = nearestOf(cells, index, 'model');
  if (model && hasStringParam(kind, 'model')) params.model = model;
  const metrics = nearestOf(cells, index, 'metrics');
  if (metrics && hasStringParam(kind, 'metrics')) params.metrics = metrics;
  if (cell.kind === 'predict') {
    const transform = nearestOf(cells, index, 'transform');
    if (transform) params.transform = transform;
  }
  if (cell.kind === 'train') {
    // The validation part of the split above, when there is one.
    for (let i = Math.min(index, cells.length) - 1; i >= 0; i--) {
      if (cells[i].kind !== 'split') continue;
      const valid = writtenBy(cells[i]).find((v) => v.role === 'validation');
      if (valid && hasStringParam(kind, 'validation')) params.validation = valid.name;
      break;
    }
  }
  const columns = typeof params.input === 'string' ? ctx.tableColumns?.[params.input] : undefined;
  if (hasStringParam(kind, 'target')) {
    const target = carried(cells, index, 'target');
    if (typeof target === 'string' && (!columns || columns.includes(target))) params.target = target;
  }
  if (hasArrayParam(kind, 'features') && cell.kind !== 'eda') {
    const features = carried(cells, index, 'features');
    if (Array.isArray(features) && (!columns || features.every((f) => columns.includes(String(f))))) params.features = features;
  }
  // A new output never shadows a value above it: data → data_2.
  if (typeof params.output === 'string' && params.output) params.output = freshName(params.output, cells);
  return { ...cell, params };
}

function freshName(name: string, cells: NotebookCell[]): string {
  const taken = new Set(cells.flatMap((c) => writtenBy(c).map((v) => v.name)));
  if (!taken.has(name)) return name;
  for (let k = 2; ; k++) if (!taken.has(`${name}_${k}`)) return `${name}_${k}`;
}

/**
 * Columns (and types) of every table a cell can name, before it has run:
 * those shown by table outputs, plus each split part (not shown yet) with
 * the columns of the table it is split from. Column pickers use these.
 */
export function knownTables(doc: NotebookDoc, columns: Record<string, string[]>, types: Record<string, Record<string, string>>): { columns: Record<string, string[]>; types: Record<string, Record<string, string>> } {
  let outColumns = columns;
  let outTypes = types;
  for (const cell of doc.cells) {
    if (cell.kind !== 'split') continue;
    const from = str(cell.params.input);
    const source = outColumns[from];
    if (!source) continue;
    for (const part of writtenBy(cell)) {
      if (outColumns[part.name]) continue;
      outColumns = { ...outColumns, [part.name]: source };
      if (outTypes[from]) outTypes = { ...outTypes, [part.name]: outTypes[from] };
    }
  }
  return { columns: outColumns, types: outTypes };
}
