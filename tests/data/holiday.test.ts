import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { fitPipeline } from '../../src/data/transforms/pipeline.ts';
import { stepSchema, type Step } from '../../src/data/transforms/schema.ts';
import { resolveHolidaySources, holidaySourceTables } from '../../src/data/transforms/holiday.ts';
import { CellError } from '../../src/core/errors.ts';

const step = (s: Record<string, unknown>): Step => stepSchema.parse({ op: 'holiday', ...s });
const utc = (y: number, m: number, d: number, h = 0) => new Date(Date.UTC(y, m - 1, d, h));

describe('holiday step', () => {
  it('flags dates (and timestamps, by UTC day) found in the list; missing dates stay missing', () => {
    const train = aq.table({ day: [utc(2024, 12, 24), utc(2024, 12, 25, 15), null, utc(2025, 1, 1)] });
    const p = fitPipeline([step({ column: 'day', dates: ['2025-01-01', '2024-12-25', '2024-12-25'] })], train);
    expect(p.fitted.array('is_holiday')).toEqual([false, true, null, true]);
    expect(p.steps[0].state).toEqual({ dates: ['2024-12-25', '2025-01-01'] });
    // Text dates and a custom name; the same fitted state on another table.
    const other = aq.table({ day: ['2025-01-01', '2025-01-02', 'soon'] });
    const renamed = fitPipeline([step({ column: 'day', dates: ['2025-01-01'], name: 'off' })], train);
    expect(renamed.apply(other).array('off')).toEqual([true, false, null]);
    expect(JSON.parse(JSON.stringify(p.toJSON()))).toEqual({ steps: [{ op: 'holiday', column: 'day', dates: ['2025-01-01', '2024-12-25', '2024-12-25'], name: 'is_holiday', state: { dates: ['2024-12-25', '2025-01-01'] } }] });
  });

  it('says what is wrong: a bad date, no dates at all, a missing column', () => {
    const t = aq.table({ day: [utc(2024, 1, 1)] });
    const bad = (() => { try { fitPipeline([step({ column: 'day', dates: ['2024-01-01', '25/12/2024'] })], t); } catch (e) { return e; } })() as CellError;
    expect(bad).toBeInstanceOf(CellError);
    expect(bad.where).toBe('params.steps.0.dates.1');
    expect(() => fitPipeline([step({ column: 'day' })], t)).toThrow(/give the holiday dates/);
    expect(() => fitPipeline([step({ column: 'when', dates: ['2024-01-01'] })], t)).toThrow(/"when" not in the table/);
  });

  it('reads holidays from another table before fitting', () => {
    const holidays = aq.table({ date: [utc(2024, 7, 4), null, utc(2024, 12, 25)], name: ['July 4', null, 'Christmas'] });
    const steps = [step({ column: 'day', from: { table: 'holidays', column: 'date' }, dates: ['2024-01-01'] })];
    expect(holidaySourceTables(steps)).toEqual(['holidays']);
    const lookup = (name: string, where: string) => {
      if (name !== 'holidays') throw new CellError(`no table ${name}`, { where });
      return holidays;
    };
    const resolved = resolveHolidaySources(steps, lookup);
    const p = fitPipeline(resolved, aq.table({ day: [utc(2024, 1, 1), utc(2024, 7, 4, 9), utc(2024, 7, 5)] }));
    expect(p.fitted.array('is_holiday')).toEqual([true, true, false]);
    expect(p.steps[0].state).toEqual({ dates: ['2024-01-01', '2024-07-04', '2024-12-25'] });
    expect(() => resolveHolidaySources([step({ column: 'day', from: { table: 'holidays', column: 'when' } })], lookup)).toThrow(/column "when" not in table "holidays"/);
  });
});
