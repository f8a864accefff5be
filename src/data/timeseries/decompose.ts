// Classical seasonal decomposition, like statsmodels seasonal_decompose(x,
// model, period) with its defaults (two-sided moving average, no trend
// extrapolation):
//   trend: centred moving average over one period (an even period uses the
//     2×period filter [1/2, 1, ..., 1, 1/2] / period); null for the first and
//     last floor(period / 2) points, where the window does not fit;
//   detrended = x - trend (additive) or x / trend (multiplicative);
//   seasonal: mean of the detrended values at each position in the cycle
//     (ignoring the null ends), centred to sum 0 (additive) or mean 1
//     (multiplicative), repeated over the series;
//   resid = detrended - seasonal (or / seasonal).
import { CellError } from '../../core/errors.ts';

export type DecomposeModel = 'additive' | 'multiplicative';

export interface Decomposition {
  observed: number[];
  trend: (number | null)[];
  seasonal: number[];
  resid: (number | null)[];
  /** Per position in the cycle (length period). */
  seasonalFactors: number[];
}

export function movingAverageFilter(period: number): number[] {
  if (period % 2 === 0) {
    const f = new Array<number>(period + 1).fill(1 / period);
    f[0] = f[period] = 0.5 / period;
    return f;
  }
  return new Array<number>(period).fill(1 / period);
}

export function seasonalDecompose(x: readonly number[], period: number, model: DecomposeModel = 'additive', where = 'params.period'): Decomposition {
  const n = x.length;
  if (!Number.isInteger(period) || period < 2) throw CellError.coded('ts.period', { period }, { where });
  if (n < 2 * period) {
    throw CellError.coded('ts.twoCycles', { needed: 2 * period, period, n }, { where });
  }
  if (model === 'multiplicative' && x.some((v) => v <= 0)) {
    throw CellError.coded('ts.multiplicativePositive', {}, { where: 'params.model' });
  }
  const filt = movingAverageFilter(period);
  const half = Math.floor(filt.length / 2);
  const trend: (number | null)[] = new Array<number | null>(n).fill(null);
  for (let t = half; t < n - (filt.length - 1 - half); t++) {
    let s = 0;
    for (let j = 0; j < filt.length; j++) s += filt[j] * x[t - half + j];
    trend[t] = s;
  }
  const detrended = x.map((v, t) => {
    const tr = trend[t];
    return tr === null ? null : model === 'additive' ? v - tr : v / tr;
  });
  const factors: number[] = [];
  for (let i = 0; i < period; i++) {
    let s = 0;
    let c = 0;
    for (let t = i; t < n; t += period) {
      const d = detrended[t];
      if (d !== null) {
        s += d;
        c++;
      }
    }
    factors.push(s / c);
  }
  const centre = factors.reduce((a, b) => a + b, 0) / period;
  const seasonalFactors = factors.map((f) => (model === 'additive' ? f - centre : f / centre));
  const seasonal = x.map((_, t) => seasonalFactors[t % period]);
  const resid = detrended.map((d, t) => (d === null ? null : model === 'additive' ? d - seasonal[t] : d / seasonal[t]));
  return { observed: [...x], trend, seasonal, resid, seasonalFactors };
}
