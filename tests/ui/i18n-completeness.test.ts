// Every string a student reads in the UI has a Korean entry: the shell's
// messages, the lifecycle panels', the outputs' (metric names and their
// explanations), the course gallery's and every cell kind's name. Adding an
// English string without its Korean one fails here.
import { describe, expect, it } from 'vitest';
import { englishMessages } from '../../src/ui/i18n.ts';
import { ko as koreanMessages } from '../../src/ui/i18n-ko.ts';
import { lifecycleTables } from '../../src/ui/i18n-lifecycle.ts';
import { laterTables } from '../../src/ui/i18n-later.ts';
import { outputMessages } from '../../src/ui/outputs/i18n-outputs.ts';
import { KIND_LABELS_KO } from '../../src/ui/i18n-kinds-ko.ts';
import { galleryText } from '../../src/ui/Gallery.tsx';
import { cellRegistry } from '../../src/cells/registry.ts';
import { ERROR_MESSAGES_KO } from '../../src/ui/i18n-errors.ts';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

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
  it('the shell messages that load later (notices, outputs\' labels)', () => checkTable('i18n-later.ts', laterTables.en, laterTables.ko));
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

/**
 * One register for everything a student reads: polite informal 해요체 ("실행했어요",
 * "고르세요"), as the engine's errors always were; not the formal 합니다체 ("실행했습니다").
 * The course notebooks' own prose (notebooks/*.ko.ipynb) is a lecture and keeps its register.
 */
const FORMAL = /[가-힣]니다(?=[\s.,!?:'"`)]|$)/u;
const SRC = resolve(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('Korean register (해요체)', () => {
  it('the shell, outputs, lifecycle panels and errors end their sentences in 해요체', () => {
    const tables: Record<string, Record<string, unknown>> = {
      shell: koreanMessages, later: laterTables.ko, lifecycle: lifecycleTables.ko, outputs: outputMessages.ko, metricHelp: outputMessages.metricHelpKo,
      errors: Object.fromEntries(Object.entries(ERROR_MESSAGES_KO).map(([k, v]) => [k, `${v.message} ${v.hint ?? ''}`])),
    };
    const formal = Object.entries(tables).flatMap(([name, table]) =>
      Object.entries(table).filter(([, text]) => typeof text === 'string' && FORMAL.test(text)).map(([key, text]) => `${name}.${key}: ${String(text)}`));
    expect(formal).toEqual([]);
  });

  it('no Korean string in the UI, the cells or the lifecycle code is in 합니다체 (form help, card text, output summaries)', () => {
    const found: string[] = [];
    for (const dir of ['ui', 'cells', 'lifecycle', 'core']) {
      for (const file of sourceFiles(join(SRC, dir))) {
        readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
          if (FORMAL.test(line)) found.push(`${relative(SRC, file)}:${i + 1}: ${line.trim().slice(0, 120)}`);
        });
      }
    }
    expect(found).toEqual([]);
  });

  it('the check can fail: it sees 합니다체 endings, and not 해요체 ones', () => {
    for (const text of ['저장했습니다.', '열 수 없습니다', '실행됩니다.', '빈 노트북입니다', '"{n}"을(를) 찾습니다:']) expect(text).toMatch(FORMAL);
    for (const text of ['저장했어요.', '열 수 없어요', '실행돼요.', '빈 노트북이에요', '고르세요.', '삭제할까요?']) expect(text).not.toMatch(FORMAL);
  });
});
