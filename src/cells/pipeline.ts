// The pipeline cell: the course's conditional pipeline as one object —
// preprocess → train → evaluate → condition → register (or fail) — run in
// order, drawn as a graph and tracked as one run. Each step is the cell kind
// that does that job (split + transform, train, evaluate, register) run in a
// private scope (pipelineScope.ts), so the pipeline's model is exactly the
// one the train cell fits with the same params. Re-running with another
// threshold makes another tracked run; a threshold the metric misses takes
// the fail branch and registers nothing (an outcome, not an error). A step
// that throws marks the steps after it skipped and fails the cell.
import { z } from 'zod';
import type { CellOutput, TableOutput } from '../core/outputs.ts';
import type { HostServices } from '../core/host.ts';
import { CellError } from '../core/errors.ts';
import { progressText } from '../core/messages/progress.ts';
import { defineCell, type CellContext } from './types.ts';
import { splitCell, splitSchema } from './split.ts';
import { transformCell, transformSchema } from './transform.ts';
import { trainCell, trainSchema } from './train.ts';
import { evaluateCell, evaluateSchema } from './evaluate.ts';
import { registerCell, registerSchema, type RegisterOutcome } from './register.ts';
import { pipelineScope } from './pipelineScope.ts';
import { GRAPH_ALT, STEPS_HEADING, refusedText, registeredText, stoppedText, trackedText, type Bilingual } from './pipelineText.ts';
import { STAGES } from '../lifecycle/registry.ts';
import { describeCondition, holds, metricKey, metricLabelKo } from '../lifecycle/format.ts';
import { trackRun } from '../lifecycle/track.ts';
import { lifecycleServices } from '../lifecycle/host.ts';
import type { RunRecord } from '../lifecycle/runs.ts';
import { newRunRecord, runId } from '../lifecycle/record.ts';
import { svgDataUrl } from '../notebook/jupyter/dataUrl.ts';
import { pipelineGraphSvg, type GraphStep, type PipelineStepId, type StepStatus } from '../lifecycle/pipelineGraph.ts';

const METRICS = ['mse', 'rmse', 'mae', 'accuracy', 'auc'] as const;

export const pipelineSchema = z.object({
  input: z.string().default('data').describe('Raw table the pipeline starts from (features and target).'),
  target: z.string().default('').describe('Column to predict.'),
  testFraction: z.number().gt(0).lt(1).default(0.2).describe('Share of rows held out (seeded, at random) for the evaluate step.'),
  preprocess: z
    .object({
      onehot: z.array(z.string()).default([]).describe('Text columns to one-hot encode.'),
      scale: z.array(z.string()).default([]).describe('Numeric columns to standardize (mean and standard deviation of the training part).'),
    })
    .prefault({})
    .describe('Preprocess step: fitted on the training part, applied to the held-out part.'),
  train: z
    .object({
      model: z.enum(['gbdt', 'linear', 'logistic', 'mlp']).default('gbdt').describe('Model kind, trained by the train cell: gbdt (gradient-boosted trees), linear, logistic or mlp.'),
      task: z.enum(['auto', 'classification', 'regression']).default('auto').describe('auto: classification for text, boolean or integer targets with at most 20 distinct values, else regression.'),
      rounds: z.number().int().min(1).max(10_000).default(100).describe('gbdt: boosting rounds.'),
      eta: z.number().positive().max(1).default(0.1).describe('gbdt: learning rate of every tree.'),
      maxDepth: z.number().int().min(1).max(64).default(4).describe('gbdt: maximum tree depth.'),
      hidden: z.array(z.number().int().min(1).max(4096)).default([32, 16]).describe('mlp: hidden layer sizes.'),
      epochs: z.number().int().min(1).max(100_000).default(50).describe('linear, logistic, mlp: passes over the training part.'),
      learningRate: z.number().positive().default(0.01).describe('linear, logistic, mlp: optimizer step size.'),
    })
    .prefault({})
    .describe('Train step: the model and a few of its params.'),
  evaluate: z
    .object({ metric: z.enum(METRICS).default('mse').describe('Metric on the held-out part: mse, rmse, mae (regression), accuracy, auc (classification).') })
    .prefault({})
    .describe('Evaluate step.'),
  condition: z
    .object({
      op: z.enum(['<=', '>=']).default('<=').describe('≤ for errors (mse, rmse, mae), ≥ for scores (accuracy, auc).'),
      threshold: z.number().default(6).describe('Register only if the metric compares so with this value.'),
    })
    .prefault({})
    .describe('Condition step: tests the evaluate step\'s metric.'),
  register: z
    .object({
      name: z.string().default('pipeline-model').describe('Registered model name.'),
      stage: z.enum(STAGES).default('none').describe('Stage of the new version.'),
    })
    .prefault({})
    .describe('Register step: runs only when the condition holds.'),
  seed: z.number().int().default(42).describe('Seed of the split and the model.'),
  output: z.string().default('pipeline_model').describe('Name to store the trained model under.'),
  result: z.string().default('pipeline_result').describe('Name to store the outcome under: {registered, version, metric, value, threshold, steps, runId}.'),
});

export type PipelineParams = z.output<typeof pipelineSchema>;

interface StepResult extends GraphStep {
  durationMs: number;
  /** The step's key outputs, one line (English: a data table, like the run's params). */
  outputs: string;
}

export interface PipelineOutcome {
  registered: boolean;
  name: string;
  version?: number;
  metric: string;
  value?: number;
  op: '<=' | '>=';
  threshold: number;
  steps: { step: PipelineStepId; status: StepStatus; durationMs: number; outputs: string }[];
  runId?: string;
  error?: string;
}

/** The host without its run store: the inner train step must not track a run of its own (the pipeline is the run). */
function untracked(host: HostServices): HostServices {
  return new Proxy(host, {
    get(target, key) {
      if (key === 'runs') return undefined;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function trainParams(p: PipelineParams) {
  const t = p.train;
  return trainSchema.parse({
    input: 'train_x', target: p.target, task: t.task, model: t.model, seed: p.seed, output: 'model',
    hidden: t.hidden, epochs: t.epochs, learningRate: t.learningRate,
    ...(t.model === 'gbdt' ? { gbdt: { rounds: t.rounds, eta: t.eta, maxDepth: t.maxDepth } } : {}),
  });
}

/** The train cell's params the pipeline's train step uses (for a train cell that fits the same model). */
export function pipelineTrainParams(p: PipelineParams) {
  return trainParams(p);
}

/** The evaluate metric under the evaluate cell's key; mse is rmse² (the evaluate cell reports rmse). */
function metricValue(metrics: Record<string, number>, metric: (typeof METRICS)[number]): number | undefined {
  if (metric === 'mse') return metrics.rmse === undefined ? undefined : metrics.rmse ** 2;
  return metrics[metricKey(metric)];
}

function stepsTable(steps: readonly StepResult[]): TableOutput {
  return {
    type: 'table',
    columns: [{ name: 'step', type: 'string' }, { name: 'status', type: 'string' }, { name: 'duration_ms', type: 'number' }, { name: 'outputs', type: 'string' }],
    rowCount: steps.length,
    rows: steps.map((s) => ({ step: s.id, status: s.status, duration_ms: Math.round(s.durationMs), outputs: s.outputs })),
  };
}

function summary(steps: readonly GraphStep[], verdict: Bilingual, tracked: Bilingual): CellOutput {
  // Base64, as the HTML report embeds figures: the app's sanitizer and the headless report both keep data:image sources.
  const image = (lang: 'en' | 'ko') => `![${GRAPH_ALT[lang]}](${svgDataUrl(pipelineGraphSvg(steps, lang))})`;
  return {
    type: 'markdown',
    markdown: [verdict.en, image('en'), tracked.en, STEPS_HEADING.en].join('\n\n'),
    ko: [verdict.ko, image('ko'), tracked.ko, STEPS_HEADING.ko].join('\n\n'),
  };
}

export const pipelineCell = defineCell({
  kind: 'pipeline',
  label: 'Pipeline',
  description: 'Run preprocess → train → evaluate → condition → register as one tracked pipeline, drawn as a graph; the model is registered only if the metric passes the threshold.',
  schema: pipelineSchema,
  runnable: true,
  reads: (p) => [p.input],
  writes: (p) => [p.output, p.result].filter((n) => n !== ''),
  render(p) {
    const prep = [p.preprocess.onehot.length ? `one-hot ${p.preprocess.onehot.join(', ')}` : '', p.preprocess.scale.length ? `scale ${p.preprocess.scale.join(', ')}` : ''].filter(Boolean).join('; ');
    return [
      `// pipeline on ${p.input}, target: ${p.target || '?'}, seed ${p.seed}`,
      `//   preprocess: hold out ${p.testFraction}${prep ? `; ${prep}` : ''}`,
      `//   train: ${p.train.model}${p.train.model === 'gbdt' ? ` (${p.train.rounds} rounds, eta ${p.train.eta}, depth ${p.train.maxDepth})` : ''} → ${p.output}`,
      `//   evaluate: ${p.evaluate.metric}; condition: ${p.evaluate.metric} ${p.condition.op} ${p.condition.threshold}`,
      `//   register "${p.register.name}" (stage ${p.register.stage}) if it holds, else fail`,
    ].join('\n');
  },
  async run(params, ctx): Promise<CellOutput[]> {
    if (!params.target.trim()) throw CellError.coded('target.missing', {}, { where: 'params.target' });
    if (!params.register.name.trim()) throw CellError.coded('pipeline.nameModel', {}, { where: 'params.register.name' });
    ctx.table(params.input, 'params.input');
    return runPipeline(params, ctx);
  },
});

async function runPipeline(params: PipelineParams, ctx: CellContext): Promise<CellOutput[]> {
  const scope = pipelineScope(ctx);
  const inner = scope.context();
  const steps: StepResult[] = [];
  const startedAt = new Date();
  const t0 = performance.now();
  const metricName = params.evaluate.metric;
  const outcome: PipelineOutcome = { registered: false, name: params.register.name.trim(), metric: metricName, op: params.condition.op, threshold: params.condition.threshold, steps: [] };

  /** Runs one step, timing it; a throw marks it failed and is passed on. */
  async function step(id: PipelineStepId, body: () => Promise<{ outputs: string; detail?: string; status?: StepStatus }>): Promise<void> {
    const started = performance.now();
    ctx.progress({ phase: id, ...progressText('progress.pipelineStep', { step: id }) });
    try {
      const r = await body();
      steps.push({ id, status: r.status ?? 'succeeded', detail: r.detail ?? '', durationMs: performance.now() - started, outputs: r.outputs });
    } catch (error) {
      steps.push({ id, status: 'failed', detail: '', durationMs: performance.now() - started, outputs: error instanceof Error ? error.message : String(error) });
      throw error;
    }
  }

  let value = NaN;
  let passes = false;
  let run: RunRecord | undefined;
  let verdict: Bilingual;
  try {
    await step('preprocess', async () => {
      const split = splitSchema.parse({ input: params.input, method: 'random', train: 1 - params.testFraction, validation: 0, test: params.testFraction, seed: params.seed, outputs: { train: 'train', test: 'test' } });
      await splitCell.run(split, inner);
      const transformSteps = [
        ...(params.preprocess.onehot.length ? [{ op: 'onehot', columns: params.preprocess.onehot }] : []),
        ...(params.preprocess.scale.length ? [{ op: 'scale', columns: params.preprocess.scale, method: 'standard' }] : []),
      ];
      await transformCell.run(transformSchema.parse({ input: 'train', output: 'train_x', steps: transformSteps, applyTo: [{ input: 'test', output: 'test_x' }], transform: 'preprocess' }), inner);
      const train = inner.table('train_x');
      return { outputs: `${train.numRows()} train / ${inner.table('test_x').numRows()} held-out rows, ${train.numCols() - 1} features` };
    });
    await step('train', async () => {
      // The train cell itself, without run tracking: the pipeline records one run for the whole.
      const [training] = await trainCell.run(trainParams(params), scope.context(untracked(ctx.host)));
      const model = scope.get('model');
      if (model?.type === 'model' && params.output) ctx.set(params.output, model);
      return { outputs: training?.type === 'training' ? training.summary : params.train.model };
    });
    await step('evaluate', async () => {
      await evaluateCell.run(evaluateSchema.parse({ model: 'model', input: 'test_x', output: 'metrics', report: false }), inner);
      const metrics = inner.require('metrics', 'metrics').metrics;
      const found = metricValue(metrics, metricName);
      if (found === undefined) {
        throw CellError.coded('pipeline.noMetric', { metric: metricName, computed: `${Object.keys(metrics).join(', ')}${metrics.rmse !== undefined ? ', mse' : ''}` }, { where: 'params.evaluate.metric' });
      }
      value = found;
      return { outputs: `${metricName} ${+found.toFixed(4)}` };
    });
    await step('condition', async () => {
      passes = holds(value, params.condition.op, params.condition.threshold);
      const text = describeCondition(metricName, value, params.condition.op, params.condition.threshold);
      return { outputs: `${text}: ${passes ? 'register' : 'fail'}`, detail: text };
    });
    const condition = steps.at(-1)!.detail;
    const conditionText: Bilingual = { en: condition, ko: describeCondition(metricName, value, params.condition.op, params.condition.threshold, metricLabelKo) };
    outcome.value = value;
    // The run exists before the register step, so the version links to it and reuses its model artifact.
    run = await trackRun(ctx, { kind: 'pipeline', params: runParams(params), output: params.output || undefined, input: params.input, startedAt, durationMs: performance.now() - t0, outputs: [], metrics: { [metricName]: value } });
    outcome.runId = run?.id;
    if (passes) {
      await step('register', async () => {
        const register = registerSchema.parse({ model: 'model', name: outcome.name, metric: metricName === 'mse' ? 'rmse' : metricName, metrics: 'metrics', stage: params.register.stage, description: `Pipeline ${metricName} ${condition}`, output: 'registered' });
        await registerCell.run(register, inner);
        const registered = scope.get('registered');
        const result = (registered?.type === 'object' ? registered.value : {}) as RegisterOutcome;
        outcome.registered = result.registered;
        outcome.version = result.version;
        return { outputs: `"${outcome.name}" version ${result.version ?? '?'} (stage ${result.stage ?? params.register.stage})` };
      });
      steps.push({ id: 'fail', status: 'skipped', detail: '', durationMs: 0, outputs: '' });
      verdict = registeredText(outcome.name, outcome.version ?? 0, params.register.stage, conditionText);
    } else {
      steps.push({ id: 'register', status: 'skipped', detail: '', durationMs: 0, outputs: '' });
      // The fail step ran: it ends the pipeline without a version (SageMaker's FailStep).
      steps.push({ id: 'fail', status: 'failed', detail: condition, durationMs: 0, outputs: `not registered: ${condition}` });
      verdict = refusedText(conditionText);
    }
  } catch (error) {
    const failed = steps.at(-1)!;
    for (const id of ['preprocess', 'train', 'evaluate', 'condition', 'register', 'fail'] as const) {
      if (!steps.some((s) => s.id === id)) steps.push({ id, status: 'skipped', detail: '', durationMs: 0, outputs: '' });
    }
    outcome.error = failed.outputs;
    outcome.steps = steps.map(({ id, status, durationMs, outputs }) => ({ step: id, status, durationMs, outputs }));
    run = await finishRun(ctx, run, params, steps, { startedAt, durationMs: performance.now() - t0, value, error: failed.outputs });
    if (params.result) ctx.set(params.result, { type: 'object', value: { ...outcome, runId: run?.id } });
    ctx.emit(summary(steps, stoppedText(failed.id, failed.outputs), trackedText(run?.id)));
    ctx.emit(stepsTable(steps));
    throw error;
  }
  outcome.steps = steps.map(({ id, status, durationMs, outputs }) => ({ step: id, status, durationMs, outputs }));
  run = await finishRun(ctx, run, params, steps, { startedAt, durationMs: performance.now() - t0, value, registered: outcome.registered, version: outcome.version });
  if (params.result) ctx.set(params.result, { type: 'object', value: outcome });
  return [summary(steps, verdict, trackedText(run?.id)), stepsTable(steps)];
}

/** The run's params: what a comparison of two pipeline runs should show (the threshold among them). */
function runParams(p: PipelineParams): Record<string, unknown> {
  return {
    input: p.input, target: p.target, testFraction: p.testFraction, onehot: p.preprocess.onehot, scale: p.preprocess.scale,
    model: p.train.model, ...(p.train.model === 'gbdt' ? { rounds: p.train.rounds, eta: p.train.eta, maxDepth: p.train.maxDepth } : { epochs: p.train.epochs, learningRate: p.train.learningRate, hidden: p.train.hidden }),
    metric: p.evaluate.metric, op: p.condition.op, threshold: p.condition.threshold, registerName: p.register.name, stage: p.register.stage, seed: p.seed,
  };
}

/**
 * The pipeline's run record with the step statuses as tags (step:<id> →
 * status) and the outcome: the run the condition step recorded, updated, or
 * (a step failed before it) a failed run recorded now.
 */
async function finishRun(
  ctx: CellContext,
  run: RunRecord | undefined,
  params: PipelineParams,
  steps: readonly StepResult[],
  end: { startedAt: Date; durationMs: number; value: number; error?: string; registered?: boolean; version?: number },
): Promise<RunRecord | undefined> {
  const store = lifecycleServices(ctx.host).runs;
  if (!store) return undefined;
  const tags: Record<string, string> = Object.fromEntries(steps.map((s) => [`step:${s.id}`, s.status]));
  tags.registered = end.registered ? `version ${end.version}` : 'no';
  let record: RunRecord;
  if (run) record = { ...run, durationMs: end.durationMs, tags, ...(end.error !== undefined ? { status: 'failed' as const, error: end.error } : {}) };
  else {
    record = newRunRecord({
      id: runId(end.startedAt), notebook: lifecycleServices(ctx.host).notebook?.(), cellId: ctx.cellId, kind: 'pipeline', startedAt: end.startedAt,
      durationMs: end.durationMs, params: runParams(params), metrics: Number.isFinite(end.value) ? { [params.evaluate.metric]: end.value } : {},
      table: ctx.get(params.input)?.type === 'table' ? ctx.table(params.input) : undefined, backend: ctx.host.backend(), status: 'failed', error: end.error,
    });
    record = { ...record, tags };
  }
  await store.put(record);
  return record;
}
