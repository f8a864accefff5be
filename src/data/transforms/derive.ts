// derive: a new column from an Arquero expression string ("d => d.a * 2").
// Arquero parses the string itself and accepts only column references and
// its op functions, so a notebook cannot run arbitrary JavaScript here.
import type { ColumnTable } from 'arquero';
import { CellError } from '../../core/errors.ts';
import type { FittedStep } from './common.ts';
import { stepLabel, stepWhere } from './common.ts';
import type { StepOf } from './schema.ts';

/** Run an Arquero verb on an expression, turning its errors into a CellError naming the step. */
export function withExpression<T>(index: number, step: StepOf<'derive'> | StepOf<'filter'>, table: ColumnTable, run: () => T): T {
  try {
    return run();
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new CellError(`${stepLabel(index, step)}: the expression ${JSON.stringify(step.expr)} cannot be used: ${message}`, {
      where: stepWhere(index, 'expr'),
      hint: `Write it as "d => ..." using d.column and op.* functions. Columns: ${table.columnNames().join(', ')}.`,
      cause: error,
    });
  }
}

export function fitDerive(step: StepOf<'derive'>, _table: ColumnTable, index: number): FittedStep {
  if (step.name.trim() === '') throw new CellError(`${stepLabel(index, step)}: the new column needs a name.`, { where: stepWhere(index, 'name') });
  const apply = (t: ColumnTable): ColumnTable => withExpression(index, step, t, () => t.derive({ [step.name]: step.expr }));
  return { step, apply };
}
