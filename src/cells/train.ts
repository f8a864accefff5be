// The train cell: fit a linear, logistic or MLP model on a table with tfjs,
// stream per-batch progress, honour Stop, and store the model under a name.
import { z } from 'zod';
import type { CellOutput, TrainingOutput } from '../core/outputs.ts';
import { CellError } from '../core/errors.ts';
import { defineCell, type CellContext } from './types.ts';
import type { ColumnTable } from 'arquero';
import { fitModel } from '../ml/fit.ts';
import { activeBackend } from '../ml/backend.ts';
import type { TfjsModel } from '../ml/models/tfjs-model.ts';
import { fitTreeModel } from '../ml/fit.ts';

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

export const trainSchema = z.object({
  input: z.string().default('train').describe('Table to train on.'),
  target: z.string().default('').describe('Column to predict.'),
  features: z.array(z.string()).default([]).describe('Feature columns; empty means every other numeric column.'),
  task: z
    .enum(['auto', 'classification', 'regression'])
    .default('auto')
    .describe('auto: classification for text, boolean or integer targets with at most 20 distinct values, else regression.'),
  model: z.enum(['linear', 'logistic', 'mlp', 'gbdt']).default('mlp').describe('linear (regression), logistic (classification), mlp (a neural network, either task) or gbdt (gradient-boosted trees, either task).'),
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
  gbdt: gbdtSchema.optional().describe('Gradient-boosted tree settings (model gbdt); absent = defaults. Uses seed; numeric and boolean features, missing values allowed.'),
});

export type TrainParams = z.output<typeof trainSchema>;

function modelText(p: Pick<TrainParams, 'model' | 'hidden'>): string {
  if (p.model === 'gbdt') return 'gbdt';
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

export const trainCell = defineCell({
  kind: 'train',
  label: 'Train',
  description: 'Train a linear, logistic or neural-network (MLP) model on a table, with optional validation and early stopping.',
  schema: trainSchema,
  runnable: true,
  reads: (p) => (p.validation ? [p.input, p.validation] : [p.input]),
  writes: (p) => [p.output],
  render(p) {
    const parts = [`// train ${modelText(p)} on ${p.input} → ${p.output}, target: ${p.target || '?'}`];
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
    if (p.patience) extras.push(`patience ${p.patience}`);
    parts.push(`// ${extras.join(', ')}`);
    return parts.join('\n');
  },
  async run(params, ctx): Promise<CellOutput[]> {
    if (!params.target.trim()) throw new CellError('Choose the target column to predict.', { where: 'params.target' });
    if (!params.output.trim()) throw new CellError('Name the model output.', { where: 'params.output' });
    const table = ctx.table(params.input, 'params.input');
    const validation = params.validation ? ctx.table(params.validation, 'params.validation') : undefined;
    if (params.model === 'gbdt') return runGbdt(params, ctx, table, validation);
    const { model, result } = await fitModel(
      table,
      {
        target: params.target, features: params.features, task: params.task, model: params.model,
        hidden: params.hidden, activation: params.activation, dropout: params.dropout, l2: params.l2,
        optimizer: params.optimizer, learningRate: params.learningRate, epochs: params.epochs,
        batchSize: params.batchSize, seed: params.seed, patience: params.patience,
      },
      { validation, signal: ctx.signal, onProgress: (p) => ctx.progress({ ...p }) },
    );
    ctx.set(params.output, { type: 'model', model });

    const epochs = result.history.length;
    const summary = [
      describeModel(model),
      `${thousands(model.net.countParams())} parameters`,
      `${epochs} epoch${epochs === 1 ? '' : 's'}${result.stoppedEarly ? ' (stopped early)' : ''}`,
      `backend ${activeBackend() || ctx.host.backend()}`,
      `${result.seconds.toFixed(1)} s`,
    ].join(', ');
    const out: TrainingOutput = { type: 'training', title: `${modelText(params)} → ${params.output}`, history: result.history, summary };
    if (result.bestEpoch !== undefined) out.bestEpoch = result.bestEpoch;
    if (result.stoppedEarly) out.stoppedEarly = true;
    return [out];
  },
});

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
  const out: TrainingOutput = { type: 'training', title: `gbdt → ${params.output}`, history: result.history, summary };
  if (result.bestIteration !== undefined) out.bestEpoch = result.bestIteration;
  if (result.stoppedEarly) out.stoppedEarly = true;
  return [out];
}
