// Field labels, help and choices of the generated forms in the UI language.
// English comes from the schema (property names, zod descriptions, enum
// values); Korean from the tables beside this file, which load with the form
// chunk only (ParamForm is lazy; nothing on the first screen imports this).
import { getLang } from '../i18n.ts';
import { HELP_KO } from './help-ko.ts';
import { LABEL_OVERRIDES_KO, LABELS_KO } from './labels-ko.ts';
import { OPTIONS_KO, SAME_IN_KOREAN } from './options-ko.ts';
import { label as englishLabel } from './schema.ts';

/** "params.steps.0.columns" of a train cell → "transform.steps.columns": where a field is, list positions left out. */
export function fieldWhere(kind: string | undefined, path: string): string {
  const rest = path.replace(/^params\.?/, '').split('.').filter((p) => p && !/^\d+$/.test(p));
  return [kind ?? '', ...rest].join('.');
}

/** The Korean label of a field, or undefined where none is written (the completeness test asks this). */
export function koreanLabel(name: string, where: string): string | undefined {
  return LABEL_OVERRIDES_KO[where] ?? LABEL_OVERRIDES_KO[where.slice(where.indexOf('.') + 1)] ?? LABELS_KO[name];
}

/** The label of a field; a list item's name is its list's name and number ("steps 2"). */
export function fieldLabel(name: string, where = ''): string {
  const item = /^(.*) (\d+)$/.exec(name);
  if (item) return `${fieldLabel(item[1], where)} ${item[2]}`;
  return (getLang() === 'ko' && koreanLabel(name, where)) || englishLabel(name);
}

export function fieldHelp(english: string | undefined): string | undefined {
  return (english && getLang() === 'ko' && HELP_KO[english]) || english;
}

/** Whether a choice has its Korean reading (or reads the same in Korean). */
export function hasKoreanOption(value: string): boolean {
  return value in OPTIONS_KO || SAME_IN_KOREAN.has(value);
}

/** A choice as shown: "분류 (classification)" in Korean, so that the value the help and the code use stays visible. */
export function optionLabel(value: unknown): string {
  const v = String(value);
  const ko = getLang() === 'ko' ? OPTIONS_KO[v] : undefined;
  return ko ? `${ko} (${v})` : v;
}
