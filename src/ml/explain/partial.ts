// Partial dependence of one feature, scikit-learn's 'brute' method: for each
// grid value, set the feature to it in every row and average the model's
// output (regression value; positive-class probability for two classes; one
// curve per class for more). The grid is the feature's distinct values when
// there are fewer than grid_resolution, else grid_resolution evenly spaced
// points between its 5th and 95th percentiles (scipy's mquantiles).
import type { ColumnTable } from 'arquero';
import { CellError, checkAborted } from '../../core/errors.ts';
import type { Scalar } from '../../core/outputs.ts';
import type { TrainedModel } from '../../core/values.ts';
import { columnValues } from '../features.ts';

/** scipy.stats.mstats.mquantiles with its defaults alphap = betap = 0.4. */
export function mquantile(sorted: readonly number[], p: number, alphap = 0.4, betap = 0.4): number {
  const n = sorted.length;
  const m = alphap + p * (1 - alphap - betap);
  const aleph = n * p + m;
  const k = Math.floor(Math.min(n - 1, Math.max(1, aleph)));
  const gamma = Math.min(1, Math.max(0, aleph - k));
  return (1 - gamma) * sorted[k - 1] + gamma * sorted[k];
}

/** numpy.linspace(start, stop, num), endpoint included exactly. */
export function linspace(start: number, stop: number, num: number): number[] {
  if (num === 1) return [start];
  const step = (stop - start) / (num - 1);
  const out = Array.from({ length: num }, (_, i) => i * step + start);
  out[num - 1] = stop;
  return out;
}

export function pdGrid(values: readonly number[], gridResolution = 100, percentiles: [number, number] = [0.05, 0.95]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const uniques = sorted.filter((v, i) => i === 0 || v !== sorted[i - 1]);
  if (uniques.length < gridResolution) return uniques;
  const lo = mquantile(sorted, percentiles[0]);
  const hi = mquantile(sorted, percentiles[1]);
  if (Math.abs(hi - lo) <= 1e-8 + 1e-5 * Math.abs(hi)) {
    throw CellError.coded('partial.flatFeature', {}, { where: 'params.feature' });
  }
  return linspace(lo, hi, gridResolution);
}

export interface PartialDependence {
  feature: string;
  grid: number[];
  /** One curve per output: the regression value, the positive class, or each class. */
  curves: { output: Scalar; average: number[] }[];
}

export async function partialDependence(
  model: TrainedModel,
  table: ColumnTable,
  feature: string,
  options: { gridResolution?: number; signal?: AbortSignal } = {},
): Promise<PartialDependence> {
  if (!model.features.includes(feature)) {
    throw CellError.coded('partial.notAFeature', { feature, features: model.features.join(', ') }, { where: 'params.feature' });
  }
  const base = table.reify();
  const raw = columnValues(base, feature, 'params.feature');
  const values = raw.map((v) => (typeof v === 'boolean' ? Number(v) : v)).filter((v): v is number => typeof v === 'number' && !Number.isNaN(v));
  if (values.length === 0) throw CellError.coded('partial.noNumbers', { feature }, { where: 'params.feature' });
  const grid = pdGrid(values, options.gridResolution ?? 100);
  const n = base.numRows();
  const sums: number[][] = [];
  let outputs: Scalar[] = [];
  for (const [g, x] of grid.entries()) {
    checkAborted(options.signal);
    const pred = await model.predict(base.assign({ [feature]: new Array<number>(n).fill(x) }), options.signal);
    let per: number[];
    if (model.task === 'regression') {
      outputs = [model.target];
      per = [mean(pred.predictions as number[])];
    } else {
      const classes = pred.classes ?? model.classes ?? [];
      const proba = pred.probabilities ?? [];
      const columns = classes.length === 2 ? [1] : classes.map((_, k) => k);
      outputs = columns.map((k) => classes[k]);
      per = columns.map((k) => mean(proba.map((row) => row[k])));
    }
    per.forEach((v, o) => {
      sums[o] ??= new Array<number>(grid.length).fill(0);
      sums[o][g] = v;
    });
  }
  return { feature, grid, curves: outputs.map((output, o) => ({ output, average: sums[o] })) };
}

function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}
