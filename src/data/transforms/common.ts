// Shared pieces of the transform steps: the fitted-step shape and the
// column checks that turn a missing column into a message naming the step.
import type { ColumnTable } from 'arquero';
import { CellError } from '../../core/errors.ts';
import type { Step } from './schema.ts';

/** A step after fitting: its learned state and a pure apply(). */
export interface FittedStep {
  readonly step: Step;
  /** What fit learned (means, categories, ...), as plain JSON; absent for stateless steps. */
  readonly state?: unknown;
  apply(table: ColumnTable): ColumnTable;
}

/** "step 2 (scale)": how messages name a step; index is 0-based. */
export function stepLabel(index: number, step: Step): string {
  return `step ${index + 1} (${step.op})`;
}

export function stepWhere(index: number, field?: string): string {
  return `params.steps.${index}${field ? `.${field}` : ''}`;
}

/** Throw a CellError naming the step if any column is absent from the table. */
export function requireColumns(table: ColumnTable, columns: readonly string[], index: number, step: Step, field = 'columns'): void {
  const names = table.columnNames();
  const absent = columns.filter((c) => !names.includes(c));
  if (absent.length > 0) {
    throw new CellError(`${stepLabel(index, step)}: column${absent.length > 1 ? 's' : ''} ${absent.map((c) => `"${c}"`).join(', ')} not in the table.`, {
      where: stepWhere(index, field),
      hint: `Available columns: ${names.join(', ')}.`,
    });
  }
}
