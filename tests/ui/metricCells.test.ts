// The engine's metric labels in a table's "metric" column (the compare
// table's rows) are shown in Korean when the UI is (issue 13), at display
// time only: other columns, the English UI and the saved rows are unchanged.
import { afterEach, describe, expect, it } from 'vitest';
import { describeCondition, LABELS, LABELS_KO, metricLabelKo } from '../../src/lifecycle/format.ts';
import { refusedText, registeredText } from '../../src/cells/pipelineText.ts';
import { shownCell } from '../../src/ui/outputs/localize.ts';
import { loadLang, setLang } from '../../src/ui/i18n.ts';

const HANGUL = /[가-힣]/;

afterEach(() => setLang('en'));

describe('metric labels in table cells', () => {
  it('every label has a Korean one; a word is Korean, an abbreviation (AUC, RMSE, R²) stays', () => {
    expect(Object.keys(LABELS_KO).sort()).toEqual(Object.keys(LABELS).sort());
    for (const [key, en] of Object.entries(LABELS)) {
      const words = en.replace(/\b[A-Z0-9²]+\b/g, '').match(/[A-Za-z]{2,}/g);
      if (words) expect(LABELS_KO[key], `${key}: ${en}`).toMatch(HANGUL);
      else expect(LABELS_KO[key], key).toBe(en);
    }
  });

  it('shows a "metric" column\'s labels in Korean in a Korean UI, and nothing else', async () => {
    expect(shownCell('metric', 'Accuracy')).toBe('Accuracy');
    setLang('ko');
    await loadLang('ko');
    expect(shownCell('metric', 'Accuracy')).toBe('정확도');
    expect(shownCell('metric', 'F1 (macro)')).toBe('F1 (매크로)');
    expect(shownCell('metric', 'AUC')).toBe('AUC');
    // A student's own value, and the same word in another column, stay as they are.
    expect(shownCell('metric', 'my score')).toBe('my score');
    expect(shownCell('model', 'Accuracy')).toBe('Accuracy');
  });

  it('a condition (register, monitor, pipeline) reads with the Korean metric name in the Korean text', () => {
    const en = describeCondition('accuracy', 0.7, '>=', 0.8);
    const ko = describeCondition('accuracy', 0.7, '>=', 0.8, metricLabelKo);
    expect([en, ko]).toEqual(['Accuracy 0.7 < 0.8', '정확도 0.7 < 0.8']);
    expect(refusedText({ en, ko })).toMatchObject({ en: expect.stringContaining('Not registered: Accuracy 0.7 < 0.8.') as unknown, ko: expect.stringContaining('등록하지 않음: 정확도 0.7 < 0.8.') as unknown });
    const held = { en: describeCondition('accuracy', 0.9, '>=', 0.8), ko: describeCondition('accuracy', 0.9, '>=', 0.8, metricLabelKo) };
    expect(registeredText('m', 2, 'staging', held).ko).toContain('조건 정확도 0.9 ≥ 0.8을(를) 만족해요');
  });
});
