// The tune cell: search the train cell's hyperparameters (random search or
// TPE), each trial trained on `input` and scored by its validation loss on
// `validation`, with median pruning of trials that fall behind. Stores the
// best params as an object value for a train cell to use.
import { z } from 'zod';
import * as aq from 'arquero';
import type { CellOutput, EpochRecord, FigureOutput, Scalar } from '../core/outputs.ts';
import { CellError } from '../core/errors.ts';
import { defineCell, type CellContext } from './types.ts';
import { sequenceFitOptions, trainSchema } from './train.ts';
import { mergeTrialParams } from './trialParams.ts';
import { trackRun } from '../lifecycle/track.ts';
import { modelFields, modelSpec, sequencesInput } from './crossval.ts';
import { fitSequenceAny } from '../ml/validation/sequences.ts';
import { isSequenceData, type SequenceData } from '../ml/sequences/types.ts';
import type { SequenceKind } from '../ml/models/sequence-net.ts';
import { tablePreview } from '../data/preview.ts';
import { fitAny } from '../ml/validation/fit-any.ts';
import { MedianPruner, randomSampler, runStudy, tpeSampler, type ParamDef, type ParamValues, type TrialRecord } from '../ml/tuning/index.ts';
import { progressText } from '../core/messages/progress.ts';

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const paramDefSchema = z.object({
  name: z.string().describe('A train-cell param: learningRate, epochs, dropout, l2, batchSize, hidden (one layer\'s size), hidden.0 / hidden.1 (a layer), activation, optimizer, gbdt.maxDepth, ...'),
  type: z.enum(['int', 'float', 'logfloat', 'categorical']).describe('int / float range, logfloat (log scale, e.g. learning rates) or categorical choices.'),
  low: z.number().optional().describe('Lower bound (numeric types).'),
  high: z.number().optional().describe('Upper bound (numeric types).'),
  choices: z.array(scalar).optional().describe('Choices (categorical).'),
});

export const tuneSchema = modelFields.extend({
  validation: z.string().default('valid').describe('Validation table: each trial is scored by its final validation loss (lower is better).'),
  space: z.array(paramDefSchema).default([
    { name: 'learningRate', type: 'logfloat', low: 0.0001, high: 0.1 },
    { name: 'hidden', type: 'int', low: 4, high: 64 },
  ]).describe('The search space: parameters to vary and their ranges.'),
  sampler: z.enum(['tpe', 'random']).default('tpe').describe('tpe: learn from earlier trials (Optuna\'s default); random: uniform sampling.'),
  trials: z.number().int().min(1).max(10_000).default(20).describe('Trial budget.'),
  timeLimit: z.number().min(0).default(0).describe('Stop starting new trials after this many seconds (0 = no limit).'),
  startupTrials: z.number().int().min(0).default(5).describe('TPE: random trials before it starts modelling.'),
  pruning: z.boolean().default(true).describe('Stop a trial early when its validation loss is worse than the median of earlier trials at the same epoch.'),
  warmupEpochs: z.number().int().min(0).default(5).describe('Epochs every trial gets before it can be pruned.'),
  output: z.string().default('best_params').describe('Name to store the best params under (an object a train cell can use).'),
  metric: z.enum(['val_loss', 'val_accuracy', 'val_top3', 'val_macro_f1', 'val_auc']).default('val_loss')
    .describe('What scores a trial: val_loss (minimised), or val_accuracy / val_top3 / val_macro_f1 / val_auc (maximised; top-3 and macro-F1 from padded sequences, AUC from binary boosted trees).'),
});

export type TuneParams = z.output<typeof tuneSchema>;

/**
 * Train-cell params with the trial's values put in: "a.b" sets a nested
 * field (gbdt.maxDepth), "hidden.1" one layer, and an int "hidden" means
 * one hidden layer of that size. Validated by the train cell's schema.
 */
export function withTrialParams(base: Record<string, unknown>, values: ParamValues): z.output<typeof trainSchema> {
  const merged = mergeTrialParams(base, values);
  const parsed = trainSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw CellError.coded('tune.badTrialParams', { path: issue.path.join('.'), detail: issue.message }, { where: 'params.space' });
  }
  return parsed.data;
}

/** Trials as shown: values in the metric's own sign (the study minimises −metric for maximised metrics). */
function shown(trials: TrialRecord[], sign: number): TrialRecord[] {
  return sign === 1 ? trials : trials.map((t) => ({ ...t, value: -t.value }));
}

function objectiveChart(trials: TrialRecord[], metric = 'val_loss', sign = 1): FigureOutput {
  let best = sign === 1 ? Infinity : -Infinity;
  const better = (v: number) => (sign === 1 ? v < best : v > best);
  const bestSoFar = trials.map((t) => (t.state === 'complete' && better(t.value) ? (best = t.value) : best));
  const trace = (state: string, symbol: string) => {
    const ts = trials.filter((t) => t.state === state);
    return { type: 'scatter', mode: 'markers', name: state, x: ts.map((t) => t.number), y: ts.map((t) => t.value), marker: { symbol } };
  };
  return {
    type: 'figure', title: 'Objective per trial', titleKo: '시도별 목표값',
    ko: { layout: { title: '시도별 목표값', xaxis: '시도', yaxis: metric === 'val_loss' ? '검증 손실' : metric }, traces: ['완료', '가지치기됨', '지금까지 최고'] },
    spec: {
      data: [trace('complete', 'circle'), trace('pruned', 'x'), { type: 'scatter', mode: 'lines', name: 'best so far', x: trials.map((t) => t.number), y: bestSoFar.map((v) => (Number.isFinite(v) ? v : null)), line: { shape: 'hv' } }],
      layout: { title: { text: 'Objective per trial' }, xaxis: { title: { text: 'trial' } }, yaxis: { title: { text: metric === 'val_loss' ? 'validation loss' : metric } } },
    },
  };
}

/** Training and validation sequences when the input holds sequences (lstm, gru, cnn1d); undefined for tables. */
function sequencesPair(params: TuneParams, ctx: CellContext): { train: SequenceData; validation: SequenceData } | undefined {
  const train = sequencesInput(params, ctx);
  if (!train) return undefined;
  const v = ctx.get(params.validation);
  if (v?.type !== 'object' || !isSequenceData(v.value) || v.value.mode !== train.mode) {
    throw CellError.coded('tune.validationMode', { validation: params.validation, mode: train.mode, input: params.input }, { where: 'params.validation' });
  }
  return { train, validation: v.value };
}

export const tuneCell = defineCell({
  kind: 'tune',
  label: 'Tune',
  description: 'Search hyperparameters of a train-cell model (random or TPE) with a trial budget, a time limit and pruning; stores the best params.',
  schema: tuneSchema,
  runnable: true,
  reads: (p) => [p.input, p.validation],
  writes: (p) => [p.output],
  render(p) {
    const space = p.space.map((d) => (d.type === 'categorical' ? `${d.name} ∈ {${(d.choices ?? []).map(String).join(', ')}}` : `${d.name} ${d.type} [${String(d.low)}, ${String(d.high)}]`)).join('; ');
    const limit = p.timeLimit ? `, ≤ ${p.timeLimit} s` : '';
    return `// tune ${p.model} on ${p.input} (validation ${p.validation}), target: ${p.target || '?'} → ${p.output}\n// ${p.sampler}, ${p.trials} trials${limit}${p.pruning ? ', median pruning' : ''}${p.metric !== 'val_loss' ? `, maximise ${p.metric}` : ''}, seed ${p.seed}\n// space: ${space}`;
  },
  async run(params, ctx): Promise<CellOutput[]> {
    if (!params.target.trim() && !sequencesInput(params, ctx)) throw CellError.coded('target.missing', {}, { where: 'params.target' });
    if (!params.output.trim()) throw CellError.coded('tune.nameOutput', {}, { where: 'params.output' });
    if (!params.validation.trim()) throw CellError.coded('tune.needsValidation', {}, { where: 'params.validation' });
    const startedAt = new Date();
    const t0 = performance.now();
    const sequences = sequencesPair(params, ctx);
    const train = sequences ? undefined : ctx.table(params.input, 'params.input');
    const validation = sequences ? undefined : ctx.table(params.validation, 'params.validation');
    const sign = params.metric === 'val_loss' ? 1 : -1;
    const base = modelFields.parse(params) as Record<string, unknown>;
    const space = params.space as ParamDef[];
    const sampler = params.sampler === 'tpe' ? tpeSampler({ nStartupTrials: params.startupTrials }) : randomSampler;
    const result = await runStudy({
      space, sampler, nTrials: params.trials, timeLimitSeconds: params.timeLimit, seed: params.seed, signal: ctx.signal,
      pruner: params.pruning ? new MedianPruner({ nStartupTrials: Math.max(1, Math.min(5, params.startupTrials)), nWarmupSteps: params.warmupEpochs }) : undefined,
      objective: async (values, trial) => {
        const p = withTrialParams(base, values);
        const report = (r: EpochRecord) => {
          const v = r[params.metric];
          if (typeof v === 'number') trial.report(r.epoch, sign * v);
        };
        let history: EpochRecord[];
        let kept: number | undefined;
        if (sequences) {
          const fit = await fitSequenceAny(sequences.train, sequenceFitOptions(p, p.model as SequenceKind), { validation: sequences.validation, signal: trial.signal, onEpoch: report });
          fit.model.dispose();
          history = fit.history;
          kept = fit.bestEpoch;
        } else {
          const fit = await fitAny(train!, modelSpec(p), { validation: validation!, signal: trial.signal, onEpoch: report });
          fit.model.dispose();
          history = fit.history;
        }
        const last = (kept !== undefined ? history.find((r) => r.epoch === kept) : undefined) ?? history.at(-1);
        const value = last?.[params.metric];
        if (typeof value !== 'number') {
          throw (params.metric === 'val_loss'
            ? CellError.coded('tune.noValLoss', {}, { where: 'params.validation' })
            : CellError.coded('tune.metricNotRecorded', { metric: params.metric }, { where: 'params.metric' }));
        }
        return sign * value;
      },
      onTrial: (t, best) => ctx.progress({
        phase: 'tune', fraction: t.number / params.trials,
        ...progressText(`progress.trial${t.state === 'pruned' ? 'Pruned' : 'Complete'}${best ? 'Best' : ''}`, {
          n: t.number, trials: params.trials, value: (sign * t.value).toFixed(4), ...(best ? { best: (sign * best.value).toFixed(4), bestTrial: best.number } : {}),
        }),
      }),
    });
    if (!result.best) {
      throw CellError.coded('tune.noTrial', {}, { where: 'params.trials' });
    }
    const bestParams: Record<string, Scalar> = { ...result.best.params };
    ctx.set(params.output, { type: 'object', value: bestParams });

    const names = space.map((d) => d.name);
    const trials = shown(result.trials, sign);
    const bestValue = sign * result.best.value;
    const columns: Record<string, Scalar[]> = {
      trial: trials.map((t) => t.number), state: trials.map((t) => t.state), value: trials.map((t) => t.value),
      epochs: trials.map((t) => t.steps), seconds: trials.map((t) => +t.seconds.toFixed(2)),
    };
    for (const n of names) columns[n] = trials.map((t) => t.params[n]);
    const pruned = result.trials.filter((t) => t.state === 'pruned').length;
    const what = params.metric === 'val_loss' ? 'validation loss' : params.metric;
    const best = names.map((n) => `${n} = ${String(bestParams[n])}`).join(', ');
    const summary = `Best ${what} ${bestValue.toFixed(4)} at trial ${result.best.number} of ${result.trials.length}` +
      `${pruned ? ` (${pruned} pruned)` : ''}${result.timedOut ? ', time limit reached' : ''}: ` + `${best}. Stored as ${params.output}.`;
    const summaryKo = `시도 ${result.trials.length}번 중 ${result.best.number}번째 시도에서 최고 ${params.metric === 'val_loss' ? '검증 손실' : what} ${bestValue.toFixed(4)}` +
      `${pruned ? ` (${pruned}번 가지치기)` : ''}${result.timedOut ? ', 시간 제한 도달' : ''}: ` + `${best}. ${params.output}에 저장했어요.`;
    const outputs: CellOutput[] = [
      { type: 'text', text: summary, ko: summaryKo },
      tablePreview(aq.table(columns), { title: 'Trials', titleKo: '시도 목록', rows: 200 }),
      objectiveChart(trials, params.metric, sign),
      { type: 'json', title: params.output, value: bestParams },
    ];
    await trackRun(ctx, {
      kind: 'tune', params: { ...params, best: bestParams }, output: params.output, input: params.input, startedAt, durationMs: performance.now() - t0, outputs,
      metrics: { [`best_${params.metric}`]: bestValue, trials: result.trials.length, pruned },
    });
    return outputs;
  },
});
