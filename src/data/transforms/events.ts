// Session-log features (the course's sessionDrop notebook):
// gaps:   seconds since the previous event of the group, in time order
//         (pandas groupby(by)[time].diff().dt.total_seconds().fillna(0)):
//         0 for a group's first event; null where the time is missing
//         (pandas would fill that with 0 too — a missing time is no gap).
// deltas: change of running counters per event, groupby(by)[c].diff()
//         with the first event (and any row whose previous value is missing)
//         keeping the raw value — diff().fillna(raw) — optionally clipped at 0.
import type { ColumnTable } from 'arquero';
import { CellError } from '../../core/errors.ts';
import { columnValues } from '../stats.ts';
import type { FittedStep } from './common.ts';
import { requireColumns, stepParams, stepWhere } from './common.ts';
import { orderedGroups } from './order.ts';
import { requireNumeric } from './diff.ts';
import type { StepOf } from './schema.ts';
import { toTime } from '../timeseries/resample.ts';

export function fitGaps(step: StepOf<'gaps'>, _table: ColumnTable, index: number): FittedStep {
  if (!step.name.trim()) throw CellError.coded('step.needsName', stepParams(index, step), { where: stepWhere(index, 'name') });
  return {
    step,
    apply(t) {
      requireColumns(t, [step.time], index, step, 'time');
      const times = columnValues(t, step.time).map(toTime);
      const out = new Array<number | null>(times.length).fill(null);
      for (const g of orderedGroups(t, step.by, step.time, index, step)) {
        g.forEach((r, i) => {
          const now = times[r];
          if (now === null) return;
          const before = i > 0 ? times[g[i - 1]] : null;
          out[r] = i === 0 || before === null ? 0 : (now - before) / 1000;
        });
      }
      return t.assign({ [step.name]: out });
    },
  };
}

export function fitDeltas(step: StepOf<'deltas'>, _table: ColumnTable, index: number): FittedStep {
  return {
    step,
    apply(t) {
      requireColumns(t, step.columns, index, step);
      const groups = orderedGroups(t, step.by, step.orderBy, index, step);
      const added: Record<string, unknown[]> = {};
      for (const c of step.columns) {
        const values = requireNumeric(t, c, index, step, 'columns');
        const out = new Array<number | null>(values.length).fill(null);
        for (const g of groups) {
          g.forEach((r, i) => {
            const now = values[r];
            const before = i > 0 ? values[g[i - 1]] : null;
            const d = now === null ? null : before === null ? now : now - before;
            out[r] = d !== null && step.clip ? Math.max(0, d) : d;
          });
        }
        added[`${step.prefix}${c}`] = out;
      }
      return t.assign(added);
    },
  };
}
