// The train cell: fit a linear, logistic or MLP model on a table with tfjs,
// stream per-batch progress, honour Stop, and store the model under a name.
import { z } from 'zod';
import type { CellOutput, TrainingOutput } from '../core/outputs.ts';
import { CellError } from '../core/errors.ts';
import { defineCell, type CellContext } from './types.ts';
import { mergeTrialParams } from './trialParams.ts';
import { trackRun } from '../lifecycle/track.ts';
import type { ColumnTable } from 'arquero';
import { fitModel } from '../ml/fit.ts';
import { activeBackend } from '../ml/backend.ts';
import type { TfjsModel } from '../ml/models/tfjs-model.ts';
import { fitTreeModel } from '../ml/fit.ts';
import type { TrainConfig } from '../ml/train.ts';
import type { ClassWeightSpec } from '../ml/controls.ts';
import { isSequenceData, type SequenceData } from '../ml/sequences/types.ts';
import { fitSequenceModel, type SequenceFitOptions } from '../ml/sequences/fit.ts';
import type { SequenceKind } from '../ml/models/sequence-net.ts';

export function isSequenceKind(model: string): model is SequenceKind {
  return model === 'lstm' || model === 'gru' || model === 'cnn1d';
}

/** The optional training controls, passed on only when set (absent keeps the old behaviour). Shared with crossval and tune. */
export function controls(p: Partial<TrainParams>): Partial<Omit<TrainConfig, 'classWeight'>> & { classWeight?: ClassWeightSpec; classWeightCap?: number } {
  const c: Partial<Omit<TrainConfig, 'classWeight'>> & { classWeight?: ClassWeightSpec; classWeightCap?: number } = {};
  if (p.classWeight !== undefined) c.classWeight = p.classWeight;
  if (p.classWeightCap !== undefined) c.classWeightCap = p.classWeightCap;
  if (p.lrSchedule !== undefined) c.lrSchedule = p.lrSchedule;
  if (p.clipNorm !== undefined) c.clipNorm = p.clipNorm;
  if (p.monitor) c.monitor = p.monitor;
  if (p.monitorMode !== undefined) c.monitorMode = p.monitorMode;
  if (p.restoreBest !== undefined) c.restoreBest = p.restoreBest;
  if (p.weightDecay !== undefined) c.weightDecay = p.weightDecay;
  return c;
}

/**
 * Gradient-boosted trees (model 'gbdt'). A nested, optional object so the
 * tfjs models' params stay as they were; absent means these defaults. The
 * trees have their own step size `eta` (0.1, XGBoost's/LightGBM's usual
 * value): the optimizer's learningRate (0.01 default) would need ten times
 * the rounds. Defaults are XGBoost's depth-wise trees (depth 6, λ = 1).
 */
export const gbdtSchema = z.object({
  rounds: z.number().int().min(1).max(100_000).default(100).describe('Boosting rounds (trees per class).'),
  eta: z.number().positive().max(1).default(0.1).describe('Learning rate (shrinkage) applied to every tree.'),
  maxDepth: z.number().int().min(0).max(64).default(6).describe('Maximum tree depth (0 = unlimited; then set maxLeaves).'),
  maxLeaves: z.number().int().min(0).default(0).describe('Maximum leaves per tree, grown best-first (0 = unlimited: depth-wise).'),
  minChildWeight: z.number().min(0).default(1).describe('Minimum hessian sum in a leaf (XGBoost min_child_weight).'),
  minSamplesLeaf: z.number().int().min(1).default(1).describe('Minimum training rows in a leaf.'),
  subsample: z.number().gt(0).max(1).default(1).describe('Fraction of rows sampled (seeded) for each round.'),
  colsample: z.number().gt(0).max(1).default(1).describe('Fraction of feature columns sampled (seeded) for each tree.'),
  lambda: z.number().min(0).default(1).describe('L2 regularisation of leaf values.'),
  alpha: z.number().min(0).default(0).describe('L1 regularisation of leaf values.'),
  gamma: z.number().min(0).default(0).describe('Minimum loss reduction to make a split.'),
  scalePosWeight: z.number().positive().default(1).describe('Binary targets: weight of the positive (second) class.'),
  earlyStoppingRounds: z.number().int().min(0).default(0).describe('Stop after this many rounds without a better validation metric and keep the best round (0 = off; needs validation).'),
  stoppingMetric: z.enum(['auto', 'loss', 'auc']).default('auto').describe('Early-stopping metric: auto/loss = log loss (classes) or RMSE (numbers); auc = ROC AUC (two classes).'),
  maxBins: z.number().int().min(2).max(255).default(255).describe('Histogram bins per feature (missing values get one more).'),
});

export type GbdtParams = z.output<typeof gbdtSchema>;

/** Sequence models (lstm, gru, cnn1d) on a sequences value; absent = these defaults. */
export const sequenceModelSchema = z.object({
  units: z.array(z.number().int().min(1).max(4096)).default([32]).describe('LSTM/GRU units per stacked layer, first to last (e.g. [32, 16, 8]).'),
  recurrentDropout: z.number().min(0).max(0.9).default(0).describe('LSTM/GRU dropout on the recurrent state while training (not seeded by tfjs: runs with it are not bit-reproducible).'),
  filters: z.array(z.number().int().min(1).max(4096)).default([32]).describe('1D-CNN filters per convolution layer.'),
  kernelSize: z.number().int().min(1).max(64).default(3).describe('1D-CNN kernel size (timesteps).'),
  pooling: z.enum(['max', 'average', 'none']).default('max').describe('1D-CNN on windows: pooling of size 2 after each convolution.'),
  dense: z.array(z.number().int().min(1).max(4096)).default([]).describe('Windows: dense ReLU layers between the sequence layers and the output (e.g. [16]).'),
  embeddingDim: z.number().int().min(1).max(1024).default(16).describe('Padded sequences: embedding width of the state index.'),
});

const classWeightSchema = z.union([
  z.enum(['none', 'balanced', 'inverse_capped']),
  z.record(z.string(), z.number().min(0)),
]);

const lrScheduleSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('none') }),
  z.object({ type: z.literal('step'), every: z.number().int().min(1), factor: z.number().positive() }),
  z.object({ type: z.literal('plateau'), factor: z.number().positive().max(1), patience: z.number().int().min(0), minLr: z.number().min(0).optional() }),
]);

export const trainSchema = z.object({
  input: z.string().default('train').describe('Table to train on.'),
  paramsFrom: z.string().optional().describe('Optional: a value holding tuned params (a tune cell\'s best_params) that override these fields.'),
  target: z.string().default('').describe('Column to predict.'),
  features: z.array(z.string()).default([]).describe('Feature columns; empty means every other numeric column.'),
  task: z
    .enum(['auto', 'classification', 'regression'])
    .default('auto')
    .describe('auto: classification for text, boolean or integer targets with at most 20 distinct values, else regression.'),
  model: z.enum(['linear', 'logistic', 'mlp', 'gbdt', 'lstm', 'gru', 'cnn1d']).default('mlp').describe('linear (regression), logistic (classification), mlp (a neural network, either task), gbdt (gradient-boosted trees, either task), or lstm/gru/cnn1d on a sequences value.'),
  hidden: z.array(z.number().int().min(1).max(4096)).default([32, 16]).describe('MLP hidden layer sizes, first to last.'),
  activation: z.enum(['relu', 'tanh', 'sigmoid', 'elu']).default('relu').describe('MLP hidden layer activation.'),
  dropout: z.number().min(0).max(0.9).default(0).describe('MLP dropout rate after each hidden layer while training (0 = none).'),
  l2: z.number().min(0).default(0).describe('L2 penalty on the weights, added to the loss (0 = none).'),
  optimizer: z.enum(['sgd', 'adam', 'rmsprop', 'adamw']).default('adam').describe('Gradient-descent optimizer.'),
  learningRate: z.number().positive().default(0.01).describe('Optimizer step size.'),
  epochs: z.number().int().min(1).max(100_000).default(50).describe('Passes over the training table.'),
  batchSize: z.number().int().min(1).default(32).describe('Rows per gradient step.'),
  validation: z.string().default('').describe('Optional validation table: loss and accuracy/RMSE per epoch.'),
  patience: z.number().int().min(0).default(0).describe('Early stopping: stop after this many epochs without a better validation loss and keep the best weights (0 = off).'),
  seed: z.number().int().default(42).describe('Random seed for initial weights, shuffling and dropout.'),
  output: z.string().default('model').describe('Name to store the trained model under.'),
  sequence: sequenceModelSchema.optional().describe('LSTM/GRU/1D-CNN settings (model lstm, gru, cnn1d); absent = defaults. Uses dropout between layers.'),
  classWeight: classWeightSchema.optional().describe("Classification loss weights per class, like Keras class_weight: 'balanced' (n / (classes × count)), 'inverse_capped' (the same, clipped at classWeightCap) or a map label → weight; absent = none."),
  classWeightCap: z.number().positive().optional().describe("Cap for 'inverse_capped' class weights (default 1.5)."),
  lrSchedule: lrScheduleSchema.optional().describe("Learning-rate schedule: step {every, factor} or plateau {factor, patience, minLr} (ReduceLROnPlateau on the monitored metric); absent = constant."),
  clipNorm: z.number().positive().optional().describe('Clip gradients to this global L2 norm each step (absent = no clipping).'),
  monitor: z.string().optional().describe('Metric that early stopping and the plateau schedule watch: val_loss (default with validation), loss, val_accuracy, val_macro_f1, …'),
  monitorMode: z.enum(['auto', 'min', 'max']).optional().describe('Whether the monitored metric should fall (min) or rise (max); auto: max for accuracy/F1/top-k/AUC/R², else min.'),
  restoreBest: z.boolean().optional().describe('With patience: keep the best epoch\'s weights (default true).'),
  weightDecay: z.number().min(0).optional().describe('AdamW decoupled weight decay (default 0.01).'),
  gbdt: gbdtSchema.optional().describe('Gradient-boosted tree settings (model gbdt); absent = defaults. Uses seed; numeric and boolean features, missing values allowed.'),
});

export type TrainParams = z.output<typeof trainSchema>;

function modelText(p: Pick<TrainParams, 'model' | 'hidden' | 'sequence'>): string {
  if (p.model === 'gbdt') return 'gbdt';
  if (isSequenceKind(p.model)) {
    const q = sequenceModelSchema.parse(p.sequence ?? {});
    return p.model === 'cnn1d' ? `cnn1d(${q.filters.join(',')})` : `${p.model}(${q.units.join(',')})`;
  }
  return p.model === 'mlp' ? `mlp(${p.hidden.join(',')})` : p.model;
}

/** 1234567 → "1,234,567", independent of the host's locale. */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function describeModel(model: TfjsModel): string {
  const spec = model.spec;
  if (spec.kind === 'linear') return 'Linear regression';
  if (spec.kind === 'logistic') return `Logistic regression (${model.classes?.length ?? 2} classes)`;
  const n = spec.hidden?.length ?? 0;
  return `MLP ${n} hidden layer${n === 1 ? '' : 's'} (${(spec.hidden ?? []).join(', ')}, ${spec.activation})`;
}

function describeModelKo(model: TfjsModel): string {
  const spec = model.spec;
  if (spec.kind === 'linear') return '선형 회귀';
  if (spec.kind === 'logistic') return `로지스틱 회귀 (클래스 ${model.classes?.length ?? 2}개)`;
  return `MLP 은닉층 ${spec.hidden?.length ?? 0}개 (${(spec.hidden ?? []).join(', ')}, ${spec.activation})`;
}

/** The Korean summary's parameter count, epochs, backend and time. */
function runFactsKo(params: number, epochs: number, stoppedEarly: boolean | undefined, backend: string, seconds: number): string[] {
  return [`파라미터 ${thousands(params)}개`, `에포크 ${epochs}번${stoppedEarly ? ' (조기 종료)' : ''}`, `백엔드 ${backend}`, `${seconds.toFixed(1)}초`];
}

/** The cell's params with tuned values merged in (dotted names reach nested params), validated again. */
function tunedParams(params: TrainParams, tuned: unknown): TrainParams {
  if (typeof tuned !== 'object' || tuned === null || Array.isArray(tuned)) {
    throw CellError.coded('train.notTunedParams', { name: params.paramsFrom ?? '' }, { where: 'params.paramsFrom' });
  }
  const merged = trainSchema.safeParse(mergeTrialParams(params, tuned as Record<string, unknown>));
  if (!merged.success) {
    const issue = merged.error.issues[0];
    throw CellError.coded('train.tunedParamsMismatch', { path: issue.path.join('.'), detail: issue.message }, { where: 'params.paramsFrom' });
  }
  return merged.data;
}

export const trainCell = defineCell({
  kind: 'train',
  label: 'Train',
  description: 'Train a linear, logistic or neural-network (MLP) model on a table, with optional validation and early stopping.',
  schema: trainSchema,
  runnable: true,
  reads: (p) => [p.input, ...(p.validation ? [p.validation] : []), ...(p.paramsFrom ? [p.paramsFrom] : [])],
  writes: (p) => [p.output],
  render(p) {
    const parts = [`// train ${modelText(p)} on ${p.input} → ${p.output}, target: ${p.target || '?'}`];
    if (p.paramsFrom) parts.push(`// params from ${p.paramsFrom}`);
    if (p.features.length) parts.push(`// features: ${p.features.join(', ')}`);
    if (p.model === 'gbdt') {
      const g = gbdtSchema.parse(p.gbdt ?? {});
      const extras = [`${g.rounds} rounds`, `eta ${g.eta}`, `depth ${g.maxDepth || 'unlimited'}`, `seed ${p.seed}`];
      if (g.maxLeaves) extras.push(`${g.maxLeaves} leaves`);
      if (p.task !== 'auto') extras.unshift(p.task);
      if (p.validation) extras.push(`validation ${p.validation}`);
      if (g.earlyStoppingRounds) extras.push(`early stopping ${g.earlyStoppingRounds}`);
      parts.push(`// ${extras.join(', ')}`);
      return parts.join('\n');
    }
    const extras = [`${p.optimizer} lr ${p.learningRate}`, `${p.epochs} epochs`, `batch ${p.batchSize}`, `seed ${p.seed}`];
    if (p.task !== 'auto') extras.unshift(p.task);
    if (p.validation) extras.push(`validation ${p.validation}`);
    if (p.patience) extras.push(`patience ${p.patience}${p.monitor ? ` on ${p.monitor}` : ''}`);
    if (p.classWeight && p.classWeight !== 'none') extras.push(`class weights ${typeof p.classWeight === 'string' ? p.classWeight : 'custom'}`);
    if (p.lrSchedule && p.lrSchedule.type !== 'none') extras.push(`lr schedule ${p.lrSchedule.type}`);
    if (p.clipNorm) extras.push(`clip norm ${p.clipNorm}`);
    parts.push(`// ${extras.join(', ')}`);
    return parts.join('\n');
  },
  async run(given, ctx): Promise<CellOutput[]> {
    const params = given.paramsFrom ? tunedParams(given, ctx.require(given.paramsFrom, 'object', 'params.paramsFrom').value) : given;
    const startedAt = new Date();
    const t0 = performance.now();
    const outputs = await trainOnce(params, ctx);
    await trackRun(ctx, { kind: 'train', params, output: params.output, input: params.input, startedAt, durationMs: performance.now() - t0, outputs });
    return outputs;
  },
});

/** One training run of the cell (table models, trees or sequence models). */
async function trainOnce(params: TrainParams, ctx: CellContext): Promise<CellOutput[]> {
  const source = ctx.get(params.input);
  if (source?.type === 'object' && isSequenceData(source.value)) return runSequence(params, ctx, source.value);
  if (isSequenceKind(params.model)) {
    throw (source
      ? CellError.coded('train.sequencesWrongType', { model: params.model, input: params.input, type: source.type }, { where: 'params.input' })
      : CellError.coded('train.sequencesMissing', { model: params.model, input: params.input }, { where: 'params.input' }));
  }
  if (!params.target.trim()) throw CellError.coded('target.missing', {}, { where: 'params.target' });
  if (!params.output.trim()) throw CellError.coded('output.missing', {}, { where: 'params.output' });
  const table = ctx.table(params.input, 'params.input');
  const validation = params.validation ? ctx.table(params.validation, 'params.validation') : undefined;
  if (params.model === 'gbdt') return runGbdt(params, ctx, table, validation);
  const { model, result } = await fitModel(
    table,
    {
      target: params.target, features: params.features, task: params.task, model: params.model,
      hidden: params.hidden, activation: params.activation, dropout: params.dropout, l2: params.l2,
      optimizer: params.optimizer, learningRate: params.learningRate, epochs: params.epochs,
      batchSize: params.batchSize, seed: params.seed, patience: params.patience, ...controls(params),
    },
    { validation, signal: ctx.signal, onProgress: (p) => ctx.progress({ ...p }) },
  );
  ctx.set(params.output, { type: 'model', model });

  const epochs = result.history.length;
  const backend = activeBackend() || ctx.host.backend();
  const summary = [
    describeModel(model),
    `${thousands(model.net.countParams())} parameters`,
    `${epochs} epoch${epochs === 1 ? '' : 's'}${result.stoppedEarly ? ' (stopped early)' : ''}`,
    `backend ${backend}`,
    `${result.seconds.toFixed(1)} s`,
  ].join(', ');
  const summaryKo = [describeModelKo(model), ...runFactsKo(model.net.countParams(), epochs, result.stoppedEarly, backend, result.seconds)].join(', ');
  const out: TrainingOutput = { type: 'training', title: `${modelText(params)} → ${params.output}`, history: result.history, step: 'epoch', target: model.target, summary, summaryKo };
  if (result.bestEpoch !== undefined) out.bestEpoch = result.bestEpoch;
  if (result.stoppedEarly) out.stoppedEarly = true;
  return [out];
}

/** Train-cell params → fitSequenceModel's options (shared by the train, crossval and tune cells). */
export function sequenceFitOptions(
  params: Pick<TrainParams, 'task' | 'dropout' | 'optimizer' | 'learningRate' | 'epochs' | 'batchSize' | 'seed' | 'sequence'> & Partial<TrainParams>,
  model: SequenceKind,
): SequenceFitOptions {
  const q = sequenceModelSchema.parse(params.sequence ?? {});
  return {
    model, task: params.task, units: q.units, filters: q.filters, kernelSize: q.kernelSize, pooling: q.pooling, dense: q.dense,
    recurrentDropout: q.recurrentDropout, embeddingDim: q.embeddingDim, dropout: params.dropout, optimizer: params.optimizer,
    learningRate: params.learningRate, epochs: params.epochs, batchSize: params.batchSize, seed: params.seed, patience: params.patience ?? 0,
    ...controls(params as TrainParams),
  };
}

/** The sequence branch: lstm, gru or cnn1d on windows or padded sequences. */
async function runSequence(params: TrainParams, ctx: CellContext, data: SequenceData): Promise<CellOutput[]> {
  if (!isSequenceKind(params.model)) {
    throw CellError.coded('train.tableModelOnSequences', { input: params.input, model: params.model }, { where: 'params.model' });
  }
  if (!params.output.trim()) throw CellError.coded('output.missing', {}, { where: 'params.output' });
  let validation: SequenceData | undefined;
  if (params.validation) {
    const v = ctx.get(params.validation);
    if (v?.type !== 'object' || !isSequenceData(v.value)) {
      throw CellError.coded('train.validationNotSequences', { validation: params.validation }, { where: 'params.validation' });
    }
    validation = v.value;
  }
  const q = sequenceModelSchema.parse(params.sequence ?? {});
  const { model, result } = await fitSequenceModel(data, sequenceFitOptions(params, params.model), {
    validation, signal: ctx.signal, onProgress: (p) => ctx.progress({ ...p }),
  });
  ctx.set(params.output, { type: 'model', model });
  const epochs = result.history.length;
  const body = params.model === 'cnn1d' ? `1D-CNN (${q.filters.join(', ')} filters, kernel ${q.kernelSize})` : `${params.model.toUpperCase()} (${q.units.join(', ')} units)`;
  const shape = data.mode === 'windows' ? `${data.steps}-step windows` : `padded sequences, ${data.vocab.length}-state vocabulary, embedding ${q.embeddingDim}`;
  const shapeKo = data.mode === 'windows' ? `${data.steps}단계 윈도` : `패딩한 시퀀스, 상태 ${data.vocab.length}개의 어휘, 임베딩 ${q.embeddingDim}`;
  const backend = activeBackend() || ctx.host.backend();
  const summary = [
    `${body} on ${shape}`,
    `${thousands(model.net.countParams())} parameters`,
    `${epochs} epoch${epochs === 1 ? '' : 's'}${result.stoppedEarly ? ' (stopped early)' : ''}`,
    `backend ${backend}`,
    `${result.seconds.toFixed(1)} s`,
  ].join(', ');
  const summaryKo = [`${body}, ${shapeKo}`, ...runFactsKo(model.net.countParams(), epochs, result.stoppedEarly, backend, result.seconds)].join(', ');
  const out: TrainingOutput = { type: 'training', title: `${modelText(params)} → ${params.output}`, history: result.history, step: 'epoch', target: model.target, summary, summaryKo };
  if (result.bestEpoch !== undefined) out.bestEpoch = result.bestEpoch;
  if (result.stoppedEarly) out.stoppedEarly = true;
  return [out];
}

/** The gbdt branch of the train cell: boosted trees on typed arrays, no tfjs. */
async function runGbdt(params: TrainParams, ctx: CellContext, table: ColumnTable, validation: ColumnTable | undefined): Promise<CellOutput[]> {
  const g = gbdtSchema.parse(params.gbdt ?? {});
  const { model, result } = await fitTreeModel(
    table,
    {
      target: params.target, features: params.features, task: params.task, seed: params.seed,
      rounds: g.rounds, learningRate: g.eta, maxDepth: g.maxDepth, maxLeaves: g.maxLeaves, minChildWeight: g.minChildWeight,
      minSamplesLeaf: g.minSamplesLeaf, subsample: g.subsample, colsample: g.colsample, lambda: g.lambda, alpha: g.alpha,
      gamma: g.gamma, scalePosWeight: g.scalePosWeight, earlyStoppingRounds: g.earlyStoppingRounds,
      stoppingMetric: g.stoppingMetric, maxBins: g.maxBins,
    },
    { validation, signal: ctx.signal, onProgress: (p) => ctx.progress({ ...p }) },
  );
  ctx.set(params.output, { type: 'model', model });
  const shape = g.maxDepth ? `depth ${g.maxDepth}` : 'unlimited depth';
  const leaves = g.maxLeaves ? `, ≤ ${g.maxLeaves} leaves` : '';
  const rounds = result.history.length;
  const kept = result.bestIteration !== undefined ? ` (best round ${result.bestIteration} kept)` : '';
  const classes = model.classes && model.classes.length > 2 ? `, ${model.classes.length} classes` : '';
  const summary = `Gradient-boosted trees, ${rounds} round${rounds === 1 ? '' : 's'} × ${shape}${leaves}${classes}${kept}, ${result.seconds.toFixed(1)} s`;
  const summaryKo = `그래디언트 부스팅 트리, ${rounds}라운드 × ${g.maxDepth ? `깊이 ${g.maxDepth}` : '깊이 제한 없음'}` +
    `${g.maxLeaves ? `, 잎 ≤ ${g.maxLeaves}개` : ''}${model.classes && model.classes.length > 2 ? `, 클래스 ${model.classes.length}개` : ''}` +
    `${result.bestIteration !== undefined ? ` (최적 라운드 ${result.bestIteration} 유지)` : ''}, ${result.seconds.toFixed(1)}초`;
  const out: TrainingOutput = { type: 'training', title: `gbdt → ${params.output}`, history: result.history, step: 'round', target: model.target, summary, summaryKo };
  if (result.bestIteration !== undefined) out.bestEpoch = result.bestIteration;
  if (result.stoppedEarly) out.stoppedEarly = true;
  return [out];
}
