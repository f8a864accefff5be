import { beforeAll, describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { selectFeaturesCell, selectSchema } from '../../src/cells/select.ts';
import { testContext } from '../helpers/context.ts';
import { initBackend } from '../../src/ml/backend.ts';
import { CellError } from '../../src/core/errors.ts';
import type { CellOutput, FigureOutput, TableOutput } from '../../src/core/outputs.ts';
import { englishOnly } from '../helpers/koreanTitles.ts';

const fx = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/data_selection.json', import.meta.url)), 'utf8')) as {
  names: string[]; X: number[][]; y: number[]; f: (number | null)[]; mi: number[];
};
const cols: Record<string, unknown[]> = {};
fx.names.forEach((n, j) => (cols[n] = fx.X.map((r) => r[j])));
cols.label = fx.y.map((v) => `c${v}`);
cols.note = fx.y.map(() => 'text');
const data = aq.table(cols);

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

async function run(params: Record<string, unknown>, table = data) {
  const ctx = testContext({ data: { type: 'table', table } });
  const out = await selectFeaturesCell.run(selectSchema.parse({ target: 'label', ...params }), ctx);
  const scores = ctx.table('feature_scores');
  const score = Object.fromEntries((scores.array('feature') as string[]).map((f, i) => [f, (scores.array('score') as (number | null)[])[i]]));
  return { ctx, out, score, kept: ctx.table('selected').columnNames() };
}

describe('select cell', () => {
  it('has defaults and renders', () => {
    const p = selectSchema.parse({ target: 'y' });
    expect(p.method).toBe('anova');
    expect(selectFeaturesCell.writes(p)).toEqual(['selected', 'feature_scores']);
    expect(selectFeaturesCell.render(p)).toContain('by anova');
  });

  it('ANOVA F: sklearn scores, top k kept with the target, ranked bar chart', async () => {
    const { out, score, kept } = await run({ method: 'anova', k: 2 });
    fx.names.forEach((n, j) => (fx.f[j] === null ? expect(score[n]).toBeNull() : expect(score[n]).toBeCloseTo(fx.f[j] as number, 9)));
    expect(kept).toEqual(['f0', 'f2', 'label']);
    const fig = out.find((o): o is FigureOutput => o.type === 'figure');
    expect(fig?.spec.data[0]).toMatchObject({ type: 'bar', orientation: 'h' });
    expect((fig?.spec.data[0].y as string[]).at(-1)).toBe('f0');
    expect(out.some((o) => o.type === 'table' && (o as TableOutput).name === 'selected')).toBe(true);
  });

  it('mutual information on equal-width bins (continuous: bins) matches sklearn discrete MI', async () => {
    const { score } = await run({ method: 'mutual_info', continuous: 'bins', k: 3 });
    fx.names.forEach((n, j) => expect(Math.abs((score[n] as number) - fx.mi[j])).toBeLessThan(1e-12));
  });

  it('variance threshold drops the constant column; correlation filter drops f1', async () => {
    expect((await run({ method: 'variance' })).kept).toEqual(['f0', 'f1', 'f2', 'f4', 'label']);
    const corr = await run({ method: 'correlation', threshold: 0.5 });
    expect(corr.kept).not.toContain('f1');
    expect(corr.kept).toContain('f0');
  });

  it('chi² refuses negative features', async () => {
    await expect(run({ method: 'chi2' })).rejects.toBeInstanceOf(CellError);
    const ok = await run({ method: 'chi2', features: ['f2', 'const', 'f4'], k: 1 });
    expect(ok.kept).toEqual(['f2', 'label']);
  });

  it('model importances and RFE (trees, linear) find the informative features', async () => {
    const model = await run({ method: 'model', k: 2 });
    expect(model.kept.sort()).toEqual(['f0', 'f2', 'label']);
    const tree = await run({ method: 'rfe', k: 2, estimator: 'tree', features: ['f0', 'f2', 'f4', 'const'] });
    expect(tree.kept.sort()).toEqual(['f0', 'f2', 'label']);
    const linear = await run({ method: 'rfe', k: 2, estimator: 'linear', step: 2, features: ['f0', 'f2', 'f4', 'const'] });
    expect(linear.kept).toContain('f0');
  });

  it('says its notes, chart title and axis in Korean too, for every method (issue 13)', async () => {
    // One row without f0: the "left out of the scoring" note.
    const withMissing = aq.table({ ...cols, f0: fx.X.map((r, i) => (i === 0 ? null : r[0])) });
    const hangul = /[가-힣]/;
    const noteSeen = new Set<string>();
    for (const params of [
      { method: 'anova', k: 2 }, { method: 'variance' }, { method: 'correlation', threshold: 0.5 },
      { method: 'chi2', features: ['f2', 'const', 'f4'], k: 1 }, { method: 'mutual_info', continuous: 'bins', k: 3 },
      { method: 'mutual_info', k: 3 }, { method: 'model', k: 2 }, { method: 'rfe', k: 2, estimator: 'tree', features: ['f0', 'f2', 'f4', 'const'] },
    ]) {
      const { out } = await run(params, withMissing);
      const label = `${params.method}${'continuous' in params ? ' bins' : ''}`;
      expect(englishOnly([{ id: 'select-1', kind: 'select', outputs: out }], { cells: [] }), label).toEqual([]);
      for (const o of out.filter((x): x is Extract<CellOutput, { type: 'text' }> => x.type === 'text')) {
        expect(o.ko, `${label}: ${o.text}`).toMatch(hangul);
        noteSeen.add(o.text.split(/[:,(]/)[0]);
      }
      const fig = out.find((o): o is FigureOutput => o.type === 'figure')!;
      const axisKo = fig.ko?.layout?.xaxis ?? '';
      // The axis names the score; ANOVA F is the same in Korean.
      if (params.method !== 'anova') expect(axisKo, label).toMatch(hangul);
      expect(fig.ko?.layout?.title, label).toContain(axisKo);
    }
    // The notes were there to check: the dropped row, both mutual-information notes, the tree importances.
    expect([...noteSeen].some((n) => n.startsWith('1 row with a missing feature'))).toBe(true);
    expect(noteSeen).toContain('Mutual information ');
    expect(noteSeen).toContain('Importances');
  });
});
