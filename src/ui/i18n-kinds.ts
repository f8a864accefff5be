// Cell kind names in the UI language (the cell header's badge). English names
// come from the kernel (each kind's label); Korean from i18n-kinds-ko.ts,
// which comes with the Korean chunk.
import { getLang, koExtras } from './i18n.ts';

/** The kind's name in the UI language: Korean from the table, English as the kernel labels it. */
export function kindLabel(kind: string, english: string): string {
  return (getLang() === 'ko' ? koExtras()?.kinds[kind] : undefined) ?? english;
}
