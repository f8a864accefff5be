import { describe, expect, it } from 'vitest';
import { CellError } from '../../src/core/errors.ts';
import { ENGINE_MESSAGES, engineMessage } from '../../src/core/messages.ts';
import { toErrorOutput } from '../../src/kernel/kernel.ts';
import { ERROR_MESSAGES_KO, localizedError } from '../../src/ui/i18n-errors.ts';
import { setLang } from '../../src/ui/i18n.ts';

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

  it('shows a coded error in Korean when the UI is Korean, an uncoded one as it is', () => {
    const coded = toErrorOutput(CellError.coded('value.missing', { name: 'train', available: '"test"' }));
    const plain = toErrorOutput(new CellError('Something specific.', { hint: 'Do this.' }));
    setLang('ko');
    try {
      expect(localizedError(coded)).toEqual({ message: '"train"이라는 값이 없습니다.', hint: '있는 값: "test".' });
      expect(localizedError(plain)).toEqual({ message: 'Something specific.', hint: 'Do this.' });
    } finally {
      setLang('en');
    }
    expect(localizedError(coded).message).toBe('There is no value named "train".');
  });
});
