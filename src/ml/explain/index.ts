// Model explanations: permutation importance, built-in importances, partial dependence.
export * from './scoring.ts';
export * from './permutation.ts';
export * from './partial.ts';
export * from './importances.ts';
