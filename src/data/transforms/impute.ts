// impute: fill missing values with a value learned from the training table,
// like scikit-learn's SimpleImputer: mean, median, most_frequent (ties go to
// the smallest value, as sklearn does) or a constant (default 0 for numeric
// columns, "missing_value" for others, sklearn's defaults); or ffill, which
// learns nothing and fills from earlier rows of the same table.
import type { ColumnTable } from 'arquero';
import { CellError } from '../../core/errors.ts';
import type { Scalar } from '../../core/outputs.ts';
import { columnValues, isMissing, mean, numbersOf, quantileSorted, sortedNumbers } from '../stats.ts';
import type { FittedStep } from './common.ts';
import { requireColumns, stepParams, stepWhere } from './common.ts';
import type { StepOf } from './schema.ts';
import { orderedGroups } from './order.ts';

type Fill = number | string | boolean | Date;

function compare(a: Fill, b: Fill): number {
  const x = a instanceof Date ? a.getTime() : a;
  const y = b instanceof Date ? b.getTime() : b;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The most frequent non-missing value; among ties the smallest. */
export function mostFrequent(values: readonly unknown[]): Fill | undefined {
  const counts = new Map<unknown, { value: Fill; count: number }>();
  for (const v of values) {
    if (isMissing(v)) continue;
    const k = v instanceof Date ? v.getTime() : v;
    const e = counts.get(k);
    if (e) e.count++;
    else counts.set(k, { value: v as Fill, count: 1 });
  }
  let best: { value: Fill; count: number } | undefined;
  for (const e of counts.values()) {
    if (!best || e.count > best.count || (e.count === best.count && compare(e.value, best.value) < 0)) best = e;
  }
  return best?.value;
}

function learnFill(step: StepOf<'impute'>, values: readonly unknown[], column: string, index: number): Fill {
  const present = values.filter((v) => !isMissing(v));
  if (step.strategy === 'constant') {
    if (step.value !== undefined) return step.value;
    return present.length > 0 && present.every((v) => typeof v === 'number') ? 0 : 'missing_value';
  }
  if (present.length === 0) {
    throw CellError.coded('step.imputeNoValues', { ...stepParams(index, step), column, strategy: step.strategy }, { where: stepWhere(index, 'columns') });
  }
  if (step.strategy === 'most_frequent') return mostFrequent(present)!;
  if (!present.every((v) => typeof v === 'number')) {
    throw CellError.coded('step.imputeNotNumeric', { ...stepParams(index, step), column, strategy: step.strategy }, { where: stepWhere(index, 'strategy') });
  }
  const nums = numbersOf(present);
  return step.strategy === 'mean' ? mean(nums) : quantileSorted(sortedNumbers(nums), 0.5);
}

/** ffill: carry the last non-missing value forward within each group, in time order (pandas groupby(by).ffill()); leading gaps stay missing. */
function fitForwardFill(step: StepOf<'impute'>, index: number): FittedStep {
  return {
    step,
    apply(t) {
      requireColumns(t, step.columns, index, step);
      const groups = orderedGroups(t, step.by, step.orderBy, index, step);
      const replaced: Record<string, unknown[]> = {};
      for (const c of step.columns) {
        const values = columnValues(t, c);
        const out: unknown[] = values.map((v) => (isMissing(v) ? null : v));
        for (const g of groups) {
          let last: unknown = null;
          for (const r of g) {
            if (out[r] === null) out[r] = last;
            else last = out[r];
          }
        }
        replaced[c] = out;
      }
      return t.assign(replaced);
    },
  };
}

export function fitImpute(step: StepOf<'impute'>, table: ColumnTable, index: number): FittedStep {
  requireColumns(table, step.columns, index, step);
  if (step.strategy === 'ffill') return fitForwardFill(step, index);
  const fills = new Map<string, Fill>();
  for (const c of step.columns) fills.set(c, learnFill(step, columnValues(table, c), c, index));
  const state: Record<string, Scalar> = {};
  for (const [c, v] of fills) state[c] = v instanceof Date ? v.toISOString() : v;
  return {
    step,
    state: { fill: state },
    apply(t) {
      requireColumns(t, step.columns, index, step);
      const replaced: Record<string, unknown[]> = {};
      for (const [c, fill] of fills) replaced[c] = columnValues(t, c).map((v) => (isMissing(v) ? fill : v));
      return t.assign(replaced);
    },
  };
}
