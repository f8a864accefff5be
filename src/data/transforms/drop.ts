// drop: remove the listed columns.
import type { ColumnTable } from 'arquero';
import * as aq from 'arquero';
import type { FittedStep } from './common.ts';
import { requireColumns } from './common.ts';
import type { StepOf } from './schema.ts';

export function fitDrop(step: StepOf<'drop'>, _table: ColumnTable, index: number): FittedStep {
  const apply = (t: ColumnTable): ColumnTable => {
    requireColumns(t, step.columns, index, step);
    return t.select(aq.not(step.columns));
  };
  return { step, apply };
}
