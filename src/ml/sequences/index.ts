// Sequences: sliding windows (many-to-one) and padded per-group sequences (many-to-many).
export * from './types.ts';
export { buildWindows } from './windows.ts';
export { buildPadded, buildVocabulary, type PaddedFitted } from './padded.ts';
export { fitScaling } from './scaling.ts';
