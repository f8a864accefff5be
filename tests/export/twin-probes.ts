// The course-notebook test's view of code cells with a Python twin: the
// workbench shows only what a code cell returns or displays, so a probe cell
// after each one displays every table and metrics value it set; the exported
// twin reports the same values (src/export/python/codecell.ts). A value
// computed from a trained model is held to its shape and columns only (the
// models' own metrics are compared at their evaluate cells); every other
// value is identical, row by row.
import type { NotebookCell } from '../../src/notebook/model.ts';
import type { CellOutput } from '../../src/core/outputs.ts';
import { declaredWrites } from '../../src/cells/code.ts';
import { twinValueKinds } from '../../src/export/python/codecell.ts';

export const PROBE_SUFFIX = '-twin-probe';

/** Cell kinds whose values come from a trained model (or its predictions). */
const FITTED_KINDS = new Set(['train', 'tune', 'evaluate', 'predict', 'ensemble', 'textclassify', 'crossval', 'pipeline', 'compare', 'explain']);

/** The values a code cell's twin makes that it reports (not models or transforms), in the order the JavaScript sets them. */
export function twinValues(cell: NotebookCell): string[] {
  const python = String(cell.params.python ?? '');
  if (cell.kind !== 'code' || !python.trim()) return [];
  const kinds = twinValueKinds(python, declaredWrites(String(cell.params.code ?? '')));
  return [...kinds].filter(([, kind]) => kind !== 'model' && kind !== 'transform').map(([name]) => name);
}

/** The cells, each code cell with a twin followed by its probe (a code cell that displays what the twin's JavaScript set). */
export function withTwinProbes(cells: NotebookCell[]): NotebookCell[] {
  return cells.flatMap((cell) => {
    const values = twinValues(cell);
    if (!values.length) return [cell];
    const probe: NotebookCell = {
      id: `${cell.id}${PROBE_SUFFIX}`, kind: 'code', outputs: [], jupyter: cell.jupyter,
      params: { code: values.map((name) => `display(${name});`).join('\n'), reads: values },
    };
    return [cell, probe];
  });
}

/** The names whose values came from a trained model: made by a model cell, or by a cell that read one. */
export function fittedNames(cells: { kind: string; reads: string[]; writes: string[] }[]): Set<string> {
  const fitted = new Set<string>();
  for (const cell of cells) {
    if (FITTED_KINDS.has(cell.kind) || cell.reads.some((r) => fitted.has(r))) cell.writes.forEach((w) => fitted.add(w));
  }
  return fitted;
}

export type Check = (ok: boolean, message: string) => void;

/**
 * One value a twin made against the workbench's probe output of it:
 * a table's shape and column names always, its first rows when not fitted;
 * a metrics value's keys and numbers, a number, when not fitted.
 */
export function compareTwinValue(
  where: string, name: string, shown: CellOutput, reported: (key: string) => unknown, fitted: boolean,
  closeTo: (a: unknown, b: unknown) => boolean, check: Check,
): void {
  if (shown.type === 'table') {
    const mine = reported(`table:${name}`) as { shape: [number, number]; columns: string[]; head: Record<string, unknown>[] };
    check(mine !== undefined, `${where}: python reported no table ${name}`);
    if (!mine) return;
    check(JSON.stringify(mine.shape) === JSON.stringify([shown.rowCount, shown.columns.length]), `${where} ${name} shape: workbench ${shown.rowCount}×${shown.columns.length}, python ${mine.shape.join('×')}`);
    check(JSON.stringify(mine.columns) === JSON.stringify(shown.columns.map((c) => c.name)), `${where} ${name} columns: workbench ${shown.columns.map((c) => c.name).join(', ')}; python ${mine.columns.join(', ')}`);
    if (fitted) return;
    const n = Math.min(mine.head.length, shown.rows.length);
    check(n > 0 || shown.rowCount === 0, `${where} ${name}: no rows to compare`);
    for (let i = 0; i < n; i++) {
      for (const [col, v] of Object.entries(shown.rows[i])) {
        check(closeTo(v, mine.head[i][col]), `${where} ${name} row ${i} ${col}: workbench ${String(v)}, python ${String(mine.head[i][col])}`);
      }
    }
  } else if (shown.type === 'json' && isNumberRecord(shown.value)) {
    const want = shown.value;
    const mine = reported(`metrics:${name}`) as Record<string, number> | undefined;
    check(mine !== undefined, `${where}: python reported no metrics ${name}`);
    if (!mine) return;
    // A model's metrics: the evaluate cells compare them; here only that the twin made them.
    if (fitted) return;
    check(JSON.stringify(Object.keys(mine).sort()) === JSON.stringify(Object.keys(want).sort()), `${where} ${name} keys: workbench ${Object.keys(want).join(', ')}; python ${Object.keys(mine).join(', ')}`);
    for (const [key, v] of Object.entries(want)) check(closeTo(v, mine[key]), `${where} ${name}.${key}: workbench ${v}, python ${mine[key]}`);
  } else if (shown.type === 'text' && /^-?\d/.test(shown.text)) {
    // A number the JavaScript set: the twin's, identical unless it came from a model.
    const python = reported(`number:${name}`);
    check(typeof python === 'number', `${where}: python reported no number ${name}`);
    if (!fitted) check(closeTo(Number(shown.text), python), `${where} ${name}: workbench ${shown.text}, python ${String(python)}`);
  } else if (shown.type === 'text' || shown.type === 'json') {
    // Another kind of value (text, a list): shown by the workbench, not compared.
  } else {
    check(false, `${where} ${name}: the workbench showed a ${shown.type}, not a table or metrics`);
  }
}

function isNumberRecord(x: unknown): x is Record<string, number> {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && Object.values(x).every((v) => typeof v === 'number');
}
