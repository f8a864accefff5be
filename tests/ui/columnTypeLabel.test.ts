// Column types in the table's badges and the column pickers: in the UI
// language, and a type without a word of its own shown as it is.
import { afterEach, describe, expect, it } from 'vitest';
import { columnTypeLabel, loadLang, setLang } from '../../src/ui/i18n.ts';

describe('columnTypeLabel', () => {
  afterEach(() => setLang('en'));

  it('names every column type in English and Korean, and passes an unknown one through', async () => {
    expect(columnTypeLabel('number')).toBe('number');
    expect(columnTypeLabel('string')).toBe('string');
    expect(columnTypeLabel('category')).toBe('category');
    await loadLang('ko');
    setLang('ko');
    expect(['number', 'integer', 'string', 'boolean', 'date', 'unknown'].map((type) => columnTypeLabel(type))).toEqual(['숫자', '정수', '글자', '참/거짓', '날짜', '알 수 없음']);
    expect(columnTypeLabel('category')).toBe('category');
  });
});
