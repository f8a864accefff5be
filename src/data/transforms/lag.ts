// lag / lead / shiftTarget: a column's value some rows earlier or later
// within each group, in time order (pandas groupby(by)[column].shift(±k)
// after sorting by orderBy). null where the group has no such row. Computed
// within each table, so a validation table's first rows have no lag.
import type { ColumnTable } from 'arquero';
import { CellError } from '../../core/errors.ts';
import { columnValues } from '../stats.ts';
import type { FittedStep } from './common.ts';
import { requireColumns, stepParams, stepWhere } from './common.ts';
import { orderedGroups } from './order.ts';
import type { StepOf } from './schema.ts';

/** values shifted by `shift` rows within each ordered group (positive: from earlier rows). */
export function shiftWithin(values: readonly unknown[], groups: readonly number[][], shift: number): unknown[] {
  const out = new Array<unknown>(values.length).fill(null);
  for (const g of groups) {
    for (let i = 0; i < g.length; i++) {
      const j = i - shift;
      if (j >= 0 && j < g.length) out[g[i]] = values[g[j]] ?? null;
    }
  }
  return out;
}

type ShiftStep = StepOf<'lag'> | StepOf<'lead'> | StepOf<'shiftTarget'>;

export function fitShift(step: ShiftStep, _table: ColumnTable, index: number): FittedStep {
  if (!step.column) throw CellError.coded('step.chooseColumn', stepParams(index, step), { where: stepWhere(index, 'column') });
  const outputs: [string, number][] =
    step.op === 'shiftTarget' ? [[step.name?.trim() || `target_lead${step.lead}`, -step.lead]]
    : step.periods.map((p) => [`${step.column}_${step.op}${p}`, step.op === 'lag' ? p : -p]);
  return {
    step,
    apply(t) {
      requireColumns(t, [step.column], index, step, 'column');
      const groups = orderedGroups(t, step.by, step.orderBy, index, step);
      const values = columnValues(t, step.column);
      const added: Record<string, unknown[]> = {};
      for (const [name, shift] of outputs) added[name] = shiftWithin(values, groups, shift);
      return t.assign(added);
    },
  };
}
