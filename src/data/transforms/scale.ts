// scale: standardize or min-max scale numeric columns with statistics
// learned from the training table, like scikit-learn:
//   standard: (x - mean) / std, population std (ddof = 0, StandardScaler);
//   minmax:   x * scale + min_, scale = 1 / (max - min) (MinMaxScaler);
//   robust:   (x - median) / (q75 - q25) (RobustScaler).
// A constant column gets scale 1 (sklearn's _handle_zeros_in_scale), and
// missing values stay missing (sklearn ignores NaN in fit, keeps it in transform).
import type { ColumnTable } from 'arquero';
import { CellError } from '../../core/errors.ts';
import { columnValues, isMissing, mean, numbersOf, quantileSorted, sortedNumbers, variance } from '../stats.ts';
import type { FittedStep } from './common.ts';
import { requireColumns, stepParams, stepWhere } from './common.ts';
import type { StepOf } from './schema.ts';

const EPS = 2 ** -52;

interface ColumnScale {
  /** x' = (x - shift) * factor */
  shift: number;
  factor: number;
  stats: Record<string, number>;
}

function learnScale(step: StepOf<'scale'>, values: readonly unknown[], column: string, index: number): ColumnScale {
  const present = values.filter((v) => !isMissing(v));
  if (!present.every((v) => typeof v === 'number')) {
    throw CellError.coded('step.notScalable', { ...stepParams(index, step), column }, { where: stepWhere(index, 'columns') });
  }
  const xs = numbersOf(present);
  if (xs.length === 0) {
    throw CellError.coded('step.noTrainingValues', { ...stepParams(index, step), column }, { where: stepWhere(index, 'columns') });
  }
  const n = xs.length;
  if (step.method === 'robust') {
    // RobustScaler: centre = median, scale = q75 - q25 (np.nanpercentile, linear); a zero IQR scales by 1.
    const sorted = sortedNumbers(xs);
    const median = quantileSorted(sorted, 0.5);
    const iqr = quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25);
    const s = iqr === 0 ? 1 : iqr;
    return { shift: median, factor: 1 / s, stats: { median, iqr: s } };
  }
  if (step.method === 'standard') {
    const m = mean(xs);
    const v = variance(xs, 0);
    // sklearn's _is_constant_feature: variance within rounding error of 0.
    const constant = v <= n * EPS * v + (n * m * EPS) ** 2;
    const std = constant ? 1 : Math.sqrt(v);
    return { shift: m, factor: 1 / std, stats: { mean: m, std } };
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of xs) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  const range = hi - lo;
  const scale = 1 / (range < 10 * EPS ? 1 : range);
  return { shift: lo, factor: scale, stats: { min: lo, max: hi } };
}

export function fitScale(step: StepOf<'scale'>, table: ColumnTable, index: number): FittedStep {
  requireColumns(table, step.columns, index, step);
  const scales = new Map<string, ColumnScale>();
  for (const c of step.columns) scales.set(c, learnScale(step, columnValues(table, c), c, index));
  const state: Record<string, Record<string, number>> = {};
  for (const [c, s] of scales) state[c] = s.stats;
  return {
    step,
    state: { method: step.method, columns: state },
    apply(t) {
      requireColumns(t, step.columns, index, step);
      const replaced: Record<string, unknown[]> = {};
      for (const [c, { shift, factor, stats }] of scales) {
        const values = columnValues(t, c);
        replaced[c] = values.map((v) => {
          if (isMissing(v)) return null;
          if (typeof v !== 'number') {
            throw CellError.coded('step.nonNumericValue', { ...stepParams(index, step), column: c, value: JSON.stringify(v) }, { where: stepWhere(index, 'columns') });
          }
          // Same arithmetic as sklearn: standard divides by std, minmax multiplies by scale and adds min_.
          if (step.method === 'robust') return (v - shift) / stats.iqr;
          return step.method === 'standard' ? (v - shift) / stats.std : v * factor + -shift * factor;
        });
      }
      return t.assign(replaced);
    },
  };
}
