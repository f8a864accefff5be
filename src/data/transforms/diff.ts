// diff: value minus the value `periods` rows earlier in the group, in time
// order (pandas groupby(by)[column].diff(periods)); null where either is
// missing or there is no earlier row.
import type { ColumnTable } from 'arquero';
import { CellError } from '../../core/errors.ts';
import type { FittedStep } from './common.ts';
import { requireColumns, stepParams, stepWhere } from './common.ts';
import { numericColumn, orderedGroups } from './order.ts';
import type { StepOf } from './schema.ts';

export function requireNumeric(table: ColumnTable, column: string, index: number, step: StepOf<'diff'> | StepOf<'rolling'> | StepOf<'deltas'> | StepOf<'bin'>, field = 'column'): (number | null)[] {
  requireColumns(table, [column], index, step, field);
  const { values, bad } = numericColumn(table, column);
  if (bad !== undefined) {
    throw CellError.coded('step.notNumericHolds', { ...stepParams(index, step), column, value: JSON.stringify(bad) }, { where: stepWhere(index, field) });
  }
  return values;
}

export function fitDiff(step: StepOf<'diff'>, _table: ColumnTable, index: number): FittedStep {
  const name = `${step.column}_diff${step.periods}`;
  return {
    step,
    apply(t) {
      const values = requireNumeric(t, step.column, index, step);
      const out = new Array<number | null>(values.length).fill(null);
      for (const g of orderedGroups(t, step.by, step.orderBy, index, step)) {
        for (let i = step.periods; i < g.length; i++) {
          const a = values[g[i]];
          const b = values[g[i - step.periods]];
          if (a !== null && b !== null) out[g[i]] = a - b;
        }
      }
      return t.assign({ [name]: out });
    },
  };
}
