// Encoders fitted on the training table and applied unchanged elsewhere.
// ordinal: each category becomes its index among the sorted training
//   categories (like sklearn OrdinalEncoder(handle_unknown='use_encoded_value',
//   unknown_value=-1)): a category not seen in training gives -1, a missing
//   value stays missing (null).
// target: each category becomes the smoothed mean of the target over the
//   training rows with it, (n_c * mean_c + m * global) / (n_c + m), where
//   global is the training target mean; an unseen or missing category gets
//   the global mean. Fitted on train only, so no validation target leaks in
//   (it still leaks within train: use a large m for rare categories).
import type { ColumnTable } from 'arquero';
import { CellError } from '../../core/errors.ts';
import { columnValues, isMissing } from '../stats.ts';
import type { FittedStep } from './common.ts';
import { requireColumns, stepParams, stepWhere } from './common.ts';
import type { StepOf } from './schema.ts';

type Category = string | number | boolean;

function categoryKey(v: unknown): Category {
  return v instanceof Date ? v.toISOString() : (v as Category);
}

export function fitOrdinal(step: StepOf<'ordinal'>, table: ColumnTable, index: number): FittedStep {
  requireColumns(table, step.columns, index, step);
  const codes = new Map<string, Map<Category, number>>();
  const state: Record<string, Category[]> = {};
  for (const c of step.columns) {
    const seen = new Set<Category>();
    for (const v of columnValues(table, c)) if (!isMissing(v)) seen.add(categoryKey(v));
    const sorted = [...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    state[c] = sorted;
    codes.set(c, new Map(sorted.map((v, i) => [v, i])));
  }
  return {
    step,
    state: { categories: state },
    apply(t) {
      requireColumns(t, step.columns, index, step);
      const replaced: Record<string, unknown[]> = {};
      for (const [c, map] of codes) replaced[c] = columnValues(t, c).map((v) => (isMissing(v) ? null : map.get(categoryKey(v)) ?? -1));
      return t.assign(replaced);
    },
  };
}

export function fitTargetEncode(step: StepOf<'target'>, table: ColumnTable, index: number): FittedStep {
  if (!step.target) throw CellError.coded('step.chooseTarget', stepParams(index, step), { where: stepWhere(index, 'target') });
  requireColumns(table, [step.target, ...step.columns], index, step);
  const y = columnValues(table, step.target).map((v) => (typeof v === 'boolean' ? Number(v) : v));
  const bad = y.find((v) => !isMissing(v) && typeof v !== 'number');
  if (bad !== undefined) {
    throw CellError.coded('step.targetNotNumeric', { ...stepParams(index, step), target: step.target, value: JSON.stringify(bad) }, { where: stepWhere(index, 'target') });
  }
  let sum = 0;
  let count = 0;
  for (const v of y) {
    if (typeof v !== 'number' || Number.isNaN(v)) continue;
    sum += v;
    count++;
  }
  if (count === 0) throw CellError.coded('step.targetNoValues', stepParams(index, step), { where: stepWhere(index, 'target') });
  const global = sum / count;
  const m = step.smoothing;
  const maps = new Map<string, Map<Category, number>>();
  const state: Record<string, Record<string, number>> = {};
  for (const c of step.columns) {
    const acc = new Map<Category, { s: number; n: number }>();
    columnValues(table, c).forEach((v, r) => {
      const t = y[r];
      if (isMissing(v) || typeof t !== 'number' || Number.isNaN(t)) return;
      const k = categoryKey(v);
      const e = acc.get(k) ?? { s: 0, n: 0 };
      e.s += t;
      e.n++;
      acc.set(k, e);
    });
    const map = new Map<Category, number>();
    for (const [k, { s, n }] of acc) map.set(k, (n * (s / n) + m * global) / (n + m));
    maps.set(c, map);
    state[c] = Object.fromEntries([...map].map(([k, v]) => [String(k), v]));
  }
  return {
    step,
    state: { global, smoothing: m, means: state },
    apply(t) {
      requireColumns(t, step.columns, index, step);
      const replaced: Record<string, unknown[]> = {};
      for (const [c, map] of maps) replaced[c] = columnValues(t, c).map((v) => (isMissing(v) ? global : map.get(categoryKey(v)) ?? global));
      return t.assign(replaced);
    },
  };
}
