// A table out as Parquet (hyparquet-writer): numbers as DOUBLE (every JS
// number, integers included, round-trips exactly), text as STRING, booleans
// as BOOLEAN, dates as TIMESTAMP (milliseconds, UTC); a column that mixes
// kinds is written as text. Missing values stay missing (nullable columns).
import type { ColumnTable } from 'arquero';
import { parquetWriteBuffer, type ColumnSource } from 'hyparquet-writer';

type ParquetType = 'DOUBLE' | 'STRING' | 'BOOLEAN' | 'TIMESTAMP';

function kindOf(values: readonly unknown[]): ParquetType {
  const kinds = new Set<string>();
  for (const v of values) {
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) continue;
    kinds.add(v instanceof Date ? 'date' : typeof v);
  }
  if (kinds.size === 1) {
    const [k] = kinds;
    if (k === 'number') return 'DOUBLE';
    if (k === 'boolean') return 'BOOLEAN';
    if (k === 'date') return 'TIMESTAMP';
  }
  return 'STRING';
}

function columnSource(name: string, values: readonly unknown[]): ColumnSource {
  const type = kindOf(values);
  const missing = (v: unknown) => v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v)) || (v instanceof Date && Number.isNaN(v.getTime()));
  const data = values.map((v) => {
    if (missing(v)) return null;
    if (type === 'STRING') return typeof v === 'string' ? v : v instanceof Date ? v.toISOString() : String(v);
    return v;
  });
  return { name, data, type, nullable: true };
}

/** The whole table as the bytes of one Parquet file. */
export function tableToParquet(table: ColumnTable): Uint8Array {
  const columnData = table.columnNames().map((name) => columnSource(name, Array.from(table.array(name) as ArrayLike<unknown>)));
  return new Uint8Array(parquetWriteBuffer({ columnData, createdBy: 'ML Workbench (hyparquet-writer)' }));
}
