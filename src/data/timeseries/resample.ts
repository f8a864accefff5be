// Build the series the time-series cell analyses: optional row filter,
// sort by time, optional resampling into calendar buckets (UTC), and the
// numeric values. Like pandas resample: an empty bucket sums to 0 and has no
// mean (null). Buckets are labelled by their start: the day, the Monday of
// the week (pandas 'W-MON' closed left would do the same), the 1st of the month.
import type { ColumnTable } from 'arquero';
import { CellError } from '../../core/errors.ts';
import { columnValues, isMissing } from '../stats.ts';

export type Frequency = 'none' | 'day' | 'week' | 'month';
export type Aggregate = 'sum' | 'mean';

export interface Series {
  /** Time of each point (ISO strings), or null when the table has no time column. */
  times: string[] | null;
  values: (number | null)[];
}

const DAY = 86_400_000;

/** Start of the bucket holding t (ms since epoch, UTC). */
export function bucketStart(t: number, freq: Exclude<Frequency, 'none'>): number {
  const day = Math.floor(t / DAY) * DAY;
  if (freq === 'day') return day;
  if (freq === 'week') {
    const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday = 0, like pandas
    return day - weekday * DAY;
  }
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

function nextBucket(start: number, freq: Exclude<Frequency, 'none'>): number {
  if (freq === 'day') return start + DAY;
  if (freq === 'week') return start + 7 * DAY;
  const d = new Date(start);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

export function toTime(v: unknown): number | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.getTime();
  if (typeof v === 'string') {
    const t = Date.parse(v);
    return Number.isNaN(t) ? null : t;
  }
  return null;
}

export interface SeriesOptions {
  time?: string;
  value: string;
  resample: Frequency;
  aggregate: Aggregate;
}

export function buildSeries(table: ColumnTable, o: SeriesOptions): Series {
  const raw = columnValues(table, o.value);
  const bad = raw.find((v) => !isMissing(v) && typeof v !== 'number');
  if (bad !== undefined) {
    throw CellError.coded('ts.valueNotNumeric', { column: o.value, value: JSON.stringify(bad) }, { where: 'params.value' });
  }
  const values = raw.map((v) => (isMissing(v) ? null : (v as number)));
  if (!o.time) {
    if (o.resample !== 'none') throw CellError.coded('ts.resampleNeedsTime', {}, { where: 'params.time' });
    return { times: null, values };
  }
  const rawTimes = columnValues(table, o.time);
  const rows: { t: number; v: number | null }[] = [];
  rawTimes.forEach((tv, i) => {
    const t = toTime(tv);
    if (t !== null) rows.push({ t, v: values[i] });
  });
  if (rows.length === 0) throw CellError.coded('ts.noDates', { column: o.time }, { where: 'params.time' });
  rows.sort((a, b) => a.t - b.t); // stable: ties keep table order
  if (o.resample === 'none') return { times: rows.map((r) => new Date(r.t).toISOString()), values: rows.map((r) => r.v) };
  const freq = o.resample;
  const times: string[] = [];
  const out: (number | null)[] = [];
  let at = 0;
  const last = bucketStart(rows[rows.length - 1].t, freq);
  for (let start = bucketStart(rows[0].t, freq); start <= last; start = nextBucket(start, freq)) {
    const end = nextBucket(start, freq);
    let sum = 0;
    let count = 0;
    while (at < rows.length && rows[at].t < end) {
      const v = rows[at++].v;
      if (v !== null) {
        sum += v;
        count++;
      }
    }
    times.push(new Date(start).toISOString());
    out.push(o.aggregate === 'sum' ? sum : count ? sum / count : null);
  }
  return { times, values: out };
}
