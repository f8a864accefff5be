// The compare cell: two models on the same held-out table, metrics side by
// side with bootstrap intervals and the paired difference, McNemar's test
// for classifiers, and a simulated A/B traffic split.
import { z } from 'zod';
import type { CellOutput, Scalar, TableOutput } from '../core/outputs.ts';
import { CellError, checkAborted } from '../core/errors.ts';
import { defineCell } from './types.ts';
import { targetLabels } from '../ml/features.ts';
import { compareModels } from '../lifecycle/compare.ts';
import { DEFAULT_METRICS, SUPPORTED } from '../lifecycle/subsetMetrics.ts';
import { fmt, fmtP, metricKey, metricLabel, metricLabelKo } from '../lifecycle/format.ts';
import { progressText } from '../core/messages/progress.ts';

/** The catalogued "unknown metric" error, by task and by how many metrics are unknown. */
const UNKNOWN_METRIC = {
  classification: { one: 'compare.unknownClassificationMetric', many: 'compare.unknownClassificationMetrics' },
  regression: { one: 'compare.unknownRegressionMetric', many: 'compare.unknownRegressionMetrics' },
} as const;

export const compareSchema = z.object({
  modelA: z.string().default('model_a').describe('The current model (A, the control).'),
  modelB: z.string().default('model_b').describe('The challenger (B).'),
  input: z.string().default('test').describe('Held-out table with the features and the true target.'),
  metrics: z.array(z.string()).default([]).describe('Metrics to compare; empty means accuracy, roc_auc, f1 (classification) or rmse, mae, r2 (regression).'),
  nBoot: z.number().int().min(10).max(100_000).default(1000).describe('Bootstrap resamples for the intervals.'),
  confidence: z.number().gt(0).lt(1).default(0.95).describe('Confidence level of the intervals.'),
  seed: z.number().int().default(42).describe('Seed for the resamples and the traffic split.'),
  trafficSplit: z.number().min(0).max(1).default(0.8).describe('Share of rows the simulated A/B test sends to model A.'),
  output: z.string().default('comparison').describe('Name to store the full comparison under.'),
});

export type CompareParams = z.output<typeof compareSchema>;

const interval = (x: { low: number; high: number }) => `[${fmt(x.low)}, ${fmt(x.high)}]`;

export const compareCell = defineCell({
  kind: 'compare',
  label: 'Compare models',
  description: 'Compare two models on held-out data: metrics with bootstrap confidence intervals, McNemar’s test and a simulated A/B traffic split.',
  schema: compareSchema,
  runnable: true,
  reads: (p) => [p.modelA, p.modelB, p.input],
  writes: (p) => (p.output ? [p.output] : []),
  render: (p) => `// compare ${p.modelA} (A) vs ${p.modelB} (B) on ${p.input}: ${p.nBoot} bootstrap resamples, seed ${p.seed}, ${Math.round(p.trafficSplit * 100)}/${Math.round((1 - p.trafficSplit) * 100)} traffic`,
  async run(params, ctx): Promise<CellOutput[]> {
    const a = ctx.require(params.modelA, 'model', 'params.modelA').model;
    const b = ctx.require(params.modelB, 'model', 'params.modelB').model;
    const table = ctx.table(params.input, 'params.input');
    if (a.task !== b.task) throw CellError.coded(a.task === 'classification' ? 'compare.tasksClassReg' : 'compare.tasksRegClass', {}, { where: 'params.modelB' });
    if (a.target !== b.target) throw CellError.coded('compare.targets', { a: a.target, b: b.target }, { where: 'params.modelB' });
    if (!table.columnNames().includes(a.target)) throw CellError.coded('table.noTargetColumn', { table: params.input, target: a.target }, { where: 'params.input' });
    if (table.numRows() < 2) throw CellError.coded('compare.fewRows', { table: params.input }, { where: 'params.input' });
    const task = a.task;
    const metrics = (params.metrics.length ? params.metrics : DEFAULT_METRICS[task]).map(metricKey);
    const unknown = metrics.filter((m) => !SUPPORTED[task].includes(m));
    if (unknown.length) throw CellError.coded(UNKNOWN_METRIC[task][unknown.length > 1 ? 'many' : 'one'], { metrics: unknown.join(', '), choices: SUPPORTED[task].join(', ') }, { where: 'params.metrics' });

    ctx.progress({ phase: 'predict', ...progressText('progress.predictBoth', { rows: table.numRows() }) });
    const predA = await a.predict(table, ctx.signal);
    const predB = await b.predict(table, ctx.signal);
    const truth: Scalar[] = targetLabels(table, a.target);
    ctx.progress({ phase: 'bootstrap', ...progressText('progress.resamples', { n: params.nBoot }) });
    const result = compareModels(task, truth, predA, predB, {
      metrics, nBoot: params.nBoot, seed: params.seed, alpha: 1 - params.confidence, trafficSplit: params.trafficSplit, check: () => checkAborted(ctx.signal),
    });
    if (params.output) ctx.set(params.output, { type: 'object', value: result });

    const pct = `${Math.round(params.confidence * 100)}%`;
    const rows = result.metrics.map((m) => ({
      metric: metricLabel(m.metric),
      A: m.a.estimate, [`A ${pct} CI`]: interval(m.a),
      B: m.b.estimate, [`B ${pct} CI`]: interval(m.b),
      'B − A': m.diff.estimate, [`B − A ${pct} CI`]: interval(m.diff),
      resamples: m.diff.used,
    }));
    const columns = Object.keys(rows[0] ?? { metric: '' }).map((name) => ({ name, type: name === 'metric' || name.includes('CI') ? ('string' as const) : name === 'resamples' ? ('integer' as const) : ('number' as const) }));
    const out: CellOutput[] = [{ type: 'table', title: `${params.modelA} (A) vs ${params.modelB} (B) on ${params.input}, ${result.rows} rows`,
      titleKo: `${params.modelA} (A) 대 ${params.modelB} (B), ${params.input}의 ${result.rows}행`, columns, rowCount: rows.length, rows } satisfies TableOutput];

    const notes: string[] = [];
    const notesKo: string[] = [];
    for (const m of result.metrics) {
      const excludesZero = m.diff.low > 0 || m.diff.high < 0;
      notes.push(`- ${metricLabel(m.metric)}: B − A = ${fmt(m.diff.estimate)}, ${pct} CI ${interval(m.diff)}${excludesZero ? ' — the interval excludes 0.' : ' — includes 0: no clear difference.'}`);
      notesKo.push(`- ${metricLabelKo(m.metric)}: B − A = ${fmt(m.diff.estimate)}, ${pct} 신뢰구간 ${interval(m.diff)}${excludesZero ? ' — 구간에 0이 없어요.' : ' — 0이 들어 있어요: 뚜렷한 차이가 없어요.'}`);
    }
    if (result.mcnemar) {
      const t = result.mcnemar.table;
      const test = result.mcnemar.method === 'exact' ? 'exact binomial' : 'chi-square with continuity correction';
      const testKo = result.mcnemar.method === 'exact' ? '정확 이항 검정' : '연속성 보정 카이제곱';
      notes.push(`- McNemar (${test}): only A right on ${t[0][1]} rows, only B right on ${t[1][0]}; p = ${fmtP(result.mcnemar.pvalue)}.`);
      notesKo.push(`- McNemar (${testKo}): A만 맞힌 행 ${t[0][1]}개, B만 맞힌 행 ${t[1][0]}개; p = ${fmtP(result.mcnemar.pvalue)}.`);
    }
    const arms = result.traffic.arms.map((arm) => `${arm.arm}: ${arm.rows} rows, ${arm.outcomeName === 'accuracy' ? 'accuracy' : 'MAE'} ${fmt(arm.outcome)}`).join('; ');
    const armsKo = result.traffic.arms.map((arm) => `${arm.arm}: ${arm.rows}행, ${arm.outcomeName === 'accuracy' ? '정확도' : 'MAE'} ${fmt(arm.outcome)}`).join('; ');
    const split = `${Math.round(params.trafficSplit * 100)}/${Math.round((1 - params.trafficSplit) * 100)}`;
    notes.push(`- Simulated traffic split ${split} (seed ${params.seed}): ${arms}.`);
    notesKo.push(`- 트래픽을 ${split}로 나눈 시뮬레이션 (시드 ${params.seed}): ${armsKo}.`);
    out.push({ type: 'markdown', markdown: notes.join('\n'), ko: notesKo.join('\n') });
    return out;
  },
});
