// rename: give one column a new name (same position).
import type { ColumnTable } from 'arquero';
import { CellError } from '../../core/errors.ts';
import type { FittedStep } from './common.ts';
import { requireColumns, stepParams, stepWhere } from './common.ts';
import type { StepOf } from './schema.ts';

export function fitRename(step: StepOf<'rename'>, _table: ColumnTable, index: number): FittedStep {
  if (step.to.trim() === '') throw CellError.coded('step.emptyName', stepParams(index, step), { where: stepWhere(index, 'to') });
  const apply = (t: ColumnTable): ColumnTable => {
    requireColumns(t, [step.from], index, step, 'from');
    if (step.to !== step.from && t.columnNames().includes(step.to)) {
      throw CellError.coded('step.nameTaken', { ...stepParams(index, step), name: step.to }, { where: stepWhere(index, 'to') });
    }
    return t.rename({ [step.from]: step.to });
  };
  return { step, apply };
}
