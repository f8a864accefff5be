// What a running cell is doing reads in Korean: the cells send a progress
// code with its parameters (English text rendered beside it), the worker
// boundary lets them through checked, and the cell's status line says them
// in the UI language.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROGRESS_MESSAGES, progressText } from '../../src/core/messages/progress.ts';
import { phaseText, progressMessage } from '../../src/ui/i18n-progress.ts';
import { PROGRESS_KO } from '../../src/ui/i18n-progress-ko.ts';
import { checkFromKernel } from '../../src/worker/validate.ts';
import { loadLang, setLang } from '../../src/ui/i18n.ts';
import * as aq from 'arquero';
import { driftCell, driftSchema } from '../../src/cells/drift.ts';
import { testContext } from '../helpers/context.ts';

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

describe('progress messages in Korean', () => {
  it('renders English with its code, and Korean from the same parameters', () => {
    const p = progressText('progress.fold', { done: 2, total: 5, scores: 'accuracy 0.910' });
    expect(p.message).toBe('Fold 2 of 5: accuracy 0.910');
    expect(progressMessage(p)).toBe('Fold 2 of 5: accuracy 0.910');
    expect(inKorean(() => progressMessage(p))).toBe('폴드 2/5: accuracy 0.910');
    expect(inKorean(() => phaseText('crossval'))).toBe('교차 검증');
    expect(inKorean(() => phaseText('something-new'))).toBe('something-new');
    expect(inKorean(() => progressMessage({ message: 'Uncoded text' }))).toBe('Uncoded text');
  });

  it('has Korean for every progress code, with the same parameters', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [code, en] of Object.entries(PROGRESS_MESSAGES)) {
      const ko = PROGRESS_KO[code as keyof typeof PROGRESS_KO];
      expect(ko, code).toMatch(/[\uac00-\ud7a3]/);
      expect(names(ko), code).toEqual(names(en));
    }
  });

  it('crosses the worker boundary with its code, and refuses a malformed one', () => {
    const event = (progress: unknown) => ({ kind: 'event', event: { type: 'progress', cellId: 'c1', progress } });
    const ok = event({ phase: 'predict', ...progressText('progress.predictRows', { rows: 12 }) });
    expect(checkFromKernel(ok)).toEqual(ok);
    expect(checkFromKernel(event({ phase: 'predict', message: 'x', code: 'progress.predictRows', params: { rows: { n: 1 } } }))).toBeUndefined();
  });

  it('is what a cell sends while it runs', async () => {
    const table = aq.table({ x: [1, 2, 3, 4, 5, 6], c: ['a', 'b', 'a', 'b', 'a', 'b'] });
    const ctx = testContext({ train: { type: 'table', table }, current: { type: 'table', table } });
    await driftCell.run(driftSchema.parse({ columns: ['x', 'c'] }), ctx);
    const coded = ctx.progressEvents.find((p) => p.code === 'progress.comparing');
    expect(coded).toMatchObject({ phase: 'drift', message: 'Comparing distributions' });
    expect(inKorean(() => [phaseText(coded!.phase), progressMessage(coded!)])).toEqual(['드리프트', '분포 비교 중']);
  });

  it('leaves no cell writing its progress as English text of its own', () => {
    const dir = resolve(import.meta.dirname, '../../src/cells');
    const literal = readdirSync(dir).filter((f) => f.endsWith('.ts')).filter((f) => /message: [`'"]/.test(readFileSync(resolve(dir, f), 'utf8')));
    expect(literal, 'use progressText with a code in src/core/messages/progress.ts').toEqual([]);
  });
});
