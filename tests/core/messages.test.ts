import { describe, expect, it } from 'vitest';
import { CellError } from '../../src/core/errors.ts';
import { ENGINE_MESSAGES, engineMessage } from '../../src/core/messages.ts';
import { toErrorOutput } from '../../src/kernel/kernel.ts';
import { ERROR_MESSAGES_KO, localizedError } from '../../src/ui/i18n-errors.ts';
import { setLang } from '../../src/ui/i18n.ts';
import { parseCsv } from '../../src/data/csv.ts';
import { validateParams } from '../../src/kernel/params.ts';
import { splitCell } from '../../src/cells/split.ts';
import { checkFractions } from '../../src/data/split.ts';
import { requireColumn } from '../../src/data/columns.ts';
import * as aq from 'arquero';

/** The error a call throws, as the output the UI shows. */
function thrown(run: () => unknown) {
  try {
    run();
  } catch (error) {
    return toErrorOutput(error);
  }
  throw new Error('expected the call to throw');
}

function inKorean<T>(run: () => T): T {
  setLang('ko');
  try {
    return run();
  } finally {
    setLang('en');
  }
}

describe('engine message catalogue', () => {
  it('renders English from a code and its parameters, and keeps both on the error output', () => {
    const error = CellError.coded('column.missing', { column: 'mass', columns: 'a, b' }, { where: 'params.target' });
    expect(error.message).toBe('The table has no column "mass".');
    expect(error.hint).toBe('Columns are: a, b.');
    expect(toErrorOutput(error)).toEqual({
      type: 'error', message: 'The table has no column "mass".', hint: 'Columns are: a, b.', where: 'params.target',
      code: 'column.missing', params: { column: 'mass', columns: 'a, b' },
    });
    expect(engineMessage('target.missing')).toEqual({ message: 'Choose the target column to predict.' });
  });

  it('has a Korean entry for every code, with the same parameters and a hint where English has one', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [code, en] of Object.entries(ENGINE_MESSAGES) as [keyof typeof ENGINE_MESSAGES, { message: string; hint?: string }][]) {
      const ko = ERROR_MESSAGES_KO[code];
      expect(ko, code).toBeDefined();
      expect(names(ko.message), code).toEqual(names(en.message));
      expect(Boolean(ko.hint), code).toBe(Boolean(en.hint));
      if (en.hint) expect(names(ko.hint!), code).toEqual(names(en.hint));
    }
  });

  it('writes every Korean entry in Korean (Hangul in the message and the hint)', () => {
    for (const [code, ko] of Object.entries(ERROR_MESSAGES_KO)) {
      expect(ko.message, code).toMatch(/[\uac00-\ud7a3]/);
      if (ko.hint) expect(ko.hint, code).toMatch(/[\uac00-\ud7a3]/);
    }
  });

  it('gives the common errors a student meets a code, so they read in Korean with their line, column and names', () => {
    const ragged = thrown(() => parseCsv('a,b,c\n1,2,3\n4,5\n'));
    expect(ragged).toMatchObject({ code: 'csv.fieldCount', where: 'line 3, column 3', message: 'Line 3 has 2 fields, but the header has 3.' });
    expect(inKorean(() => localizedError(ragged)).message).toBe('3번째 줄에는 칸이 2개인데 머리글 줄에는 3개예요.');

    const quote = thrown(() => parseCsv('a,b\n1,"oops\n'));
    expect(quote).toMatchObject({ code: 'csv.unclosedQuote', where: 'line 2, column 3' });
    expect(inKorean(() => localizedError(quote)).message).toContain('따옴표');

    const column = thrown(() => requireColumn(aq.table({ x: [1], y: [2] }), 'mass', 'params.target', 'penguins'));
    expect(column).toMatchObject({ code: 'column.notIn', message: 'Column "mass" is not in "penguins".', hint: 'Available columns: x, y.' });
    expect(inKorean(() => localizedError(column))).toEqual({ message: '"penguins"에 "mass" 열이 없어요.', hint: '있는 열: x, y.' });

    const fractions = thrown(() => checkFractions({ train: 0.5, validation: 0.2, test: 0.2 }));
    expect(fractions).toMatchObject({ code: 'split.fractionSum', message: 'The train, validation and test fractions add up to 0.9, not 1.' });
    expect(inKorean(() => localizedError(fractions)).message).toBe('학습·검증·테스트 비율의 합이 1이 아니에요 (지금은 0.9).');
  });

  it('names the parameter of a failed schema check in Korean', () => {
    const result = validateParams(splitCell, { train: 2 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code: 'params.invalid', where: 'params.train' });
    expect(result.error.message).toMatch(/^Invalid parameter params\.train: /);
    expect(inKorean(() => localizedError(result.error)).message).toMatch(/^매개변수 params\.train이\(가\) 올바르지 않아요: /);
  });

  it('shows a coded error in Korean when the UI is Korean, an uncoded one as it is', () => {
    const coded = toErrorOutput(CellError.coded('value.missing', { name: 'train', available: '"test"' }));
    const plain = toErrorOutput(new CellError('Something specific.', { hint: 'Do this.' }));
    setLang('ko');
    try {
      expect(localizedError(coded)).toEqual({ message: '"train"이라는 값이 없어요.', hint: '있는 값: "test".' });
      expect(localizedError(plain)).toEqual({ message: 'Something specific.', hint: 'Do this.' });
    } finally {
      setLang('en');
    }
    expect(localizedError(coded).message).toBe('There is no value named "train".');
  });
});
