// derive: a new column from an Arquero expression string ("d => d.a * 2").
// Arquero parses the string itself and accepts only column references and
// its op functions, so a notebook cannot run arbitrary JavaScript here.
import type { ColumnTable } from 'arquero';
import { CellError } from '../../core/errors.ts';
import type { FittedStep } from './common.ts';
import { stepParams, stepWhere } from './common.ts';
import type { StepOf } from './schema.ts';

/** Run an Arquero verb on an expression, turning its errors into a CellError naming the step. */
export function withExpression<T>(index: number, step: StepOf<'derive'> | StepOf<'filter'>, table: ColumnTable, run: () => T): T {
  try {
    return run();
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const params = { ...stepParams(index, step), expr: JSON.stringify(step.expr), detail: message, columns: table.columnNames().join(', ') };
    throw CellError.coded('step.badExpression', params, { where: stepWhere(index, 'expr'), cause: error });
  }
}

export function fitDerive(step: StepOf<'derive'>, _table: ColumnTable, index: number): FittedStep {
  if (step.name.trim() === '') throw CellError.coded('step.needsName', stepParams(index, step), { where: stepWhere(index, 'name') });
  const apply = (t: ColumnTable): ColumnTable => withExpression(index, step, t, () => t.derive({ [step.name]: step.expr }));
  return { step, apply };
}
