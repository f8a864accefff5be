// The metric labels the engine writes into table cells ("Accuracy",
// "F1 (macro)", … from src/lifecycle/format.ts: the compare table's metric
// column) by their English text, in Korean. Loaded with the Korean chunk
// (i18n-ko.ts re-exports it); the saved rows keep the English.
import { LABELS, LABELS_KO } from '../lifecycle/format.ts';

export const METRIC_CELLS_KO: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(LABELS).map(([key, en]) => [en, LABELS_KO[key] ?? en]));
