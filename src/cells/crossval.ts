// The crossval cell: K-fold, stratified, group or forward-chaining (time)
// cross-validation of any model the train cell offers, with the train
// cell's own params; per-fold metrics, mean ± std, and a strip/box figure.
import { z } from 'zod';
import * as aq from 'arquero';
import type { CellOutput, FigureOutput, TableOutput } from '../core/outputs.ts';
import { CellError } from '../core/errors.ts';
import { defineCell, type CellContext } from './types.ts';
import { trackRun } from '../lifecycle/track.ts';
import { controls, gbdtSchema, isSequenceKind, sequenceFitOptions, trainSchema, type TrainParams } from './train.ts';
import { isSequenceData, type SequenceData } from '../ml/sequences/types.ts';
import type { SequenceKind } from '../ml/models/sequence-net.ts';
import { tablePreview } from '../data/preview.ts';
import { columnValues, detectTask } from '../ml/features.ts';
import {
  crossValidate, crossValidateSequences, groupKFold, kFold, sequenceFolds, stratifiedKFold, timeFolds, type CrossValResult, type Fold, type ModelSpec,
} from '../ml/validation/index.ts';
import { progressText } from '../core/messages/progress.ts';

/**
 * The train cell's model fields, shared by crossval and tune, with the
 * training controls that change what a fold or trial learns (class weights,
 * schedule, clipping, weight decay): each fold or trial trains the model the
 * train cell would. Early stopping stays the train cell's (folds and trials
 * run their epochs; tune prunes instead).
 */
export const modelFields = trainSchema.pick({
  input: true, target: true, features: true, task: true, model: true, hidden: true, activation: true, dropout: true,
  l2: true, optimizer: true, learningRate: true, epochs: true, batchSize: true, seed: true, gbdt: true, sequence: true,
  classWeight: true, classWeightCap: true, lrSchedule: true, clipNorm: true, weightDecay: true,
});

export type ModelFields = z.output<typeof modelFields>;

/** Train-cell params → what fitAny() takes (the same mapping as the train cell's). */
export function modelSpec(p: ModelFields & Partial<Pick<TrainParams, 'patience'>>): ModelSpec {
  if (p.model === 'gbdt') {
    const g = gbdtSchema.parse(p.gbdt ?? {});
    return {
      kind: 'gbdt',
      options: {
        target: p.target, features: p.features, task: p.task, seed: p.seed, rounds: g.rounds, learningRate: g.eta, maxDepth: g.maxDepth,
        maxLeaves: g.maxLeaves, minChildWeight: g.minChildWeight, minSamplesLeaf: g.minSamplesLeaf, subsample: g.subsample, colsample: g.colsample,
        lambda: g.lambda, alpha: g.alpha, gamma: g.gamma, scalePosWeight: g.scalePosWeight, earlyStoppingRounds: g.earlyStoppingRounds,
        stoppingMetric: g.stoppingMetric, maxBins: g.maxBins,
      },
    };
  }
  const model = p.model;
  if (model !== 'linear' && model !== 'logistic' && model !== 'mlp') {
    // Sequence models train on a sequences value (sequencesInput), not on table rows.
    throw CellError.coded('crossval.sequenceModelOnTable', { model }, { where: 'params.input' });
  }
  return {
    kind: 'tfjs',
    options: {
      target: p.target, features: p.features, task: p.task, model, hidden: p.hidden, activation: p.activation, dropout: p.dropout,
      l2: p.l2, optimizer: p.optimizer, learningRate: p.learningRate, epochs: p.epochs, batchSize: p.batchSize, seed: p.seed, patience: p.patience ?? 0,
      ...controls(p),
    },
  };
}

export const crossvalSchema = modelFields.extend({
  method: z.enum(['kfold', 'stratified', 'group', 'time']).default('kfold')
    .describe('kfold: shuffled folds; stratified: each class keeps its share in every fold; group: a group (user, session) never on both sides; time: train on the past, test on the next block. Sequences: windows take time (forward chaining) or group; padded sequences kfold/group (by session).'),
  folds: z.number().int().min(2).max(50).default(5).describe('Number of folds (splits for time).'),
  group: z.string().default('').describe('Group column (method group).'),
  time: z.string().default('').describe('Time column (method time); empty = the table is already in time order.'),
  output: z.string().default('cv_results').describe('Name to store the per-fold metrics table under.'),
});

export type CrossvalParams = z.output<typeof crossvalSchema>;

function makeFolds(p: CrossvalParams, table: aq.ColumnTable): Fold[] {
  const n = table.numRows();
  if (p.method === 'kfold') return kFold(n, p.folds, p.seed);
  if (p.method === 'stratified') {
    const task = p.task === 'auto' ? detectTask(table, p.target) : p.task;
    if (task !== 'classification') throw CellError.coded('crossval.stratifiedNeedsClasses', {}, { where: 'params.method' });
    return stratifiedKFold(columnValues(table, p.target, 'params.target'), p.folds, p.seed);
  }
  if (p.method === 'group') {
    if (!p.group) throw CellError.coded('crossval.chooseGroup', {}, { where: 'params.group' });
    return groupKFold(columnValues(table, p.group, 'params.group'), p.folds);
  }
  return timeFolds(n, p.folds, p.time ? columnValues(table, p.time, 'params.time') : undefined);
}

function strip(folds: { fold: number; metrics: Record<string, number> }[], names: string[]): FigureOutput {
  const data = names.map((metric) => ({
    type: 'box', name: metric, y: folds.map((f) => f.metrics[metric]), text: folds.map((f) => `fold ${f.fold}`),
    boxpoints: 'all', jitter: 0.3, pointpos: 0, hovertemplate: '%{text}: %{y}<extra></extra>',
  }));
  return {
    type: 'figure', title: 'Metric per fold', titleKo: '폴드별 지표',
    spec: { data, layout: { title: { text: 'Metric per fold' }, yaxis: { title: { text: 'value' } }, showlegend: false } },
    ko: { layout: { title: '폴드별 지표', yaxis: '값' } },
  };
}

/**
 * The input as sequences when it holds a sequences value (lstm, gru, cnn1d
 * train on those); undefined for a table. A sequence model on a table, or a
 * table model on sequences, is refused.
 */
export function sequencesInput(p: ModelFields, ctx: CellContext): SequenceData | undefined {
  const source = ctx.get(p.input);
  const isSeq = source?.type === 'object' && isSequenceData(source.value);
  if (isSeq && !isSequenceKind(p.model)) {
    throw CellError.coded('crossval.tableModelOnSequences', { input: p.input, model: p.model }, { where: 'params.model' });
  }
  return isSeq ? (source.value as SequenceData) : undefined;
}

function summaryTable(result: CrossValResult, folds: number): TableOutput {
  return {
    type: 'table', title: `Mean ± std over ${folds} folds`, titleKo: `${folds}개 폴드의 평균 ± 표준편차`,
    columns: [{ name: 'metric', type: 'string' }, { name: 'mean', type: 'number' }, { name: 'std', type: 'number' }, { name: 'mean ± std', type: 'string' }],
    rowCount: result.summary.length,
    rows: result.summary.map((s) => ({ metric: s.metric, mean: s.mean, std: s.std, 'mean ± std': `${s.mean.toFixed(4)} ± ${s.std.toFixed(4)}` })),
  };
}

/** Cross-validation of lstm/gru/cnn1d on a sequences value, fold models fitted like the train cell's. */
async function runSequences(params: CrossvalParams, ctx: CellContext, data: SequenceData): Promise<CellOutput[]> {
  if (!params.output.trim()) throw CellError.coded('name.resultsOutput', {}, { where: 'params.output' });
  const model = params.model as SequenceKind;
  const folds = sequenceFolds(data, params.method, params.folds, params.seed);
  const startedAt = new Date();
  const t0 = performance.now();
  const result = await crossValidateSequences(data, sequenceFitOptions(params, model), folds, {
    signal: ctx.signal,
    onFold: (done, total, r) => ctx.progress({ phase: 'crossval', fraction: done / total, ...progressText('progress.fold', { done, total, scores: Object.entries(r.metrics).slice(0, 2).map(([k, v]) => `${k} ${v.toFixed(3)}`).join(', ') }) }),
  });
  const names = result.summary.map((s) => s.metric);
  const unit = data.mode === 'windows' ? 'windows' : 'sequences';
  const columns: Record<string, number[]> = {
    fold: result.folds.map((f) => f.fold), [`train_${unit}`]: result.folds.map((f) => f.trainRows), [`test_${unit}`]: result.folds.map((f) => f.testRows),
  };
  for (const m of names) columns[m] = result.folds.map((f) => f.metrics[m] ?? NaN);
  const perFold = aq.table(columns);
  ctx.set(params.output, { type: 'table', table: perFold });
  const howKo = data.mode === 'padded' ? `시퀀스 단위 (${data.options.group})` : params.method === 'time' ? '시간 순서의 윈도를 앞으로 이어 가며' : `그룹 단위 (${data.options.group ?? '?'})`;
  const how = data.mode === 'padded' ? `by sequence (${data.options.group})` : params.method === 'time' ? 'forward chaining over windows in time order' : `by group (${data.options.group ?? '?'})`;
  const outputs: CellOutput[] = [
    {
      type: 'text', text: `${params.model.toUpperCase()} on ${data.mode} ${params.input}: ${folds.length} folds ${how}; metrics on each fold's held-out ${unit}.`,
      ko: `${data.mode} ${params.input}에서 ${params.model.toUpperCase()}: 폴드 ${folds.length}개 (${howKo}); 지표는 폴드마다 떼어 둔 ${unit === 'windows' ? '윈도' : '시퀀스'}에서 쟀어요.`,
    },
    summaryTable(result, folds.length), tablePreview(perFold, { name: params.output, title: 'Metrics per fold', titleKo: '폴드별 지표' }), strip(result.folds, names),
  ];
  const means = Object.fromEntries(result.summary.flatMap((m) => [[`${m.metric}_mean`, m.mean], [`${m.metric}_std`, m.std]]));
  await trackRun(ctx, { kind: 'crossval', params, output: params.output, input: params.input, startedAt, durationMs: performance.now() - t0, outputs, metrics: means });
  return outputs;
}

export const crossvalCell = defineCell({
  kind: 'crossval',
  label: 'Cross-validate',
  description: 'Cross-validate a model (the train cell\'s settings) with K-fold, stratified, group or time-series folds: metrics per fold and mean ± std.',
  schema: crossvalSchema,
  runnable: true,
  reads: (p) => [p.input],
  writes: (p) => [p.output],
  render(p) {
    const by = p.method === 'group' ? ` by ${p.group || '?'}` : p.method === 'time' && p.time ? ` by ${p.time}` : '';
    return `// cross-validate ${p.model} on ${p.input}, target: ${p.target || '?'}\n// ${p.folds} ${p.method} folds${by}, seed ${p.seed} → ${p.output}`;
  },
  async run(params, ctx): Promise<CellOutput[]> {
    const sequences = sequencesInput(params, ctx);
    if (sequences) return runSequences(params, ctx, sequences);
    if (!params.target.trim()) throw CellError.coded('target.missing', {}, { where: 'params.target' });
    if (!params.output.trim()) throw CellError.coded('name.resultsOutput', {}, { where: 'params.output' });
    const table = ctx.table(params.input, 'params.input').reify();
    if (!table.columnNames().includes(params.target)) throw CellError.coded('table.noColumn', { table: params.input, column: params.target }, { where: 'params.target' });
    const folds = makeFolds(params, table);
    const startedAt = new Date();
    const t0 = performance.now();
    const result = await crossValidate(table, modelSpec(params), folds, {
      signal: ctx.signal,
      onFold: (done, total, r) => ctx.progress({ phase: 'crossval', fraction: done / total, ...progressText('progress.fold', { done, total, scores: Object.entries(r.metrics).slice(0, 2).map(([k, v]) => `${k} ${v.toFixed(3)}`).join(', ') }) }),
    });
    const names = result.summary.map((s) => s.metric);
    const columns: Record<string, number[]> = {
      fold: result.folds.map((f) => f.fold), train_rows: result.folds.map((f) => f.trainRows), test_rows: result.folds.map((f) => f.testRows),
    };
    for (const m of names) columns[m] = result.folds.map((f) => f.metrics[m] ?? NaN);
    const perFold = aq.table(columns);
    ctx.set(params.output, { type: 'table', table: perFold });
    const summary = summaryTable(result, folds.length);
    const outputs: CellOutput[] = [summary, tablePreview(perFold, { name: params.output, title: 'Metrics per fold', titleKo: '폴드별 지표' }), strip(result.folds, names)];
    const means = Object.fromEntries(result.summary.flatMap((m) => [[`${m.metric}_mean`, m.mean], [`${m.metric}_std`, m.std]]));
    await trackRun(ctx, { kind: 'crossval', params, output: params.output, input: params.input, startedAt, durationMs: performance.now() - t0, outputs, metrics: means });
    return outputs;
  },
});
