// Cross-validation: folds, fitting any model kind, per-fold scoring.
export * from './folds.ts';
export * from './fit-any.ts';
export * from './crossval.ts';
export * from './sequences.ts';
