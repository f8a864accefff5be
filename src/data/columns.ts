// Parameter checks shared by the data cells: a named column must exist, and
// the error lists the ones that do.
import type { ColumnTable } from 'arquero';
import { CellError } from '../core/errors.ts';

export function requireColumn(table: ColumnTable, column: string, where: string, tableName?: string): void {
  const names = table.columnNames();
  if (!names.includes(column)) {
    const columns = names.join(', ');
    throw tableName
      ? CellError.coded('column.notIn', { column, table: tableName, columns }, { where })
      : CellError.coded('column.notInTable', { column, columns }, { where });
  }
}
