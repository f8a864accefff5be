// Pages of a whole table, optionally sorted by one column, for the table
// grid: a preview holds only the first rows, so sorting or scrolling past
// them asks the kernel for the rows of the full table. Missing values sort
// last in both directions (as in pandas' sort_values(na_position='last')),
// numbers and dates by value, strings in natural order ("x2" < "x10"), and
// ties keep the table's order (a stable sort).
import type { ColumnTable } from 'arquero';
import type { Scalar } from '../core/outputs.ts';
import { toScalar } from './preview.ts';
import { CellError } from '../core/errors.ts';

export interface TableSort {
  column: string;
  descending?: boolean;
}

export interface TablePageRequest {
  sort?: TableSort | null;
  offset: number;
  limit: number;
}

export interface TablePage {
  rowCount: number;
  /** The rows' positions (0-based) in the table's own order, for the grid's index column. */
  index: number[];
  rows: Record<string, Scalar>[];
}

/** Pages are at most this many rows: the grid asks for more as it scrolls. */
export const MAX_PAGE_ROWS = 1000;

const collator = new Intl.Collator(undefined, { numeric: true });

/** A sortable key per row: numbers (dates as times, booleans as 0/1), strings, or null for missing. */
function sortKeys(table: ColumnTable, column: string): { numbers?: Float64Array; strings?: (string | null)[]; missing: Uint8Array } {
  const col = table.column(column);
  if (!col) throw CellError.coded('column.missing', { column, columns: table.columnNames().join(', ') });
  const order = table.indices();
  const n = order.length;
  const missing = new Uint8Array(n);
  const numbers = new Float64Array(n);
  let strings: (string | null)[] | undefined;
  for (let i = 0; i < n; i++) {
    const v: unknown = col.at(order[i]);
    if (v === null || v === undefined) missing[i] = 1;
    else if (typeof v === 'number') {
      if (Number.isNaN(v)) missing[i] = 1;
      else numbers[i] = v;
    } else if (typeof v === 'bigint') numbers[i] = Number(v);
    else if (typeof v === 'boolean') numbers[i] = v ? 1 : 0;
    else if (v instanceof Date) {
      const t = v.getTime();
      if (Number.isNaN(t)) missing[i] = 1;
      else numbers[i] = t;
    } else {
      // Any string (or other object) makes the column a string column.
      strings ??= new Array<string | null>(n).fill(null);
      strings[i] = String(v);
    }
  }
  if (!strings) return { numbers, missing };
  // Mixed columns compare as text, as the grid shows them.
  for (let i = 0; i < n; i++) if (!missing[i] && strings[i] === null) strings[i] = String(col.at(order[i]));
  return { strings, missing };
}

/** Positions 0..n-1 of the table's rows in sorted order. */
export function sortedOrder(table: ColumnTable, sort: TableSort): Uint32Array {
  const { numbers, strings, missing } = sortKeys(table, sort.column);
  const n = missing.length;
  const dir = sort.descending ? -1 : 1;
  const positions = Array.from({ length: n }, (_, i) => i);
  positions.sort((a, b) => {
    const ma = missing[a];
    const mb = missing[b];
    if (ma || mb) return ma && mb ? a - b : ma ? 1 : -1;
    const c = strings ? collator.compare(strings[a]!, strings[b]!) : numbers![a] - numbers![b];
    return c !== 0 ? dir * c : a - b;
  });
  return Uint32Array.from(positions);
}

/** Sorted orders already computed, per table object and sort: scrolling a sorted grid sorts once. */
const cache = new WeakMap<ColumnTable, Map<string, Uint32Array>>();

function cachedOrder(table: ColumnTable, sort: TableSort): Uint32Array {
  const key = `${sort.descending ? 'desc' : 'asc'}:${sort.column}`;
  let perTable = cache.get(table);
  if (!perTable) cache.set(table, (perTable = new Map()));
  let order = perTable.get(key);
  if (!order) {
    order = sortedOrder(table, sort);
    // Keep the last few sorts of a table only (each is 4 bytes per row).
    if (perTable.size >= 4) perTable.delete(perTable.keys().next().value!);
    perTable.set(key, order);
  }
  return order;
}

export function tablePage(table: ColumnTable, request: TablePageRequest): TablePage {
  const rowCount = table.numRows();
  if (!Number.isInteger(request.offset) || request.offset < 0) throw new Error(`offset must be a whole number ≥ 0, not ${request.offset}.`);
  if (!Number.isInteger(request.limit) || request.limit < 0) throw new Error(`limit must be a whole number ≥ 0, not ${request.limit}.`);
  const limit = Math.min(request.limit, MAX_PAGE_ROWS);
  const start = Math.min(request.offset, rowCount);
  const end = Math.min(rowCount, start + limit);
  const order = request.sort ? cachedOrder(table, request.sort) : undefined;
  const base = table.indices();
  const names = table.columnNames();
  const columns = names.map((name) => table.column(name)!);
  const index: number[] = [];
  const rows: Record<string, Scalar>[] = [];
  for (let p = start; p < end; p++) {
    const position = order ? order[p] : p;
    index.push(position);
    const row: Record<string, Scalar> = {};
    for (let c = 0; c < names.length; c++) row[names[c]] = toScalar(columns[c].at(base[position]));
    rows.push(row);
  }
  return { rowCount, index, rows };
}
