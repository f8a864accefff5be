// The statistics the lifecycle cells use: drift (PSI, KS, chi-square),
// model comparison (bootstrap intervals, McNemar) and their distributions.
export * from './gamma.ts';
export * from './quantile.ts';
export * from './psi.ts';
export * from './ks.ts';
export * from './chi2.ts';
export * from './mcnemar.ts';
export * from './bootstrap.ts';
export * from './binomial.ts';
