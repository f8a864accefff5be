// A parameter's problem in a form (a zod issue) reads in Korean when the UI is
// Korean: the issue keeps a code and its bound, the form field and the params
// error show them in Korean, and English keeps zod's words.
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issueCode } from '../../src/kernel/issues.ts';
import { validateParams } from '../../src/kernel/params.ts';
import { splitCell } from '../../src/cells/split.ts';
import { trainCell } from '../../src/cells/train.ts';
import { issueText } from '../../src/ui/i18n-issues.ts';
import { ISSUES_KO } from '../../src/ui/i18n-issues-ko.ts';
import { localizedError } from '../../src/ui/i18n-errors.ts';
import { loadLang, setLang } from '../../src/ui/i18n.ts';

function inKorean<T>(run: () => T): T {
  setLang('ko');
  try {
    return run();
  } finally {
    setLang('en');
  }
}

// The Korean tables come with the Korean chunk, as in the app (main.tsx loads it before the first render).
beforeAll(() => loadLang('ko'));

const schema = z.object({
  epochs: z.number().int().min(1), rate: z.number().gt(0), p: z.number().max(1), mode: z.enum(['a', 'b']),
  name: z.string().min(1), cols: z.array(z.string()).min(2), flag: z.boolean(), need: z.number(),
});

describe('parameter issues in Korean', () => {
  it('gives zod issues a code and the bound they name', () => {
    const r = schema.safeParse({ epochs: 1.5, rate: 0, p: 3, mode: 'c', name: '', cols: ['x'], flag: 'yes' });
    expect(r.success).toBe(false);
    const coded = r.error!.issues.map((i) => [i.path.join('.'), issueCode(i)]);
    expect(coded).toEqual([
      ['epochs', { code: 'issue.int', params: { expected: 'int' } }],
      ['rate', { code: 'issue.above', params: { minimum: 0 } }],
      ['p', { code: 'issue.max', params: { maximum: 1 } }],
      ['mode', { code: 'issue.oneOf', params: { values: '"a", "b"' } }],
      ['name', { code: 'issue.empty', params: {} }],
      ['cols', { code: 'issue.minItems', params: { minimum: 2 } }],
      ['flag', { code: 'issue.boolean', params: { expected: 'boolean' } }],
      ['need', { code: 'issue.required', params: {} }],
    ]);
    expect(issueCode({ code: 'custom', message: 'The schema says why.' })).toBeUndefined();
  });

  it('shows a form issue in Korean, and in English as zod wrote it', () => {
    const result = validateParams(trainCell, { epochs: 0 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const issue = result.issues.find((i) => i.path === 'params.epochs')!;
    expect(issue).toMatchObject({ code: 'issue.min', params: { minimum: 1 } });
    expect(issueText(issue)).toBe(issue.message);
    expect(inKorean(() => issueText(issue))).toBe('1 이상이어야 해요.');
    expect(inKorean(() => issueText({ message: 'A custom rule.' }))).toBe('A custom rule.');
  });

  it("says a params error's detail in Korean from its first issue", () => {
    const result = validateParams(splitCell, { train: 2 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toMatch(/^Invalid parameter params\.train: Too big/);
    expect(inKorean(() => localizedError(result.error)).message).toBe('매개변수 params.train이(가) 올바르지 않아요: 1 이하여야 해요.');
  });

  it('has Korean for every issue code', () => {
    for (const [code, text] of Object.entries(ISSUES_KO)) expect(text, code).toMatch(/[\uac00-\ud7a3]/);
  });
});
