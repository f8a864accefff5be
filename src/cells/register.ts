// The register cell: add a trained model to the model registry as the next
// version of a name, but only if a metric condition holds (a pipeline's
// conditional registration). A failed condition is an outcome, not an
// error: the cell explains it and the run goes on.
import { z } from 'zod';
import type { CellOutput } from '../core/outputs.ts';
import { CellError } from '../core/errors.ts';
import { defineCell, type CellContext } from './types.ts';
import { markdownCode, markdownLiteral } from '../notebook/outputText.ts';
import { lifecycleServices } from '../lifecycle/host.ts';
import { describeCondition, fmt, holds, metricKey, metricLabel, metricLabelKo } from '../lifecycle/format.ts';
import { registerModel } from '../lifecycle/registryStore.ts';
import { STAGES } from '../lifecycle/registry.ts';
import { newRunRecord, runId } from '../lifecycle/record.ts';
import type { RunRecord } from '../lifecycle/runs.ts';
import { trackedRunOf } from '../lifecycle/track.ts';
import type { TrainedModel } from '../core/values.ts';

export const conditionSchema = z.object({
  metric: z.string().default('roc_auc').describe('Metric to test (a key of the metrics value; "auc" means roc_auc).'),
  op: z.enum(['>=', '>', '<=', '<']).default('>=').describe('Comparison.'),
  value: z.number().describe('Threshold.'),
});

export const registerSchema = z.object({
  model: z.string().default('model').describe('Trained model to register.'),
  name: z.string().default('').describe('Registered model name; empty means the model value name.'),
  metric: z.string().default('roc_auc').describe('Headline metric shown with the version ("auc" means roc_auc).'),
  metrics: z.string().default('metrics').describe('Metrics value from an evaluate cell, stored with the version.'),
  condition: conditionSchema.nullable().default(null).describe('Register only if this holds; null registers always.'),
  stage: z.enum(STAGES).default('none').describe('Stage of the new version; production archives the current production version.'),
  description: z.string().default('').describe('What this version is.'),
  tags: z.record(z.string(), z.string()).default({}).describe('Key/value tags.'),
  data: z.string().default('').describe('Optional training table, fingerprinted into the run record when no run was tracked.'),
  output: z.string().default('registered').describe('Name to store the outcome under: {registered, name, version, stage, reason}.'),
});

export type RegisterParams = z.output<typeof registerSchema>;

export interface RegisterOutcome {
  registered: boolean;
  name: string;
  version?: number;
  stage?: string;
  runId?: string;
  reason: string;
}

/**
 * The run that produced this model: the run tracked for this very model
 * object, else the newest finished run of this notebook that wrote the model
 * value, else a new run record for it (so every version links to a run).
 */
async function runFor(params: RegisterParams, ctx: CellContext, model: TrainedModel, metrics: Record<string, number>): Promise<RunRecord> {
  const services = lifecycleServices(ctx.host);
  const own = trackedRunOf(model);
  const fromThisRun = own ? await services.runs?.get(own) : undefined;
  if (fromThisRun) return fromThisRun;
  const notebookId = services.notebook?.().id ?? '';
  const tracked = (await services.runs?.list())?.find((r) => r.output === params.model && r.status === 'finished' && (!r.notebookId || !notebookId || r.notebookId === notebookId));
  if (tracked) return tracked;
  const run = newRunRecord({
    id: runId(),
    notebook: services.notebook?.(),
    cellId: ctx.cellId,
    kind: 'train',
    startedAt: new Date(),
    durationMs: 0,
    params: { modelType: model.modelType, task: model.task, target: model.target, features: model.features, ...model.describe() },
    metrics,
    table: params.data ? ctx.table(params.data, 'params.data') : undefined,
    backend: ctx.host.backend(),
    output: params.model,
  });
  await services.runs?.put(run);
  return run;
}

export const registerCell = defineCell({
  kind: 'register',
  label: 'Register model',
  description: 'Register a trained model as the next version in the model registry, optionally only if a metric passes a threshold.',
  schema: registerSchema,
  runnable: true,
  reads: (p) => [p.model, ...(p.metrics ? [p.metrics] : []), ...(p.data ? [p.data] : [])],
  writes: (p) => (p.output ? [p.output] : []),
  render(p) {
    const name = p.name || p.model;
    const cond = p.condition ? ` if ${metricLabel(p.condition.metric)} ${p.condition.op} ${p.condition.value}` : '';
    return `// register ${p.model} as "${name}"${cond} → stage ${p.stage}`;
  },
  async run(params, ctx): Promise<CellOutput[]> {
    const { model } = ctx.require(params.model, 'model', 'params.model');
    const registry = lifecycleServices(ctx.host).registry;
    if (!registry) {
      throw CellError.coded('register.noRegistry');
    }
    const metrics = params.metrics ? ctx.require(params.metrics, 'metrics', 'params.metrics').metrics : {};
    const name = (params.name || params.model).trim();
    const headline = metricKey(params.metric);
    const store = (outcome: RegisterOutcome) => {
      if (params.output) ctx.set(params.output, { type: 'object', value: outcome });
    };

    let passed = '';
    let passedKo = '';
    if (params.condition) {
      const key = metricKey(params.condition.metric);
      const value = metrics[key];
      if (value === undefined) {
        const known = Object.keys(metrics);
        throw (known.length
          ? CellError.coded('register.metricMissing', { metric: params.condition.metric, metrics: params.metrics, known: known.join(', ') }, { where: 'params.condition.metric' })
          : CellError.coded('register.noMetrics', { metric: params.condition.metric, metrics: params.metrics }, { where: 'params.condition.metric' }));
      }
      const text = describeCondition(key, value, params.condition.op, params.condition.value);
      if (!holds(value, params.condition.op, params.condition.value)) {
        const reason = `${text}: not registered`;
        store({ registered: false, name, reason });
        const textKo = describeCondition(key, value, params.condition.op, params.condition.value, metricLabelKo);
        return [{ type: 'markdown', markdown: `**${reason}.** The model stays unregistered; the pipeline goes on.`, ko: `**${textKo}: 등록하지 않았어요.** 모델은 등록되지 않은 채로 남고, 파이프라인은 계속돼요.` }];
      }
      passed = text;
      passedKo = describeCondition(key, value, params.condition.op, params.condition.value, metricLabelKo);
    }

    const run = await runFor(params, ctx, model, metrics);
    // The run's artifact is the model: reuse it rather than saving a second copy.
    const reused = run.modelRef !== undefined;
    const modelRef = run.modelRef ?? (await lifecycleServices(ctx.host).saveModel?.(model, name));
    const version = await registerModel(registry, {
      name, runId: run.id, description: params.description, tags: params.tags, metrics, stage: params.stage, modelRef,
    });
    const head = metrics[headline] !== undefined ? `${metricLabel(headline)} ${fmt(metrics[headline])}` : '';
    const headKo = metrics[headline] !== undefined ? `${metricLabelKo(headline)} ${fmt(metrics[headline])}` : '';
    const reason = passed ? `${passed}: registered` : 'registered (no condition)';
    store({ registered: true, name, version: version.version, stage: version.stage, runId: run.id, reason });
    // Names are the user's text: shown literally, never as markup (docs/security.md#sanitizer-policy).
    const lit = markdownLiteral;
    const lines = [`**Registered "${lit(name)}" version ${version.version}** (stage ${version.stage})${head ? ` — ${head}` : ''}.`];
    const ko = [`**"${lit(name)}" 버전 ${version.version}을(를) 등록했어요** (단계 ${version.stage})${headKo ? ` — ${headKo}` : ''}.`];
    if (passed) {
      lines.push(`Condition met: ${passed}.`);
      ko.push(`조건을 만족했어요: ${passedKo}.`);
    }
    lines.push(`Run: ${markdownCode(run.id)}${modelRef ? (reused ? `, model: the run's artifact ${markdownCode(modelRef)}` : `, model saved as ${markdownCode(modelRef)}`) : ', model not saved'}.`);
    ko.push(`실행: ${markdownCode(run.id)}${modelRef ? (reused ? `, 모델: 이 실행의 아티팩트 ${markdownCode(modelRef)}` : `, 모델을 ${markdownCode(modelRef)}(으)로 저장했어요`) : ', 모델은 저장하지 않았어요'}.`);
    return [{ type: 'markdown', markdown: lines.join('\n\n'), ko: ko.join('\n\n') }];
  },
});
