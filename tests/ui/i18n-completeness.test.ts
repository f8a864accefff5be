// Every string a student reads in the UI has a Korean entry: the shell's
// messages, the lifecycle panels', the outputs' (metric names and their
// explanations), the course gallery's and every cell kind's name. Adding an
// English string without its Korean one fails here.
import { describe, expect, it } from 'vitest';
import { englishMessages } from '../../src/ui/i18n.ts';
import { ko as koreanMessages } from '../../src/ui/i18n-ko.ts';
import { lifecycleTables } from '../../src/ui/i18n-lifecycle.ts';
import { outputMessages } from '../../src/ui/outputs/i18n-outputs.ts';
import { KIND_LABELS_KO } from '../../src/ui/i18n-kinds-ko.ts';
import { galleryText } from '../../src/ui/Gallery.tsx';
import { cellRegistry } from '../../src/cells/registry.ts';

const HANGUL = /[가-힣]/;
/** Strings that read the same in Korean: symbols, abbreviations, names of formats. */
const SAME_IN_KOREAN = /^[\sA-Za-z0-9.·…{}()'"²×\-–—→↓/:%+]*$/;

function checkTable(name: string, en: Record<string, unknown>, ko: Record<string, unknown>): void {
  const missing = Object.keys(en).filter((k) => typeof ko[k] !== 'string' || !(ko[k] as string).trim());
  expect(missing, `${name}: keys without a Korean entry`).toEqual([]);
  const untranslated = Object.keys(en).filter((k) => {
    const text = ko[k] as string;
    return !HANGUL.test(text) && !SAME_IN_KOREAN.test(text.replace(/\{\w+\}/g, ''));
  });
  expect(untranslated, `${name}: Korean entries that are not Korean`).toEqual([]);
  expect(Object.keys(ko).filter((k) => !(k in en)), `${name}: Korean keys without an English one`).toEqual([]);
}

describe('Korean completeness', () => {
  it('the shell messages', () => checkTable('i18n.ts / i18n-ko.ts', englishMessages, koreanMessages));
  it('the lifecycle panels', () => checkTable('i18n-lifecycle.ts', lifecycleTables.en, lifecycleTables.ko));
  it('the outputs, metric names and metric explanations', () => {
    checkTable('outputs', outputMessages.en, outputMessages.ko);
    checkTable('metric help', outputMessages.metricHelpEn, outputMessages.metricHelpKo);
    checkTable('metric labels', outputMessages.labelsEn, outputMessages.labelsKo);
  });
  it('the course gallery', () => {
    const flat = (o: Record<string, unknown>): Record<string, unknown> =>
      Object.fromEntries(Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v ? Object.entries(flat(v as Record<string, unknown>)).map(([k2, v2]) => [`${k}.${k2}`, v2]) : [[k, v]])));
    checkTable('gallery', flat(galleryText.en), flat(galleryText.ko));
  });
  it('every cell kind the kernel registers has a Korean name', () => {
    const kinds = [...cellRegistry.keys()];
    expect(kinds.length).toBeGreaterThan(20);
    expect(kinds.filter((k) => !KIND_LABELS_KO[k])).toEqual([]);
    for (const k of kinds) expect(KIND_LABELS_KO[k]).toMatch(HANGUL);
  });
});
