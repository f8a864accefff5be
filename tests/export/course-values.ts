// For tests/export/course-notebooks.test.ts: the values a JavaScript code
// cell makes, compared between the workbench and its author's Python twin.
// The workbench side gets a probe code cell after each twinned cell that
// returns the values as JSON (a table's size, columns and first 10 rows, a
// metrics object as it is); the exported notebook reports the same with
// `value_summary` (codecell.ts). Values that come from a trained model
// (directly, or through any cell that read one) are left out: networks train
// differently in PyTorch and tfjs, and their own metrics are compared with
// the model tolerances in the evaluate cells.
import { cellRegistry } from '../../src/cells/registry.ts';
import { declaredWrites } from '../../src/cells/code.ts';
import { twinValueKinds } from '../../src/export/python/codecell.ts';
import type { NotebookCell, NotebookDoc } from '../../src/notebook/model.ts';

/** Cell kinds whose outputs come from a trained model. */
const MODEL_KINDS = new Set(['train', 'evaluate', 'crossval', 'tune', 'predict', 'ensemble', 'compare', 'explain', 'pipeline', 'textclassify', 'register', 'drift']);

/** The names whose values depend on a trained model: made by a model cell, or by any cell that read such a name. */
export function modelDerived(doc: NotebookDoc): Set<string> {
  const derived = new Set<string>();
  for (const cell of doc.cells) {
    const def = cellRegistry.get(cell.kind);
    if (!def) continue;
    const params = def.schema.safeParse(cell.params);
    if (!params.success) continue;
    const p = params.data as Record<string, unknown>;
    if (MODEL_KINDS.has(cell.kind) || def.reads(p).some((n) => derived.has(n))) def.writes(p).forEach((n) => derived.add(n));
  }
  return derived;
}

export interface Probe { cell: string; names: string[] }

/** The twinned code cells' tables and metrics that do not depend on a model, per cell id. */
export function twinValues(doc: NotebookDoc, translated: ReadonlySet<string>): Map<string, string[]> {
  const derived = modelDerived(doc);
  const out = new Map<string, string[]>();
  for (const cell of doc.cells) {
    const python = String(cell.params.python ?? '');
    if (cell.kind !== 'code' || !python.trim() || !translated.has(cell.id)) continue;
    const kinds = twinValueKinds(python, declaredWrites(String(cell.params.code ?? '')));
    const names = [...kinds].filter(([n, k]) => (k === 'table' || k === 'metrics') && !derived.has(n)).map(([n]) => n);
    if (names.length) out.set(cell.id, names);
  }
  return out;
}

/** The cells with a probe after each twinned cell; probes by their id. */
export function withProbes(cells: NotebookCell[], values: ReadonlyMap<string, string[]>): { cells: NotebookCell[]; probes: Map<string, Probe> } {
  const probes = new Map<string, Probe>();
  const out = cells.flatMap((cell) => {
    const names = values.get(cell.id);
    if (!names) return [cell];
    const id = `probe-${cell.id}`;
    probes.set(id, { cell: cell.id, names });
    const code = [
      'const summary = (v) => (v && typeof v.numRows === \'function\' ? { rows: v.numRows(), columns: v.columnNames(), head: v.slice(0, 10).objects() } : v);',
      `return JSON.stringify({ ${names.map((n) => `${JSON.stringify(n)}: summary(${n})`).join(', ')} });`,
    ].join('\n');
    return [cell, { ...cell, id, title: `probe of ${cell.id}`, params: { code }, outputs: [] } as NotebookCell];
  });
  return { cells: out, probes };
}

interface TableSummary { rows: number; columns: string[]; head: Record<string, unknown>[] }

/** Where the Python value differs from the workbench's (empty when they agree), values compared with `same`. */
export function valueDifferences(name: string, wb: unknown, py: unknown, same: (a: unknown, b: unknown) => boolean): string[] {
  if (py === undefined || py === null) return [`${name}: python reported nothing`];
  const w = wb as Partial<TableSummary> & Record<string, unknown>;
  const p = py as Partial<TableSummary> & Record<string, unknown>;
  if (Array.isArray(w.head)) {
    const out: string[] = [];
    if (w.rows !== p.rows) out.push(`${name}: ${String(w.rows)} rows, python ${String(p.rows)}`);
    if (JSON.stringify(w.columns) !== JSON.stringify(p.columns)) out.push(`${name}: columns ${JSON.stringify(w.columns)}, python ${JSON.stringify(p.columns)}`);
    w.head.forEach((row, i) => {
      for (const [col, v] of Object.entries(row)) {
        const q = p.head?.[i]?.[col];
        if (!same(v, q)) out.push(`${name} row ${i} ${col}: workbench ${JSON.stringify(v)}, python ${JSON.stringify(q)}`);
      }
    });
    return out;
  }
  return Object.entries(w).filter(([k, v]) => !same(v, p[k])).map(([k, v]) => `${name}.${k}: workbench ${JSON.stringify(v)}, python ${JSON.stringify(p[k])}`);
}
