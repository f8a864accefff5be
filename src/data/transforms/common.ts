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

/** A step's number (1-based) and operation, the parameters of a catalogued step message. */
export function stepParams(index: number, step: Step): { n: number; op: string } {
  return { n: index + 1, op: step.op };
}

export function stepWhere(index: number, field?: string): string {
  return `params.steps.${index}${field ? `.${field}` : ''}`;
}

/** Throw a CellError naming the step if any column is absent from the table. */
export function requireColumns(table: ColumnTable, columns: readonly string[], index: number, step: Step, field = 'columns'): void {
  const names = table.columnNames();
  const absent = columns.filter((c) => !names.includes(c));
  if (absent.length > 0) {
    const params = { ...stepParams(index, step), columns: absent.map((c) => `"${c}"`).join(', '), available: names.join(', ') };
    throw CellError.coded(absent.length > 1 ? 'step.columnsMissing' : 'step.columnMissing', params, { where: stepWhere(index, field) });
  }
}
