// MacKinnon's approximate p-values (1994) and critical values (2010) for the
// Dickey–Fuller tau statistic, ported from statsmodels.tsa.adfvalues for one
// series (N = 1) and the constant-only regression ('c') the ADF cell runs.
import { normCdf } from './normal.ts';

// mackinnonp, regression 'c', N = 1.
const TAU_MAX_C = 2.74;
const TAU_MIN_C = -18.83;
const TAU_STAR_C = -1.61;
/** tau_c_smallp[0] * [1, 1, 1e-2]: coefficients c0 + c1 t + c2 t^2. */
const TAU_C_SMALLP = [2.1659, 1.4412, 3.8269 * 1e-2];
/** tau_c_largep[0] * [1, 1e-1, 1e-1, 1e-2]. */
const TAU_C_LARGEP = [1.7339, 9.3202 * 1e-1, -1.2745 * 1e-1, -1.0368 * 1e-2];
/** tau_c_2010[0]: per level (1%, 5%, 10%) the coefficients in 1/nobs. */
const TAU_C_2010 = [
  [-3.43035, -6.5393, -16.786, -79.433],
  [-2.86154, -2.8903, -4.234, -40.04],
  [-2.56677, -1.5384, -2.809, 0],
];

/** numpy polyval with coefficients lowest order first (Horner from the top). */
function poly(coefs: readonly number[], x: number): number {
  let s = 0;
  for (let i = coefs.length - 1; i >= 0; i--) s = s * x + coefs[i];
  return s;
}

/** statsmodels mackinnonp(stat, regression='c', N=1). */
export function mackinnonP(stat: number): number {
  if (stat > TAU_MAX_C) return 1;
  if (stat < TAU_MIN_C) return 0;
  return normCdf(poly(stat <= TAU_STAR_C ? TAU_C_SMALLP : TAU_C_LARGEP, stat));
}

/** statsmodels mackinnoncrit(N=1, regression='c', nobs): [1%, 5%, 10%]. */
export function mackinnonCrit(nobs: number): [number, number, number] {
  const [a, b, c] = TAU_C_2010.map((coefs) => (Number.isFinite(nobs) ? poly(coefs, 1 / nobs) : coefs[0]));
  return [a, b, c];
}
