// Leakage follows the student: a column the explore (eda) cell flags as
// leaking the target (src/data/profile.ts, leakageWarnings) is named on
// every later split, train and evaluate cell that uses it, with a fix that
// drops it from the training cells' features (one undoable edit).
import type { CellOutput } from '../../core/outputs.ts';
import type { NotebookCell, NotebookDoc } from '../../notebook/model.ts';
import type { CellRun } from '../state.ts';
import { writtenBy } from './wiring.ts';

export interface Leak {
  column: string;
  /** The eda cell's warning, verbatim. */
  why: string;
  /** Index of the eda cell that flagged it. */
  from: number;
}

const NUMERIC = new Set(['number', 'integer', 'boolean']);

/** Leakage warnings of a profile output: the column each names. */
export function leaksInOutputs(outputs: CellOutput[]): { column: string; why: string }[] {
  const out: { column: string; why: string }[] = [];
  for (const o of outputs) {
    if (o.type !== 'profile') continue;
    for (const w of o.warnings) {
      const m = /^"([^"]+)"/.exec(w);
      if (m && /leak/i.test(w)) out.push({ column: m[1], why: w });
    }
  }
  return out;
}

/** Every column flagged by an eda cell, with where (the first flag wins). */
export function findLeaks(doc: NotebookDoc, runs: Record<string, CellRun>): Leak[] {
  const seen = new Set<string>();
  const leaks: Leak[] = [];
  doc.cells.forEach((cell, i) => {
    if (cell.kind !== 'eda') return;
    for (const l of leaksInOutputs(runs[cell.id]?.outputs ?? cell.outputs)) {
      if (seen.has(l.column)) continue;
      seen.add(l.column);
      leaks.push({ ...l, from: i });
    }
  });
  return leaks;
}

/** A leak as a cell shows it (document/authoring.ts adds the text in the UI language). */
export interface ShownLeak extends Leak {
  message: string;
  /** Label of the drop fix; absent when no train cell uses the column. */
  fixLabel?: string;
}

export interface TableInfo {
  columns: Record<string, string[]>;
  types: Record<string, Record<string, string>>;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** A table's columns and types as last shown, or (a split's part not shown yet) those of the table it was split from. */
function tableOf(name: string, doc: NotebookDoc | undefined, tables: TableInfo): { columns?: string[]; types: Record<string, string> } {
  if (tables.columns[name]) return { columns: tables.columns[name], types: tables.types[name] ?? {} };
  const split = doc?.cells.find((c) => c.kind === 'split' && writtenBy(c).some((v) => v.name === name));
  const from = split ? str(split.params.input) : '';
  return from && from !== name ? tableOf(from, undefined, tables) : { types: {} };
}

/** The features a train cell uses: its list, or (empty) every other numeric column of its input where known. */
export function trainFeatures(cell: NotebookCell, tables: TableInfo, doc?: NotebookDoc): string[] | undefined {
  const features = Array.isArray(cell.params.features) ? cell.params.features.map(String) : [];
  if (features.length) return features;
  const { columns, types } = tableOf(str(cell.params.input), doc, tables);
  if (!columns) return undefined;
  return columns.filter((c) => c !== cell.params.target && (!types[c] || NUMERIC.has(types[c])));
}

function uses(cell: NotebookCell, column: string, doc: NotebookDoc, index: number, tables: TableInfo): boolean {
  if (cell.kind === 'train') return trainFeatures(cell, tables, doc)?.includes(column) ?? false;
  if (cell.kind === 'split') return tableOf(str(cell.params.input), doc, tables).columns?.includes(column) ?? true;
  if (cell.kind === 'evaluate') {
    // The model it evaluates: the nearest train cell above that wrote it.
    for (let i = index - 1; i >= 0; i--) {
      const c = doc.cells[i];
      if (c.kind === 'train' && str(c.params.output) === str(cell.params.model)) return uses(c, column, doc, i, tables);
    }
  }
  return false;
}

/** Leaks to name on each later split/train/evaluate cell that uses the column, by cell id. */
export function leaksByCell(doc: NotebookDoc, runs: Record<string, CellRun>, tables: TableInfo): Record<string, Leak[]> {
  const leaks = findLeaks(doc, runs);
  const out: Record<string, Leak[]> = {};
  if (!leaks.length) return out;
  doc.cells.forEach((cell, i) => {
    if (cell.kind !== 'split' && cell.kind !== 'train' && cell.kind !== 'evaluate') return;
    const mine = leaks.filter((l) => l.from < i && uses(cell, l.column, doc, i, tables));
    if (mine.length) out[cell.id] = mine;
  });
  return out;
}

/** The fix: every later train cell that uses the column gets features without it (an explicit list). */
export function dropLeakEdits(doc: NotebookDoc, leak: Leak, tables: TableInfo): { id: string; params: Record<string, unknown> }[] {
  const edits: { id: string; params: Record<string, unknown> }[] = [];
  doc.cells.forEach((cell, i) => {
    if (cell.kind !== 'train' || i <= leak.from) return;
    const features = trainFeatures(cell, tables, doc);
    if (!features?.includes(leak.column)) return;
    edits.push({ id: cell.id, params: { ...cell.params, features: features.filter((f) => f !== leak.column) } });
  });
  return edits;
}
