// Row order for the time-ordered steps (lag, lead, diff, rolling, gaps,
// deltas, shiftTarget, ffill): rows split into groups of `by` (null is a
// group of its own) and, within each, sorted by `orderBy` with a stable sort
// (ties keep table order, missing order values go last) — what
// df.sort_values(orderBy, kind='mergesort').groupby(by) sees.
import type { ColumnTable } from 'arquero';
import { columnValues, isMissing } from '../stats.ts';
import type { Step } from './schema.ts';
import { requireColumns } from './common.ts';

function orderKey(v: unknown): number | string | null {
  if (isMissing(v)) return null;
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'number' || typeof v === 'string') return v;
  return String(v);
}

/** Row indices per group, each in time order; groups in order of first appearance. */
export function orderedGroups(table: ColumnTable, by: string | undefined, orderBy: string | undefined, index: number, step: Step): number[][] {
  const needed = [by, orderBy].filter((c): c is string => !!c);
  requireColumns(table, needed, index, step, by && !table.columnNames().includes(by) ? 'by' : 'orderBy');
  const n = table.numRows();
  let rows = Array.from({ length: n }, (_, i) => i);
  if (orderBy) {
    const keys = columnValues(table, orderBy).map(orderKey);
    rows = rows.sort((a, b) => {
      const x = keys[a];
      const y = keys[b];
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
      return x < y ? -1 : x > y ? 1 : 0;
    });
  }
  if (!by) return [rows];
  const groups = new Map<unknown, number[]>();
  const values = columnValues(table, by);
  for (const r of rows) {
    const v = values[r];
    const k = isMissing(v) ? null : v instanceof Date ? v.getTime() : v;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(r);
  }
  return [...groups.values()];
}

/** Numbers of a column with missing as null; a non-numeric value is reported by the caller. */
export function numericColumn(table: ColumnTable, column: string): { values: (number | null)[]; bad?: unknown } {
  const raw = columnValues(table, column);
  const bad = raw.find((v) => !isMissing(v) && typeof v !== 'number');
  return { values: raw.map((v) => (typeof v === 'number' && !Number.isNaN(v) ? v : null)), bad };
}
