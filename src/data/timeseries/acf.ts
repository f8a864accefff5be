// Autocorrelation and partial autocorrelation, as statsmodels 0.13 computes
// them, for the ACF/PACF plots of the time-series cell.
//
// ACF: statsmodels.tsa.stattools.acf(x, nlags, adjusted=False, alpha):
//   autocovariances sum((x_t - mean)(x_{t+k} - mean)) / n, divided by lag 0;
//   Bartlett's bands: var(r_k) = (1 + 2 sum_{j<k} r_j^2) / n (var r_1 = 1/n),
//   band = r_k ± z_{1-alpha/2} sqrt(var). Lag 0 has width 0.
// PACF: statsmodels pacf(x, nlags, method='ywadjusted') — the default in
//   0.13. For each k the last coefficient of the Yule–Walker AR(k) fit with
//   autocovariances divided by n - j ("adjusted"), solved directly as
//   statsmodels does (np.linalg.solve on the Toeplitz matrix). Bands:
//   ± z_{1-alpha/2} / sqrt(n) around each value; lag 0 is 1 with width 0.
import { normPpf } from './normal.ts';

export interface Correlogram {
  /** values[0] is lag 0 (always 1). */
  values: number[];
  lower: number[];
  upper: number[];
}

function demeaned(x: readonly number[]): number[] {
  let s = 0;
  for (const v of x) s += v;
  const m = s / x.length;
  return x.map((v) => v - m);
}

/** sum_{t} xo[t + k] * xo[t] for k = 0..nlags (numpy dot order). */
function lagProducts(xo: readonly number[], nlags: number): number[] {
  const out: number[] = [];
  for (let k = 0; k <= nlags; k++) {
    let s = 0;
    for (let t = 0; t + k < xo.length; t++) s += xo[t + k] * xo[t];
    out.push(s);
  }
  return out;
}

export function acf(x: readonly number[], nlags: number, alpha = 0.05): Correlogram {
  const n = x.length;
  const products = lagProducts(demeaned(x), nlags);
  const cov = products.map((s) => s / n);
  const values = cov.map((c) => c / cov[0]);
  const z = normPpf(1 - alpha / 2);
  const lower: number[] = [];
  const upper: number[] = [];
  let cum = 0;
  values.forEach((r, k) => {
    let variance: number;
    if (k === 0) variance = 0;
    else if (k === 1) variance = 1 / n;
    else {
      cum += values[k - 1] ** 2;
      variance = (1 + 2 * cum) / n;
    }
    const w = z * Math.sqrt(variance);
    lower.push(r - w);
    upper.push(r + w);
  });
  return { values, lower, upper };
}

/** Solve A x = b by Gaussian elimination with partial pivoting (LAPACK gesv does the same). */
export function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n];
    for (let k = r + 1; k < n; k++) s -= m[r][k] * x[k];
    x[r] = s / m[r][r];
  }
  return x;
}

export function pacf(x: readonly number[], nlags: number, alpha = 0.05): Correlogram {
  const n = x.length;
  const products = lagProducts(demeaned(x), nlags);
  // yule_walker(method='adjusted'): r[0] = sum x^2 / n, r[k] = sum / (n - k).
  const r = products.map((s, k) => s / (n - k));
  const values = [1];
  for (let k = 1; k <= nlags; k++) {
    const toeplitz = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => r[Math.abs(i - j)]));
    const rho = solve(toeplitz, r.slice(1, k + 1));
    values.push(rho[k - 1]);
  }
  const w = normPpf(1 - alpha / 2) / Math.sqrt(n);
  return { values, lower: values.map((v, k) => (k === 0 ? v : v - w)), upper: values.map((v, k) => (k === 0 ? v : v + w)) };
}
