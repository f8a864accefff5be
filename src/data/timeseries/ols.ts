// Ordinary least squares by Householder QR (numerically close to the
// pinv-based fit statsmodels uses), with what the ADF test needs: the
// coefficients, their t-values and the AIC of the Gaussian likelihood.

export interface OlsFit {
  params: number[];
  tvalues: number[];
  ssr: number;
  /** statsmodels OLS aic: -2 llf + 2 k, llf = -n/2 (log(2 pi) + log(ssr/n) + 1). */
  aic: number;
}

/** Fit y ~ X (rows of X are observations; no constant is added). */
export function ols(X: readonly (readonly number[])[], y: readonly number[]): OlsFit {
  const n = y.length;
  const k = X[0]?.length ?? 0;
  const a = X.map((row) => [...row]);
  const qty = [...y];
  const R: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let c = 0; c < k; c++) {
    let norm = 0;
    for (let r = c; r < n; r++) norm += a[r][c] * a[r][c];
    norm = Math.sqrt(norm);
    const alpha = a[c][c] > 0 ? -norm : norm;
    // v = x - alpha e1, stored in place; H = I - 2 v v' / v'v.
    const v = new Array<number>(n).fill(0);
    for (let r = c; r < n; r++) v[r] = a[r][c];
    v[c] -= alpha;
    let vv = 0;
    for (let r = c; r < n; r++) vv += v[r] * v[r];
    if (vv > 0) {
      for (let j = c; j < k; j++) {
        let s = 0;
        for (let r = c; r < n; r++) s += v[r] * a[r][j];
        const f = (2 * s) / vv;
        for (let r = c; r < n; r++) a[r][j] -= f * v[r];
      }
      let s = 0;
      for (let r = c; r < n; r++) s += v[r] * qty[r];
      const f = (2 * s) / vv;
      for (let r = c; r < n; r++) qty[r] -= f * v[r];
    }
    for (let j = c; j < k; j++) R[c][j] = a[c][j];
  }
  const params = new Array<number>(k).fill(0);
  for (let i = k - 1; i >= 0; i--) {
    let s = qty[i];
    for (let j = i + 1; j < k; j++) s -= R[i][j] * params[j];
    params[i] = s / R[i][i];
  }
  let ssr = 0;
  for (let r = 0; r < n; r++) {
    let fit = 0;
    for (let j = 0; j < k; j++) fit += X[r][j] * params[j];
    ssr += (y[r] - fit) ** 2;
  }
  // (X'X)^-1 = R^-1 R^-T: its diagonal is the squared row norms of R^-1.
  const Rinv: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = k - 1; i >= 0; i--) {
    Rinv[i][i] = 1 / R[i][i];
    for (let j = i + 1; j < k; j++) {
      let s = 0;
      for (let m = i + 1; m <= j; m++) s += R[i][m] * Rinv[m][j];
      Rinv[i][j] = -s / R[i][i];
    }
  }
  const s2 = ssr / (n - k);
  const tvalues = params.map((p, i) => {
    let d = 0;
    for (let j = i; j < k; j++) d += Rinv[i][j] ** 2;
    return p / Math.sqrt(s2 * d);
  });
  const llf = (-n / 2) * (Math.log(2 * Math.PI) + Math.log(ssr / n) + 1);
  return { params, tvalues, ssr, aic: -2 * llf + 2 * k };
}
