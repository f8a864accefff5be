// The special functions are shared with the lifecycle statistics: src/data/special.ts.
export { betaInc, chi2Sf, fSf, gammaQ, logGamma as lnGamma } from '../special.ts';
