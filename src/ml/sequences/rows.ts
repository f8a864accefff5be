// Row order for sequences: rows grouped (groups in order of first
// appearance) and, within a group, sorted by a time column when one is given
// (stable, so ties keep the table's order). Windows and padded sequences
// never cross a group boundary.
import type { ColumnTable } from 'arquero';
import type { Scalar } from '../../core/outputs.ts';
import { CellError } from '../../core/errors.ts';
import { columnValues } from '../features.ts';

export interface GroupRows {
  key: Scalar;
  /** Row positions (0-based, in the table's order), time-sorted. */
  rows: number[];
}

function sortKey(v: unknown): number | string {
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'number' || typeof v === 'bigint') return Number(v);
  return String(v);
}

function toScalar(v: unknown): Scalar {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

export function requireColumn(table: ColumnTable, name: string, where: string): void {
  if (!table.columnNames().includes(name)) {
    throw CellError.coded('column.missing', { column: name, columns: table.columnNames().join(', ') }, { where });
  }
}

export function groupRows(table: ColumnTable, group: string | undefined, time: string | undefined): GroupRows[] {
  const n = table.numRows();
  const groups = new Map<string, GroupRows>();
  const keys = group ? columnValues(table, group, 'params.group') : undefined;
  for (let i = 0; i < n; i++) {
    const key = keys ? toScalar(keys[i]) : null;
    const k = JSON.stringify(key);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { key, rows: [] }));
    g.rows.push(i);
  }
  if (time) {
    const t = columnValues(table, time, 'params.time').map(sortKey);
    for (const g of groups.values()) {
      g.rows.sort((a, b) => {
        const x = t[a];
        const y = t[b];
        if (x === y) return a - b;
        if (typeof x === 'number' && typeof y === 'number') return x - y;
        return String(x) < String(y) ? -1 : 1;
      });
    }
  }
  return [...groups.values()];
}
