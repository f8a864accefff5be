// dateparts: calendar features of a date column in UTC, named column_part,
// like pandas .dt accessors: year, month (1-12), day, weekday (Monday = 0),
// hour, dayofyear (1-366) and weekend (Saturday or Sunday, a boolean).
// Text dates are parsed with Date.parse; missing or unparseable give null.
import type { ColumnTable } from 'arquero';
import { columnValues } from '../stats.ts';
import type { FittedStep } from './common.ts';
import { requireColumns } from './common.ts';
import type { StepOf } from './schema.ts';
import { toTime } from '../timeseries/resample.ts';

type Part = StepOf<'dateparts'>['parts'][number];

export function datePart(t: number, part: Part): number | boolean {
  const d = new Date(t);
  const weekday = (d.getUTCDay() + 6) % 7;
  switch (part) {
    case 'year': return d.getUTCFullYear();
    case 'month': return d.getUTCMonth() + 1;
    case 'day': return d.getUTCDate();
    case 'weekday': return weekday;
    case 'hour': return d.getUTCHours();
    case 'weekend': return weekday >= 5;
    case 'dayofyear': return Math.floor((Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
  }
}

export function fitDateparts(step: StepOf<'dateparts'>, _table: ColumnTable, index: number): FittedStep {
  return {
    step,
    apply(t) {
      requireColumns(t, [step.column], index, step, 'column');
      const times = columnValues(t, step.column).map(toTime);
      const added: Record<string, unknown[]> = {};
      for (const part of step.parts) added[`${step.column}_${part}`] = times.map((x) => (x === null ? null : datePart(x, part)));
      return t.assign(added);
    },
  };
}
