// McNemar's test: do two classifiers err on different rows more often than
// chance would explain? Follows statsmodels 0.13's
// statsmodels.stats.contingency_tables.mcnemar on the 2×2 table
// [[both right, only A right], [only B right, both wrong]]; only the
// discordant cells b = table[0][1] and c = table[1][0] matter.
import { chi2Sf, logGamma } from './gamma.ts';

export interface McNemarResult {
  statistic: number;
  pvalue: number;
}

/** P(X ≤ k) for X ~ Binomial(n, 1/2), summed relative to the largest term so nothing underflows. */
export function binomialHalfCdf(k: number, n: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  // Sum t_i / t_k for i = k..0; t_{i−1} / t_i = i / (n − i + 1).
  let ratio = 1;
  let sum = 1;
  for (let i = k; i > 0; i--) {
    ratio *= i / (n - i + 1);
    sum += ratio;
    if (ratio < 1e-18 * sum) break;
  }
  const logTk = logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1) - n * Math.LN2;
  return Math.min(1, sum * Math.exp(logTk));
}

/**
 * exact=true: statistic min(b, c), p = 2·BinomCDF(min(b, c); b + c, ½) capped at 1.
 * exact=false: statistic (|b − c| − 1)² / (b + c) with the continuity
 * correction (or without it), p from chi-square with 1 dof. As in
 * statsmodels, b + c = 0 gives an infinite (corrected) statistic there:
 * use the exact test when there are few discordant rows.
 */
export function mcnemar(table: readonly (readonly number[])[], options: { exact?: boolean; correction?: boolean } = {}): McNemarResult {
  const b = table[0][1];
  const c = table[1][0];
  if (options.exact ?? true) {
    const statistic = Math.min(b, c);
    return { statistic, pvalue: Math.min(1, 2 * binomialHalfCdf(statistic, b + c)) };
  }
  const corr = (options.correction ?? true) ? 1 : 0;
  const statistic = (Math.abs(b - c) - corr) ** 2 / (b + c);
  return { statistic, pvalue: chi2Sf(statistic, 1) };
}
