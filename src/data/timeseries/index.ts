// Time-series statistics for the timeseries cell (statsmodels/scipy compatible).
export { acf, pacf, type Correlogram } from './acf.ts';
export { seasonalDecompose, type Decomposition, type DecomposeModel } from './decompose.ts';
export { adfuller, type AdfResult } from './adf.ts';
export { mackinnonP, mackinnonCrit } from './mackinnon.ts';
export { shapiro, type ShapiroResult } from './shapiro.ts';
export { normCdf, normPpf } from './normal.ts';
