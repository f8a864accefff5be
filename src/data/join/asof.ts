// As-of join, like pandas merge_asof: for each left row, the right row (of
// the same `by` group) nearest in time in the chosen direction —
// backward: the last right row with time ≤ the left time (ties: the last such row),
// forward: the first right row with time ≥ the left time,
// nearest: whichever of those two is closer (a tie goes backward, as pandas).
// With a tolerance, a match farther than it counts as none. Exact matches are
// allowed (pandas' allow_exact_matches=True).
//
// pandas requires both sides sorted by time; here each right group is sorted
// once (stable) and each left row is placed by binary search, so any order
// works and the result keeps the left table's row order. Right `by` columns
// are dropped (the left ones hold the same values), as pandas does.
import type { ColumnTable } from 'arquero';
import { CellError } from '../../core/errors.ts';
import { requireColumn } from '../columns.ts';
import { assemble } from './assemble.ts';
import { indexRows, keyOf, timeOf } from './keys.ts';

export type AsofDirection = 'backward' | 'forward' | 'nearest';

export interface AsofOptions {
  leftTime: string;
  rightTime: string;
  by?: readonly string[];
  direction?: AsofDirection;
  /** Largest allowed time gap in days (dates) — for numeric times, in the times' own units. */
  toleranceDays?: number | null;
  suffixes?: readonly [string, string];
}

export interface AsofResult {
  table: ColumnTable;
  matched: number;
  unmatched: number;
}

const DAY_MS = 86_400_000;

/** Index of the last t ≤ x in the sorted times (−1 if none). */
function lastAtOrBefore(times: Float64Array, x: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** Index of the first t ≥ x (times.length if none). */
function firstAtOrAfter(times: Float64Array, x: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isDateColumn(values: readonly unknown[]): boolean {
  const first = values.find((v) => v !== null && v !== undefined);
  return first instanceof Date || typeof first === 'string';
}

export function asofJoin(left: ColumnTable, right: ColumnTable, o: AsofOptions): AsofResult {
  requireColumn(left, o.leftTime, 'params.asof.leftTime', 'left');
  requireColumn(right, o.rightTime, 'params.asof.rightTime', 'right');
  const by = o.by ?? [];
  by.forEach((k, i) => {
    requireColumn(left, k, `params.asof.by.${i}`, 'left');
    requireColumn(right, k, `params.asof.by.${i}`, 'right');
  });
  const direction = o.direction ?? 'backward';
  const leftRaw = left.array(o.leftTime) as unknown[];
  const rightRaw = right.array(o.rightTime) as unknown[];
  const scale = isDateColumn(leftRaw) ? DAY_MS : 1;
  const tolerance = o.toleranceDays === null || o.toleranceDays === undefined ? Infinity : o.toleranceDays * scale;
  if (!(tolerance >= 0)) throw CellError.coded('join.tolerance', {}, { where: 'params.asof.toleranceDays' });

  // Right rows per group, sorted by time (stable, so equal times keep table order).
  const nr = right.numRows();
  const rightTimes = rightRaw.map(timeOf);
  const groups = indexRows(by.map((k) => right.array(k) as unknown[]), nr);
  if (by.length === 0) groups.set(keyOf([]) ?? '', Array.from({ length: nr }, (_, i) => i));
  const sorted = new Map<string, { rows: Int32Array; times: Float64Array }>();
  for (const [key, rows] of groups) {
    const valid = rows.filter((r) => rightTimes[r] !== null).sort((a, b) => (rightTimes[a] as number) - (rightTimes[b] as number) || a - b);
    sorted.set(key, { rows: Int32Array.from(valid), times: Float64Array.from(valid, (r) => rightTimes[r] as number) });
  }

  const nl = left.numRows();
  const leftBy = by.map((k) => left.array(k) as unknown[]);
  const li = new Int32Array(nl);
  const ri = new Int32Array(nl).fill(-1);
  let matched = 0;
  for (let i = 0; i < nl; i++) {
    li[i] = i;
    const t = timeOf(leftRaw[i]);
    const key = keyOf(leftBy.map((c) => c[i]));
    const group = t === null || key === null ? undefined : sorted.get(key);
    if (!group || t === null || group.times.length === 0) continue;
    const b = lastAtOrBefore(group.times, t);
    const f = firstAtOrAfter(group.times, t);
    const back = b >= 0 ? t - group.times[b] : Infinity;
    const fwd = f < group.times.length ? group.times[f] - t : Infinity;
    let pick = -1;
    let gap = Infinity;
    if (direction === 'backward' || (direction === 'nearest' && back <= fwd)) {
      pick = b;
      gap = back;
    } else {
      pick = f < group.times.length ? f : -1;
      gap = fwd;
    }
    if (pick >= 0 && gap <= tolerance) {
      ri[i] = group.rows[pick];
      matched++;
    }
  }
  const table = assemble(left, right, li, ri, {
    leftKeys: [o.leftTime], rightKeys: [o.rightTime], suffixes: o.suffixes ?? ['_x', '_y'], dropRight: by,
  });
  return { table, matched, unmatched: nl - matched };
}
