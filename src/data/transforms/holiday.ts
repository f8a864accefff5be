// holiday: a boolean column that is true when the date falls on a holiday.
// Days are compared as UTC calendar days (yyyy-mm-dd), so a timestamp column
// matches a holiday on its day. Missing or unparseable dates give null.
//
// The holidays come from the step's `dates` (ISO yyyy-mm-dd), and/or from a
// date column of another table (`from`). Steps are fitted on one table, so
// the transform cell reads `from` before fitting (resolveHolidaySources) and
// passes its days in as `dates`; the fitted state keeps the sorted list, so a
// saved transform flags new data without the holiday table.
import type { ColumnTable } from 'arquero';
import { CellError } from '../../core/errors.ts';
import { columnValues } from '../stats.ts';
import { parseDate } from '../infer.ts';
import { toTime } from '../timeseries/resample.ts';
import type { FittedStep } from './common.ts';
import { requireColumns, stepParams, stepWhere } from './common.ts';
import type { Step, StepOf } from './schema.ts';

const DAY_MS = 86_400_000;

/** The UTC day number of a date (Date, ISO text), or null. */
function dayOf(v: unknown): number | null {
  const t = toTime(v);
  return t === null ? null : Math.floor(t / DAY_MS);
}

function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export interface HolidayState {
  /** The holidays, yyyy-mm-dd, sorted and distinct. */
  dates: string[];
}

export function fitHoliday(step: StepOf<'holiday'>, _table: ColumnTable, index: number): FittedStep {
  const days = new Set<number>();
  step.dates.forEach((text, i) => {
    const d = parseDate(text);
    if (d === undefined) {
      throw CellError.coded('step.notDate', { ...stepParams(index, step), value: text }, { where: stepWhere(index, `dates.${i}`) });
    }
    days.add(Math.floor(d.getTime() / DAY_MS));
  });
  if (days.size === 0 && !step.from) {
    throw CellError.coded('step.holidayDates', stepParams(index, step), { where: stepWhere(index, 'dates') });
  }
  const name = step.name.trim() === '' ? 'is_holiday' : step.name;
  const state: HolidayState = { dates: [...days].sort((a, b) => a - b).map(isoDay) };
  return {
    step,
    state,
    apply(t) {
      requireColumns(t, [step.column], index, step, 'column');
      const values = columnValues(t, step.column);
      const flags = values.map((v) => {
        const day = dayOf(v);
        return day === null ? null : days.has(day);
      });
      return t.assign({ [name]: flags });
    },
  };
}

/**
 * Holiday steps with a `from` table get that table's dates added to their
 * `dates` (the transform cell calls this with its table lookup before
 * fitting). Other steps are returned as they are.
 */
export function resolveHolidaySources(steps: readonly Step[], table: (name: string, where: string) => ColumnTable): Step[] {
  return steps.map((step, index) => {
    if (step.op !== 'holiday' || !step.from) return step;
    const source = table(step.from.table, stepWhere(index, 'from.table'));
    if (!source.columnNames().includes(step.from.column)) {
      throw CellError.coded('step.columnNotInTable', { ...stepParams(index, step), column: step.from.column, table: step.from.table, columns: source.columnNames().join(', ') }, { where: stepWhere(index, 'from.column') });
    }
    const extra: string[] = [];
    for (const v of columnValues(source, step.from.column)) {
      const day = dayOf(v);
      if (day !== null) extra.push(isoDay(day));
    }
    return { ...step, dates: [...step.dates, ...extra] };
  });
}

/** The tables that holiday steps read their dates from (the cell's extra inputs). */
export function holidaySourceTables(steps: readonly Step[]): string[] {
  return steps.flatMap((s) => (s.op === 'holiday' && s.from ? [s.from.table] : []));
}
