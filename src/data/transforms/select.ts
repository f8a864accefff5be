// select: keep the listed columns, in the listed order.
import type { ColumnTable } from 'arquero';
import type { FittedStep } from './common.ts';
import { requireColumns } from './common.ts';
import type { StepOf } from './schema.ts';

export function fitSelect(step: StepOf<'select'>, _table: ColumnTable, index: number): FittedStep {
  const apply = (t: ColumnTable): ColumnTable => {
    requireColumns(t, step.columns, index, step);
    return t.select(step.columns);
  };
  return { step, apply };
}
