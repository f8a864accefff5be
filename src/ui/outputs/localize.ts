// The Korean an engine output carries (titleKo): shown when the UI is in
// Korean, the English otherwise. File names for downloads keep the English
// title, so a download is named the same in both languages. A figure's own
// Korean (its ko) is applied in the lazy chart chunk (figureKo.ts): the first
// screen carries only this.
import { getLang } from '../i18n.ts';

/** The title to show: the Korean one when the UI is Korean and the output has it. */
export function shownTitle(output: { title?: string; titleKo?: string }): string | undefined {
  return getLang() === 'ko' && output.titleKo ? output.titleKo : output.title;
}
