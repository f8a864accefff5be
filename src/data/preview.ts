// Turn an Arquero table into a serializable preview (schema, row count and
// the first rows), the form in which tables leave the kernel.
import type { ColumnTable } from 'arquero';
import type { ColumnInfo, ColumnType, Scalar, TableOutput } from '../core/outputs.ts';

export const PREVIEW_ROWS = 50;

/** The type of a column, from its values (the first non-missing values decide). */
export function columnType(table: ColumnTable, name: string): ColumnType {
  const column = table.column(name);
  if (!column) return 'unknown';
  const n = table.numRows();
  let seen: ColumnType | undefined;
  let allIntegers = true;
  for (let i = 0, checked = 0; i < n && checked < 1000; i++) {
    const v = column.at(i);
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) continue;
    checked++;
    const t: ColumnType =
      typeof v === 'number' ? 'number'
      : typeof v === 'bigint' ? 'integer'
      : typeof v === 'boolean' ? 'boolean'
      : v instanceof Date ? 'date'
      : typeof v === 'string' ? 'string'
      : 'unknown';
    if (t === 'number' && !Number.isInteger(v)) allIntegers = false;
    if (seen === undefined) seen = t;
    else if (seen !== t) return 'unknown';
  }
  if (seen === 'number' && allIntegers) return 'integer';
  return seen ?? 'unknown';
}

export function tableSchema(table: ColumnTable): ColumnInfo[] {
  return table.columnNames().map((name) => ({ name, type: columnType(table, name) }));
}

/** A value as it can cross postMessage and JSON: dates as ISO strings, NaN as null. */
export function toScalar(value: unknown): Scalar {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  return String(value);
}

export function tablePreview(table: ColumnTable, options: { name?: string; title?: string; titleKo?: string; rows?: number } = {}): TableOutput {
  const limit = Math.min(options.rows ?? PREVIEW_ROWS, table.numRows());
  const names = table.columnNames();
  const rows: Record<string, Scalar>[] = [];
  const columns = names.map((n) => table.column(n)!);
  // Row indices in the table's current order (respects filters and orderby).
  const indices = table.indices();
  for (let r = 0; r < limit; r++) {
    const row: Record<string, Scalar> = {};
    for (let c = 0; c < names.length; c++) row[names[c]] = toScalar(columns[c].at(indices[r]));
    rows.push(row);
  }
  const out: TableOutput = { type: 'table', columns: tableSchema(table), rowCount: table.numRows(), rows };
  if (options.name !== undefined) out.name = options.name;
  if (options.title !== undefined) out.title = options.title;
  if (options.titleKo !== undefined) out.titleKo = options.titleKo;
  return out;
}
