// Session-log features for the course's session-drop notebook: state
// normalisation, labels, prefix-K masking, the bigram vocabulary and the
// 88 per-prefix features (see features.ts for every definition).
export { normalizeState, DEFAULT_TERMINALS } from './states.ts';
export {
  bigramVocabulary, featureNames, prefixEvents, prefixFeatures, sessionLabel, timeMs,
  type Bigram, type Session, type SessionEvent,
} from './features.ts';
export { fitSessionFeatures, readSessions, sessionFeatureTable, type FittedSessionFeatures, type SessionColumns, type SessionFeatureOptions } from './fit.ts';
