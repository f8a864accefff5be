// The exported select cell keeps the same features as the workbench's, with
// the same scores: variance, ANOVA F and chi² on a table with tied columns
// (the workbench keeps the earlier one; SelectKBest would keep the later),
// a constant column (F undefined), missing values and a boolean feature.
import { beforeAll, describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { selectFeaturesCell, selectSchema } from '../../src/cells/select.ts';
import { seededRandom } from '../../src/core/random.ts';
import { initBackend } from '../../src/ml/backend.ts';
import { testContext } from '../helpers/context.ts';
import { pyLiteral } from '../../src/export/python/context.ts';
import { pythonMissing, runWithHelpers } from './helpers.ts';

const missing = pythonMissing(['numpy', 'pandas', 'sklearn']);

const r = seededRandom(9);
const n = 120;
const label = Array.from({ length: n }, (_, i) => ['a', 'b', 'c'][i % 3]);
const signal = label.map((l) => (l === 'a' ? 1 : l === 'b' ? 2 : 4) + Math.floor(r() * 3));
const columns: Record<string, unknown[]> = {
  noise: Array.from({ length: n }, () => Math.floor(r() * 10)),
  twin_a: signal,
  twin_b: [...signal],
  constant: Array.from({ length: n }, () => 3),
  flag: label.map((l, i) => l === 'c' || i % 7 === 0),
  gappy: signal.map((v, i) => (i % 11 === 0 ? null : v * 0.5 + r())),
  weak: label.map((l) => (l === 'a' ? 1 : 0) + Math.floor(r() * 5)),
  label,
};

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

async function workbench(params: Record<string, unknown>) {
  const ctx = testContext({ data: { type: 'table', table: aq.table(columns) } });
  await selectFeaturesCell.run(selectSchema.parse({ target: 'label', ...params }), ctx);
  const scores = ctx.table('feature_scores');
  const score = Object.fromEntries((scores.array('feature') as string[]).map((f, i) => [f, (scores.array('score') as (number | null)[])[i]]));
  return { kept: ctx.table('selected').columnNames().filter((c) => c !== 'label'), score };
}

function python(args: string) {
  const frame = `df = pd.DataFrame(${pyLiteral(columns)})`;
  return runWithHelpers(`${frame}\nkept, scores = select_features(df, 'label', ${args})\nprint(json.dumps({'kept': kept, 'score': {f: (None if math.isnan(s) else s) for f, s in zip(scores['feature'], scores['score'])}}))`) as {
    kept: string[]; score: Record<string, number | null>;
  };
}

const cases: [string, Record<string, unknown>, string][] = [
  ['ANOVA F, top 2 of two tied columns', { method: 'anova', k: 2 }, "'anova', k=2"],
  ['ANOVA F, top 1 (a tie: the earlier column)', { method: 'anova', k: 1 }, "'anova', k=1"],
  ['ANOVA F above a threshold', { method: 'anova', threshold: 5 }, "'anova', threshold=5"],
  ['chi², default k on listed features', { method: 'chi2', features: ['noise', 'twin_b', 'twin_a', 'flag', 'weak'] }, "'chi2', features=['noise', 'twin_b', 'twin_a', 'flag', 'weak']"],
  ['variance, top 3', { method: 'variance', k: 3 }, "'variance', k=3"],
  ['variance above 0 (drops the constant column)', { method: 'variance' }, "'variance'"],
];

describe.skipIf(missing !== undefined)(`select exported to Python keeps the workbench's features${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it.each(cases)('%s', async (_, params, args) => {
    const wb = await workbench(params);
    const py = python(args);
    expect(py.kept).toEqual(wb.kept);
    expect(Object.keys(py.score).sort()).toEqual(Object.keys(wb.score).sort());
    for (const [f, s] of Object.entries(wb.score)) {
      if (s === null) expect(py.score[f], f).toBeNull();
      else expect(py.score[f], f).toBeCloseTo(s, 9);
    }
  });
});
