// The Korean an engine output carries (titleKo): shown when the UI is in
// Korean, the English otherwise. File names for downloads keep the English
// title, so a download is named the same in both languages. A figure's own
// Korean (its ko) is applied in the lazy chart chunk (figureKo.ts): the first
// screen carries only this.
import { getLang, koExtras } from '../i18n.ts';

/** The title to show: the Korean one when the UI is Korean and the output has it. */
export function shownTitle(output: { title?: string; titleKo?: string }): string | undefined {
  return getLang() === 'ko' && output.titleKo ? output.titleKo : output.title;
}

/**
 * A table cell's text as shown: in a column named "metric", the engine's
 * metric labels ("Accuracy", "F1 (macro)": the compare table's rows) in
 * Korean when the UI is. Display only: the rows, the CSV download and the
 * saved notebook keep the English, and a column name is data, never changed.
 */
export function shownCell(column: string, text: string): string {
  return column === 'metric' && getLang() === 'ko' ? koExtras()?.metricCells[text] ?? text : text;
}
