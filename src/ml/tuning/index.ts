// Hyperparameter search: spaces, samplers (random, TPE), the median pruner, studies.
export * from './space.ts';
export * from './samplers.ts';
export * from './pruner.ts';
export * from './study.ts';
