// Table → column-major Float64Array for the trees. Unlike featureMatrix()
// (tfjs models) missing values are allowed: they become NaN and follow each
// split's learned default direction. Booleans count as 0/1; text is refused.
import type { ColumnTable } from 'arquero';
import { CellError } from '../../core/errors.ts';
import { columnValues } from '../features.ts';
import type { RawMatrix } from './binning.ts';

export function rawMatrix(table: ColumnTable, features: readonly string[]): RawMatrix {
  const rows = table.numRows();
  const cols = features.length;
  const X = new Float64Array(rows * cols);
  features.forEach((name, j) => {
    const values = columnValues(table, name, 'params.features');
    const off = j * rows;
    for (let i = 0; i < rows; i++) {
      const v = values[i];
      if (v === null || v === undefined) X[off + i] = NaN;
      else if (typeof v === 'number') X[off + i] = v;
      else if (typeof v === 'boolean') X[off + i] = v ? 1 : 0;
      else if (typeof v === 'bigint') X[off + i] = Number(v);
      else {
        throw CellError.coded('feature.notNumericTrees', { column: name, row: i + 1, value: JSON.stringify(String(v)) }, { where: 'params.features' });
      }
    }
  });
  return { X, rows, cols };
}
