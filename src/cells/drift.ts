// The drift cell: compare the current data (or a model's predictions on
// it) with the reference data feature by feature, flag what moved and say
// whether retraining is advised.
import { z } from 'zod';
import type { CellOutput, TableOutput } from '../core/outputs.ts';
import { CellError, checkAborted } from '../core/errors.ts';
import { defineCell } from './types.ts';
import { markdownLiteral } from '../notebook/outputText.ts';
import { featureDrift, tableDrift, type DriftReport, type FeatureDrift } from '../lifecycle/drift.ts';
import { fmt, fmtP } from '../lifecycle/format.ts';
import { progressText } from '../core/messages/progress.ts';

export const driftSchema = z.object({
  reference: z.string().default('train').describe('Reference table (the data the model was trained on).'),
  current: z.string().default('current').describe('Current table (the data the model sees now).'),
  columns: z.array(z.string()).default([]).describe('Columns to check; empty means every column both tables share.'),
  psiThreshold: z.number().min(0).default(0.2).describe('PSI at or above this flags drift (0.1 moderate, 0.2 significant).'),
  ksAlpha: z.number().gt(0).lt(1).default(0.05).describe('Significance level of the KS / chi-square tests.'),
  bins: z.number().int().min(2).max(100).default(10).describe('Reference-quantile bins for the PSI of numeric columns.'),
  model: z.string().default('').describe('Optional model: also compare its predictions on both tables (prediction drift).'),
  output: z.string().default('drift').describe('Name to store the drift report under.'),
});

export type DriftParams = z.output<typeof driftSchema>;

export const PREDICTION_COLUMN = '(prediction)';

function row(f: FeatureDrift) {
  return { column: f.column, type: f.type, PSI: f.psi, test: f.test, statistic: f.statistic, 'p-value': f.pvalue, drifted: f.drifted, reason: f.reasons.join('; ') };
}

export const driftCell = defineCell({
  kind: 'drift',
  label: 'Drift check',
  description: 'Detect data drift between a reference and a current table: PSI, Kolmogorov–Smirnov (numbers) and chi-square (categories) per feature, plus prediction drift.',
  schema: driftSchema,
  runnable: true,
  reads: (p) => [p.reference, p.current, ...(p.model ? [p.model] : [])],
  writes: (p) => (p.output ? [p.output] : []),
  render: (p) => `// drift ${p.current} vs ${p.reference}${p.columns.length ? ` on ${p.columns.join(', ')}` : ''}: PSI ≥ ${p.psiThreshold} or p < ${p.ksAlpha}${p.model ? `, predictions of ${p.model}` : ''}`,
  async run(params, ctx): Promise<CellOutput[]> {
    const reference = ctx.table(params.reference, 'params.reference');
    const current = ctx.table(params.current, 'params.current');
    for (const c of params.columns) {
      const missing = [reference, current].map((t, i) => (t.columnNames().includes(c) ? '' : [params.reference, params.current][i])).filter(Boolean);
      if (missing.length) throw (missing.length === 1
        ? CellError.coded('drift.columnNotIn', { column: c, table: missing[0] }, { where: 'params.columns' })
        : CellError.coded('drift.columnNotInBoth', { column: c, a: missing[0], b: missing[1] }, { where: 'params.columns' }));
    }
    const options = { psiThreshold: params.psiThreshold, alpha: params.ksAlpha, bins: params.bins };
    ctx.progress({ phase: 'drift', ...progressText('progress.comparing') });
    const report: DriftReport = tableDrift(reference, current, params.columns, options, () => checkAborted(ctx.signal));

    let prediction: FeatureDrift | undefined;
    if (params.model) {
      const { model } = ctx.require(params.model, 'model', 'params.model');
      const [pr, pc] = [await model.predict(reference, ctx.signal), await model.predict(current, ctx.signal)];
      const kind = model.task === 'regression' ? 'numeric' : 'categorical';
      const result = featureDrift(PREDICTION_COLUMN, kind, pr.predictions, pc.predictions, options);
      if (typeof result !== 'string') prediction = result;
    }
    const features = prediction ? [...report.features, prediction] : report.features;
    if (params.output) ctx.set(params.output, { type: 'object', value: { ...report, prediction } });

    const rows = features.map(row);
    const table: TableOutput = {
      type: 'table',
      title: `Drift of ${params.current} against ${params.reference}`,
      titleKo: `${params.reference} 대비 ${params.current}의 드리프트`,
      columns: [
        { name: 'column', type: 'string' }, { name: 'type', type: 'string' }, { name: 'PSI', type: 'number' }, { name: 'test', type: 'string' },
        { name: 'statistic', type: 'number' }, { name: 'p-value', type: 'number' }, { name: 'drifted', type: 'boolean' }, { name: 'reason', type: 'string' },
      ],
      rowCount: rows.length,
      rows,
    };
    const lines: string[] = [];
    const linesKo: string[] = [];
    const drifted = report.drifted;
    const nf = report.features.length;
    if (drifted.length) {
      lines.push(`**Drift detected in ${drifted.length} of ${nf} feature${nf === 1 ? '' : 's'}** (${drifted.map(markdownLiteral).join(', ')}): retraining advised.`);
      linesKo.push(`**특성 ${nf}개 중 ${drifted.length}개에서 드리프트를 찾았어요** (${drifted.map(markdownLiteral).join(', ')}): 다시 학습하는 게 좋아요.`);
    } else {
      lines.push(`**No drift detected** in ${nf} feature${nf === 1 ? '' : 's'} (PSI < ${params.psiThreshold} and p ≥ ${params.ksAlpha} everywhere).`);
      linesKo.push(`**드리프트 없음:** 특성 ${nf}개 모두 PSI < ${params.psiThreshold}, p ≥ ${params.ksAlpha}예요.`);
    }
    if (prediction) {
      const stats = `PSI ${fmt(prediction.psi)}, ${prediction.test} p ${fmtP(prediction.pvalue)}`;
      lines.push(prediction.drifted ? `Predictions drifted too (${stats}): the model's behaviour has changed.` : `Predictions are stable (${stats}).`);
      linesKo.push(prediction.drifted ? `예측도 드리프트했어요 (${stats}): 모델의 동작이 바뀌었어요.` : `예측은 안정적이에요 (${stats}).`);
    }
    for (const s of report.skipped) {
      lines.push(`- Skipped "${markdownLiteral(s.column)}": ${markdownLiteral(s.reason)}.`);
      linesKo.push(`- "${markdownLiteral(s.column)}" 건너뜀: ${markdownLiteral(s.reason)}.`);
    }
    return [table, { type: 'markdown', markdown: lines.join('\n\n'), ko: linesKo.join('\n\n') }];
  },
});
