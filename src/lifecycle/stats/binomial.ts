// The exact binomial distribution, for checking a traffic split: with n
// requests routed to a variant with probability p, its count lies in
// binomialInterval(n, p, 0.99) 99 % of the time (scipy.stats.binom.interval:
// the 0.5 % and 99.5 % quantiles, ppf = smallest k with CDF(k) ≥ q).
import { logGamma } from './gamma.ts';

/** P(X = k) for X ~ Binomial(n, p), computed in log space so n in the millions does not overflow. */
export function binomialPmf(k: number, n: number, p: number): number {
  if (k < 0 || k > n || !Number.isInteger(k)) return 0;
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  return Math.exp(logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log1p(-p));
}

/** Every P(X ≤ k), k = 0..n. */
function cdfTable(n: number, p: number): Float64Array {
  const cdf = new Float64Array(n + 1);
  let acc = 0;
  for (let k = 0; k <= n; k++) {
    acc += binomialPmf(k, n, p);
    cdf[k] = acc;
  }
  return cdf;
}

/** The q-quantile: smallest k with P(X ≤ k) ≥ q (a relative 1e-12 slack absorbs rounding in the summed pmf, as scipy's ppf does). */
function ppf(cdf: Float64Array, q: number): number {
  for (let k = 0; k < cdf.length; k++) if (cdf[k] >= q * (1 - 1e-12)) return k;
  return cdf.length - 1;
}

/** The central interval [low, high] of counts holding `confidence` of Binomial(n, p) (scipy's binom.interval). */
export function binomialInterval(n: number, p: number, confidence = 0.99): { low: number; high: number } {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a whole number ≥ 0, not ${n}.`);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be between 0 and 1, not ${p}.`);
  const cdf = cdfTable(n, p);
  const alpha = (1 - confidence) / 2;
  return { low: ppf(cdf, alpha), high: ppf(cdf, 1 - alpha) };
}
