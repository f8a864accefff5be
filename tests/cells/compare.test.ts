import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { compareCell, compareSchema } from '../../src/cells/compare.ts';
import type { MarkdownOutput, TableOutput } from '../../src/core/outputs.ts';
import type { Comparison } from '../../src/lifecycle/compare.ts';
import { mcnemar } from '../../src/lifecycle/stats/index.ts';
import { seededRandom } from '../../src/core/random.ts';
import { testContext } from '../helpers/context.ts';
import { columnModel } from '../lifecycle/fakes.ts';

function data(n: number) {
  const r = seededRandom(3);
  const y: number[] = [];
  const a: number[] = [];
  const b: number[] = [];
  const pa: number[] = [];
  const pb: number[] = [];
  for (let i = 0; i < n; i++) {
    const yi = r() < 0.5 ? 1 : 0;
    y.push(yi);
    const sa = Math.min(1, Math.max(0, 0.3 * yi + 0.7 * r()));
    const sb = Math.min(1, Math.max(0, 0.6 * yi + 0.4 * r()));
    pa.push(sa);
    pb.push(sb);
    a.push(sa >= 0.5 ? 1 : 0);
    b.push(sb >= 0.5 ? 1 : 0);
  }
  return aq.table({ y, a, b, pa, pb });
}

describe('compare cell', () => {
  it('parses {} to defaults', () => {
    const p = compareSchema.parse({});
    expect(p).toMatchObject({ modelA: 'model_a', modelB: 'model_b', input: 'test', metrics: [], nBoot: 1000, seed: 42, trafficSplit: 0.8 });
    for (const [name, field] of Object.entries(compareSchema.shape)) expect(field.description, name).toBeTruthy();
    expect(compareCell.reads(p)).toEqual(['model_a', 'model_b', 'test']);
    expect(compareCell.writes(p)).toEqual(['comparison']);
  });

  it('classifiers: CIs, paired difference, McNemar and the traffic split, reproducible by seed', async () => {
    const test = data(120);
    const values = {
      model_a: { type: 'model' as const, model: columnModel({ task: 'classification', target: 'y', predCol: 'a', probaCol: 'pa', classes: [0, 1] }) },
      model_b: { type: 'model' as const, model: columnModel({ task: 'classification', target: 'y', predCol: 'b', probaCol: 'pb', classes: [0, 1] }) },
      test: { type: 'table' as const, table: test },
    };
    const ctx = testContext(values);
    const params = compareSchema.parse({ nBoot: 200, seed: 5 });
    const out = await compareCell.run(params, ctx);
    const t = out[0] as TableOutput;
    expect(t.rows.map((r) => r.metric)).toEqual(['Accuracy', 'AUC', 'F1']);
    const result = (ctx.values.get('comparison') as { value: Comparison }).value;
    for (const m of result.metrics) {
      expect(m.a.low).toBeLessThanOrEqual(m.a.estimate);
      expect(m.a.high).toBeGreaterThanOrEqual(m.a.estimate);
      expect(m.diff.estimate).toBeCloseTo(m.b.estimate - m.a.estimate, 12);
    }
    const acc = result.metrics[0];
    expect(acc.diff.low).toBeGreaterThan(0); // B is clearly better here
    const y = test.array('y') as number[];
    const ra = (test.array('a') as number[]).map((p, i) => p === y[i]);
    const rb = (test.array('b') as number[]).map((p, i) => p === y[i]);
    const table = [[0, 0], [0, 0]];
    ra.forEach((c, i) => table[c ? 0 : 1][rb[i] ? 0 : 1]++);
    expect(result.mcnemar!.table).toEqual(table);
    expect(result.mcnemar!.pvalue).toBe(mcnemar(table, { exact: result.mcnemar!.method === 'exact' }).pvalue);
    const arms = result.traffic.arms;
    expect(arms[0].rows + arms[1].rows).toBe(120);
    expect(arms[0].rows / 120).toBeGreaterThan(0.65);
    expect((out[1] as MarkdownOutput).markdown).toMatch(/McNemar .*p = /);
    // The Korean notes name the metrics in Korean (issue 13); the table's rows keep the English labels (data).
    expect((out[1] as MarkdownOutput).ko).toMatch(/^- 정확도: B − A = /);
    expect((out[1] as MarkdownOutput).ko).not.toMatch(/Accuracy|Precision|Recall/);
    const again = testContext(values);
    await compareCell.run(params, again);
    expect((again.values.get('comparison') as { value: Comparison }).value).toEqual(result);
  });

  it('regressors: rmse/mae/r2 and MAE per arm; errors are clear', async () => {
    const table = aq.table({ y: [1, 2, 3, 4, 5, 6, 7, 8], a: [1.5, 2, 2, 4, 6, 6, 7, 9], b: [1, 2, 3, 4, 5, 6, 7, 8.5] });
    const values = {
      model_a: { type: 'model' as const, model: columnModel({ task: 'regression', target: 'y', predCol: 'a' }) },
      model_b: { type: 'model' as const, model: columnModel({ task: 'regression', target: 'y', predCol: 'b' }) },
      test: { type: 'table' as const, table },
    };
    const ctx = testContext(values);
    await compareCell.run(compareSchema.parse({ nBoot: 50 }), ctx);
    const result = (ctx.values.get('comparison') as { value: Comparison }).value;
    expect(result.metrics.map((m) => m.metric)).toEqual(['rmse', 'mae', 'r2']);
    expect(result.mcnemar).toBeUndefined();
    expect(result.traffic.arms[0].outcomeName).toBe('mae');
    await expect(compareCell.run(compareSchema.parse({ metrics: ['auc'] }), testContext(values))).rejects.toThrow(/Unknown regression metric: roc_auc/);
    const mixed = { ...values, model_b: { type: 'model' as const, model: columnModel({ task: 'classification', target: 'y', predCol: 'b' }) } };
    await expect(compareCell.run(compareSchema.parse({}), testContext(mixed))).rejects.toThrow(/same task/);
  });
});
