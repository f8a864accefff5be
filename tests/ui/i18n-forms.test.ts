// Every text a generated cell form shows has its Korean: the label of every
// field of every registered cell kind (nested groups, list items, the fields
// of each alternative, the discriminator), every choice it offers and every
// help text. The schemas are walked with the same branches as
// src/ui/forms/Field.tsx (tests/ui/formTexts.ts), so a new field, choice or
// description without Korean fails here.
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cellRegistry } from '../../src/cells/registry.ts';
import { setLang } from '../../src/ui/i18n.ts';
import { HELP_KO } from '../../src/ui/forms/help-ko.ts';
import { LABEL_OVERRIDES_KO } from '../../src/ui/forms/labels-ko.ts';
import { OPTIONS_KO } from '../../src/ui/forms/options-ko.ts';
import { fieldHelp, fieldLabel, fieldWhere, hasKoreanOption, koreanLabel, optionLabel } from '../../src/ui/forms/labels.ts';
import type { JSONSchema } from '../../src/ui/forms/schema.ts';
import { shownFields, type ShownField } from './formTexts.ts';

const HANGUL = /[가-힣]/;

const fields: ShownField[] = [...cellRegistry].flatMap(([kind, def]) =>
  shownFields(kind, z.toJSONSchema(def.schema, { io: 'input', unrepresentable: 'any' }) as JSONSchema),
);

describe('Korean in the generated forms', () => {
  afterEach(() => setLang('en'));

  it('walks every registered kind, nested fields and alternatives included', () => {
    expect(new Set(fields.map((f) => f.where.split('.')[0])).size).toBe(cellRegistry.size);
    const where = new Set(fields.map((f) => f.where));
    // A nested group, a field of one alternative of a list step, a discriminator, a field inside a nullable object.
    for (const w of ['train.gbdt.maxBins', 'transform.steps.smoothing', 'transform.steps.op', 'train.lrSchedule.minLr', 'evaluate.threshold.rule']) expect(where).toContain(w);
  });

  it('every field label has a Korean entry, in Korean', () => {
    expect(fields.filter((f) => !koreanLabel(f.name, f.where)).map((f) => f.where)).toEqual([]);
    expect(fields.filter((f) => !HANGUL.test(koreanLabel(f.name, f.where) ?? '') && !/^[A-Za-z0-9\-() ]+$/.test(koreanLabel(f.name, f.where) ?? '')).map((f) => f.where)).toEqual([]);
  });

  it('every choice a form offers has a Korean reading (or is a name used as it is)', () => {
    const missing = fields.flatMap((f) => f.options.filter((o) => !hasKoreanOption(o)).map((o) => `${f.where}: ${o}`));
    expect(missing).toEqual([]);
    expect(Object.entries(OPTIONS_KO).filter(([, ko]) => !HANGUL.test(ko))).toEqual([]);
  });

  it('every help text a form shows has its Korean', () => {
    const missing = [...new Set(fields.flatMap((f) => (f.help && !HELP_KO[f.help] ? [`${f.where}: ${f.help}`] : [])))];
    expect(missing).toEqual([]);
    for (const ko of Object.values(HELP_KO)) expect(ko).toMatch(HANGUL);
  });

  it('no Korean entry is left over from a field, kind or description that is gone', () => {
    const helps = new Set(fields.map((f) => f.help));
    expect(Object.keys(HELP_KO).filter((en) => !helps.has(en))).toEqual([]);
    const wheres = new Set(fields.flatMap((f) => [f.where, f.where.slice(f.where.indexOf('.') + 1)]));
    expect(Object.keys(LABEL_OVERRIDES_KO).filter((w) => !wheres.has(w))).toEqual([]);
  });

  it('the form reads the tables by where a field is, in the UI language', () => {
    expect(fieldWhere('transform', 'params.steps.2.columns')).toBe('transform.steps.columns');
    setLang('ko');
    expect(fieldLabel('learningRate', 'train.learningRate')).toBe('학습률');
    expect(fieldLabel('steps 2', 'transform.steps')).toBe('단계 2');
    expect(fieldLabel('validation', 'split.validation')).toBe('검증 비율');
    expect(fieldLabel('validation', 'train.validation')).toBe('검증 테이블');
    expect(fieldLabel('patience', 'tune.lrSchedule.patience')).toBe('정체 인내 (에포크)');
    expect(fieldLabel('patience', 'train.patience')).toBe('조기 종료 인내');
    expect(optionLabel('classification')).toBe('분류 (classification)');
    expect(optionLabel('adam')).toBe('adam');
    expect(fieldHelp('Rows per gradient step.')).toBe('가중치를 한 번 갱신할 때 쓰는 행 수.');
    setLang('en');
    expect(fieldLabel('learningRate', 'train.learningRate')).toBe('Learning Rate');
    expect(optionLabel('classification')).toBe('classification');
    expect(fieldHelp('Rows per gradient step.')).toBe('Rows per gradient step.');
  });
});
