// The special functions live in the data layer (feature selection uses them too).
export { logGamma, gammaP, gammaQ, chi2Sf } from '../../data/special.ts';
