// Augmented Dickey–Fuller unit-root test like statsmodels
// adfuller(x, regression='c', autolag='AIC'):
//   maxlag = min(n // 2 - 2, ceil(12 (n / 100)^(1/4)));
//   for p = 0..maxlag regress dx_t on [const, x_{t-1}, dx_{t-1..t-p}] over
//   the same rows (those with maxlag lags) and keep the p with the lowest AIC
//   (ties: the fewer lags);
//   refit with p lags on every row that has them; the statistic is the
//   t-value of x_{t-1}; p-value and critical values are MacKinnon's.
import { CellError } from '../../core/errors.ts';
import { mackinnonCrit, mackinnonP } from './mackinnon.ts';
import { ols } from './ols.ts';

export interface AdfResult {
  statistic: number;
  pValue: number;
  usedLag: number;
  nobs: number;
  critical: { '1%': number; '5%': number; '10%': number };
  icBest: number;
}

/** Rows i = lags..n-2 of the regression of dx_i on the level x_i, dx_{i-1..i-lags} (and a constant last). */
function design(x: readonly number[], dx: readonly number[], lags: number, from: number, constantFirst: boolean): { X: number[][]; y: number[] } {
  const X: number[][] = [];
  const y: number[] = [];
  for (let i = from; i < dx.length; i++) {
    const row = [x[i]];
    for (let j = 1; j <= lags; j++) row.push(dx[i - j]);
    X.push(constantFirst ? [1, ...row] : [...row, 1]);
    y.push(dx[i]);
  }
  return { X, y };
}

export function adfuller(x: readonly number[], where = 'params.value'): AdfResult {
  const n = x.length;
  const maxlag = Math.min(Math.floor(n / 2) - 2, Math.ceil(12 * Math.pow(n / 100, 1 / 4)));
  if (maxlag < 0 || n < 6) {
    throw CellError.coded('ts.adfShort', { n }, { where });
  }
  const dx: number[] = [];
  for (let i = 1; i < n; i++) dx.push(x[i] - x[i - 1]);
  const full = design(x, dx, maxlag, maxlag, true);
  let icBest = Infinity;
  let best = 0;
  for (let p = 0; p <= maxlag; p++) {
    const fit = ols(full.X.map((r) => r.slice(0, 2 + p)), full.y);
    if (fit.aic < icBest) {
      icBest = fit.aic;
      best = p;
    }
  }
  const { X, y } = design(x, dx, best, best, false);
  const fit = ols(X, y);
  const statistic = fit.tvalues[0];
  const [c1, c5, c10] = mackinnonCrit(y.length);
  return { statistic, pValue: mackinnonP(statistic), usedLag: best, nobs: y.length, critical: { '1%': c1, '5%': c5, '10%': c10 }, icBest };
}
