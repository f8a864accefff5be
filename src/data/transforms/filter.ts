// filter: keep the rows where an Arquero predicate is true. The result is
// reified (materialized) so that later steps and index-based code (splits)
// see plain row positions.
import type { ColumnTable } from 'arquero';
import type { FittedStep } from './common.ts';
import { withExpression } from './derive.ts';
import type { StepOf } from './schema.ts';

export function fitFilter(step: StepOf<'filter'>, _table: ColumnTable, index: number): FittedStep {
  const apply = (t: ColumnTable): ColumnTable => withExpression(index, step, t, () => t.filter(step.expr).reify());
  return { step, apply };
}
