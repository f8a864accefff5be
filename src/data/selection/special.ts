// The special functions are shared with the lifecycle statistics: src/data/special.ts.
export { betaInc, chi2Sf, fSf, gammaQ, logGamma as lnGamma } from '../special.ts';

/**
 * The digamma function ψ(x) = Γ'(x)/Γ(x) for x > 0 (scipy.special.digamma),
 * for the kNN mutual information estimators: ψ(x) = ψ(x + 1) − 1/x moves x to
 * at least 10, where the asymptotic series ln x − 1/(2x) − Σ B₂ₖ/(2k x²ᵏ)
 * (seven terms) is accurate to about 1e-16; the whole is within 1e-14 of
 * scipy at the points tested.
 */
export function digamma(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  let shift = 0;
  while (x < 10) {
    shift += 1 / x;
    x += 1;
  }
  const inv2 = 1 / (x * x);
  // Bernoulli terms B₂ₖ/(2k): 1/12, −1/120, 1/252, −1/240, 1/132, −691/32760, 1/12, in powers of 1/x².
  const series = inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - inv2 * (691 / 32760 - inv2 / 12))))));
  return Math.log(x) - 0.5 / x - series - shift;
}
