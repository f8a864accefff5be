// The select cell's mutual information (method mutual_info, continuous knn,
// the default): integer and boolean features discrete, the others by the kNN
// estimator; mutual_info_classif for a class target, mutual_info_regression
// for a numeric one with more than 10 distinct values. Reference values from
// scikit-learn 1.2.1 (tests/fixtures/make_selection_fixtures.py); tolerance
// 1e-9, explained in tests/data/mutual-info-knn.test.ts (no ties, so
// sklearn's noise moves no neighbour).
import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { selectFeaturesCell, selectSchema } from '../../src/cells/select.ts';
import { testContext } from '../helpers/context.ts';
import type { TableOutput, TextOutput } from '../../src/core/outputs.ts';

const read = <T>(name: string): T => JSON.parse(readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), 'utf8')) as T;
const selection = read<{ names: string[]; X: number[][]; y: number[]; mi_knn: number[] }>('data_selection.json');
const regression = read<{ regression: { names: string[]; X: number[][]; y: number[]; mi: number[] } }>('data_mutual_info.json').regression;

function tableOf(names: string[], X: number[][], target: unknown[]) {
  const cols: Record<string, unknown[]> = {};
  names.forEach((n, j) => (cols[n] = X.map((r) => r[j])));
  cols.target = target;
  return aq.table(cols);
}

async function run(table: ReturnType<typeof tableOf>, params: Record<string, unknown>) {
  const ctx = testContext({ data: { type: 'table', table } });
  const out = await selectFeaturesCell.run(selectSchema.parse({ target: 'target', method: 'mutual_info', ...params }), ctx);
  const scores = ctx.table('feature_scores');
  const feature = scores.array('feature') as string[];
  const pick = (col: string) => Object.fromEntries(feature.map((f, i) => [f, (scores.array(col) as unknown[])[i]]));
  return { out, score: pick('score') as Record<string, number>, estimator: pick('estimator') as Record<string, string>, kept: ctx.table('selected').columnNames() };
}

describe('select cell: mutual information (kNN)', () => {
  it('defaults to knn', () => {
    expect(selectSchema.parse({}).continuous).toBe('knn');
  });

  it('class target: mutual_info_classif, continuous columns by kNN, the constant integer one discrete', async () => {
    const { score, estimator, kept, out } = await run(tableOf(selection.names, selection.X, selection.y.map((v) => `c${v}`)), { k: 2 });
    selection.names.forEach((n, j) => expect(Math.abs(score[n] - selection.mi_knn[j]), n).toBeLessThanOrEqual(1e-9));
    expect(estimator).toEqual({ f0: 'kNN', f1: 'kNN', f2: 'kNN', const: 'discrete', f4: 'kNN' });
    expect(kept).toEqual(['f0', 'f2', 'target']);
    const note = out.find((o): o is TextOutput => o.type === 'text' && o.text.startsWith('Mutual information'));
    expect(note?.text).toMatch(/mutual_info_classif/);
    expect(note?.text).toMatch(/Discrete \(integer or boolean, scored from counts\): const\./);
  });

  it('numeric target: mutual_info_regression, the integer-coded feature discrete', async () => {
    const { score, estimator, out } = await run(tableOf(regression.names, regression.X, regression.y), {});
    regression.names.forEach((n, j) => expect(Math.abs(score[n] - regression.mi[j]), n).toBeLessThanOrEqual(1e-9));
    expect(estimator.level).toBe('discrete');
    expect(estimator.c0).toBe('kNN');
    expect(out.some((o) => o.type === 'text' && o.text.includes('mutual_info_regression'))).toBe(true);
    expect(out.some((o) => o.type === 'table' && (o as TableOutput).name === 'feature_scores')).toBe(true);
  });
});
