// The train cell: fit a linear, logistic or MLP model on a table with tfjs,
// stream per-batch progress, honour Stop, and store the model under a name.
import { z } from 'zod';
import type { CellOutput, TrainingOutput } from '../core/outputs.ts';
import { CellError } from '../core/errors.ts';
import { defineCell } from './types.ts';
import { fitModel } from '../ml/fit.ts';
import { activeBackend } from '../ml/backend.ts';
import type { TfjsModel } from '../ml/models/tfjs-model.ts';

export const trainSchema = z.object({
  input: z.string().default('train').describe('Table to train on.'),
  target: z.string().default('').describe('Column to predict.'),
  features: z.array(z.string()).default([]).describe('Feature columns; empty means every other numeric column.'),
  task: z
    .enum(['auto', 'classification', 'regression'])
    .default('auto')
    .describe('auto: classification for text, boolean or integer targets with at most 20 distinct values, else regression.'),
  model: z.enum(['linear', 'logistic', 'mlp']).default('mlp').describe('linear (regression), logistic (classification) or mlp (a neural network, either task).'),
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
});

export type TrainParams = z.output<typeof trainSchema>;

function modelText(p: Pick<TrainParams, 'model' | 'hidden'>): string {
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
