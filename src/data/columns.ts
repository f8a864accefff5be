// Parameter checks shared by the data cells: a named column must exist, and
// the error lists the ones that do.
import type { ColumnTable } from 'arquero';
import { CellError } from '../core/errors.ts';

export function requireColumn(table: ColumnTable, column: string, where: string, tableName?: string): void {
  const names = table.columnNames();
  if (!names.includes(column)) {
    throw new CellError(`Column "${column}" is not in ${tableName ? `"${tableName}"` : 'the table'}.`, {
      where,
      hint: `Available columns: ${names.join(', ')}.`,
    });
  }
}
