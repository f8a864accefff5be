// The ensemble cell: combine trained models (value names) into one model —
// soft or hard voting with optional weights (scikit-learn's VotingClassifier
// / VotingRegressor over fitted models), or blending: a logistic (ridge)
// meta-learner fitted on the members' predictions for a held-out table.
// The ensemble references its members; it never disposes them.
import { z } from 'zod';
import * as aq from 'arquero';
import type { CellOutput, Scalar } from '../core/outputs.ts';
import type { TrainedModel } from '../core/values.ts';
import { CellError } from '../core/errors.ts';
import { defineCell, type CellContext } from './types.ts';
import { trackRun } from '../lifecycle/track.ts';
import { tablePreview } from '../data/preview.ts';
import { targetLabels } from '../ml/features.ts';
import { classificationMetrics, regressionMetrics } from '../ml/metrics/index.ts';
import { BlendModel, StackModel, VotingModel, type Member } from '../ml/ensemble/index.ts';
import { progressText } from '../core/messages/progress.ts';

export const ensembleSchema = z.object({
  models: z.array(z.string()).default([]).describe('Trained models to combine (value names), at least two, all for the same target.'),
  method: z.enum(['voting', 'blending', 'stacking']).default('voting')
    .describe('voting: average the members (soft) or count their votes (hard); blending: a meta-learner fitted on the members\' predictions for a held-out table; stacking: a meta-learner fitted on out-of-fold predictions of the training table (members re-fitted per fold, like scikit-learn StackingClassifier(cv=5)).'),
  voting: z.enum(['soft', 'hard']).default('soft')
    .describe('Classification voting: soft averages class probabilities (needs them); hard counts predicted labels, ties to the first class in sorted order, and gives no probabilities.'),
  weights: z.array(z.number().min(0)).default([]).describe('Voting: one weight per model (empty = equal).'),
  validation: z.string().default('valid').describe('Blending: held-out table (not used to train the members) the meta-learner learns from.'),
  train: z.string().default('train').describe('Stacking: the table the members were trained on; out-of-fold predictions of it train the meta-learner.'),
  folds: z.number().int().min(2).max(50).default(5).describe('Stacking: folds for the out-of-fold predictions (stratified for classes).'),
  seed: z.number().int().default(42).describe('Stacking: seed of the fold shuffle.'),
  meta: z.enum(['auto', 'logistic', 'ridge']).default('auto').describe('Blending meta-learner: auto = logistic regression (classes) or ridge regression (numbers).'),
  C: z.number().positive().default(1).describe('Logistic meta-learner: inverse L2 strength (scikit-learn C).'),
  alpha: z.number().min(0).default(1).describe('Ridge meta-learner: L2 strength (scikit-learn alpha).'),
  input: z.string().default('').describe('Optional table to score every member and the ensemble on (a quick check; evaluate it properly with an evaluate cell).'),
  output: z.string().default('ensemble').describe('Name to store the ensemble model under.'),
});

export type EnsembleParams = z.output<typeof ensembleSchema>;

function label(p: EnsembleParams): string {
  if (p.method === 'stacking') return `stacking (${p.meta === 'auto' ? 'logistic/ridge' : p.meta} meta-learner on ${p.folds}-fold out-of-fold predictions of ${p.train || '?'})`;
  return p.method === 'blending' ? `blending (${p.meta === 'auto' ? 'logistic/ridge' : p.meta} meta-learner on ${p.validation || '?'})` : `${p.voting} voting${p.weights.length ? ` (weights ${p.weights.join(', ')})` : ''}`;
}

/** Headline scores of one model on a table. */
async function scores(model: TrainedModel, table: aq.ColumnTable, signal: AbortSignal): Promise<Record<string, number>> {
  const pred = await model.predict(table, signal);
  const truth: Scalar[] = targetLabels(table, model.target);
  if (model.task === 'regression') {
    const m = regressionMetrics(truth as number[], pred.predictions as number[]);
    return { rmse: m.rmse, mae: m.mae, r2: m.r2 };
  }
  const { metrics } = classificationMetrics(truth, pred.predictions, pred.probabilities, pred.classes ?? model.classes ?? []);
  const out: Record<string, number> = { accuracy: metrics.accuracy };
  if (metrics.roc_auc !== undefined) out.roc_auc = metrics.roc_auc;
  if (metrics.log_loss !== undefined) out.log_loss = metrics.log_loss;
  return out;
}

function members(params: EnsembleParams, ctx: CellContext): Member[] {
  if (params.models.length < 2) throw CellError.coded('ensemble.chooseTwo', {}, { where: 'params.models' });
  const seen = new Set<string>();
  return params.models.map((name, i) => {
    if (seen.has(name)) throw CellError.coded('ensemble.listedTwice', { name }, { where: `params.models.${i}` });
    seen.add(name);
    return { name, model: ctx.require(name, 'model', `params.models.${i}`).model };
  });
}

export const ensembleCell = defineCell({
  kind: 'ensemble',
  label: 'Ensemble',
  description: 'Combine trained models into one: soft or hard voting with weights, blending with a logistic/ridge meta-learner fitted on a held-out table, or out-of-fold stacking.',
  schema: ensembleSchema,
  runnable: true,
  reads: (p) => [...p.models, ...(p.method === 'blending' && p.validation ? [p.validation] : []), ...(p.method === 'stacking' && p.train ? [p.train] : []), ...(p.input ? [p.input] : [])],
  writes: (p) => [p.output],
  render(p) {
    const lines = [`// ensemble ${p.models.join(', ') || '?'} by ${label(p)} → ${p.output}`];
    if (p.input) lines.push(`// score members and ensemble on ${p.input}`);
    return lines.join('\n');
  },
  async run(params, ctx): Promise<CellOutput[]> {
    if (!params.output.trim()) throw CellError.coded('ensemble.nameOutput', {}, { where: 'params.output' });
    if (params.models.includes(params.output)) throw CellError.coded('ensemble.outputIsMember', { output: params.output }, { where: 'params.output' });
    const list = members(params, ctx);
    const startedAt = new Date();
    const t0 = performance.now();
    let model: VotingModel | BlendModel;
    if (params.method === 'stacking') {
      if (!params.train.trim()) throw CellError.coded('ensemble.stackNeedsTrain', {}, { where: 'params.train' });
      const train = ctx.table(params.train, 'params.train');
      model = await StackModel.fitOutOfFold(list, train, {
        meta: params.meta, C: params.C, alpha: params.alpha, signal: ctx.signal, folds: params.folds, seed: params.seed,
        onFold: (done, total) => ctx.progress({ phase: 'fit', fraction: done / total, ...progressText('progress.foldRefit', { done, total }) }),
      });
    } else if (params.method === 'blending') {
      if (!params.validation.trim()) throw CellError.coded('ensemble.blendNeedsHoldout', {}, { where: 'params.validation' });
      ctx.progress({ phase: 'fit', ...progressText('progress.fitMeta', { table: params.validation }) });
      model = await BlendModel.fit(list, ctx.table(params.validation, 'params.validation'), { meta: params.meta, C: params.C, alpha: params.alpha, signal: ctx.signal });
    } else {
      if (params.voting === 'hard' && list[0].model.task === 'regression') {
        throw CellError.coded('ensemble.hardVotingNumbers', {}, { where: 'params.voting' });
      }
      model = new VotingModel(list, { voting: params.voting, weights: params.weights });
    }

    const outputs: CellOutput[] = [];
    const rule = model instanceof StackModel
      ? `Stacking: a ${model.meta.kind === 'logistic' ? 'logistic regression' : 'ridge regression'} meta-learner fitted on ${params.folds}-fold out-of-fold predictions of ${model.holdoutRows} rows of ${params.train}`
      : model instanceof BlendModel
      ? `Blending: a ${model.meta.kind === 'logistic' ? 'logistic regression' : 'ridge regression'} meta-learner fitted on ${model.holdoutRows} rows of ${params.validation}`
      : model.task === 'regression' ? 'Weighted mean of the predictions' : `${params.voting === 'soft' ? 'Soft' : 'Hard'} voting`;
    const meta = model instanceof StackModel || model instanceof BlendModel ? (model.meta.kind === 'logistic' ? '로지스틱 회귀' : '릿지 회귀') : '';
    const ruleKo = model instanceof StackModel
      ? `스태킹: ${params.train}의 ${model.holdoutRows}행에 대한 ${params.folds}겹 폴드 밖 예측으로 학습한 ${meta} 메타 학습기`
      : model instanceof BlendModel
      ? `블렌딩: ${params.validation}의 ${model.holdoutRows}행으로 학습한 ${meta} 메타 학습기`
      : model.task === 'regression' ? '예측값의 가중 평균' : `${params.voting === 'soft' ? '소프트' : '하드'} 투표`;
    const memberNames = list.map((m) => m.name).join(', ');
    outputs.push({ type: 'text', text: `${rule} over ${list.length} models (${memberNames}) → ${params.output}.`, ko: `${ruleKo}, 모델 ${list.length}개 (${memberNames}) → ${params.output}.` });

    if (model instanceof BlendModel) {
      const w = model.weightsTable();
      const outs = model.meta.kind === 'logistic' && model.meta.coef.length > 1 ? (model.classes ?? []).map((c) => `weight for ${String(c)}`) : ['weight'];
      const columns: Record<string, (string | number)[]> = { feature: [...w.map((r) => r.feature), '(intercept)'] };
      const intercepts = model.meta.kind === 'ridge' ? [model.meta.intercept] : model.meta.intercept;
      outs.forEach((name, k) => (columns[name] = [...w.map((r) => r.weights[k]), intercepts[k]]));
      outputs.push(tablePreview(aq.table(columns), { title: 'Meta-learner weights (a larger weight: the blend trusts that member more)', titleKo: '메타 학습기 가중치 (가중치가 클수록 블렌딩이 그 멤버를 더 믿어요)' }));
    } else {
      const total = model.weights.reduce((a, b) => a + b, 0);
      outputs.push(tablePreview(aq.table({ model: list.map((m) => m.name), type: list.map((m) => m.model.modelType), weight: model.weights.map((w) => w / total) }), { title: 'Members and their share of the vote', titleKo: '멤버와 각 멤버의 투표 비중' }));
    }

    let metrics: Record<string, number> = {};
    if (params.input) {
      const table = ctx.table(params.input, 'params.input');
      if (!table.columnNames().includes(model.target)) throw CellError.coded('table.noTargetColumn', { table: params.input, target: model.target }, { where: 'params.input' });
      const rows: Record<string, Scalar>[] = [];
      for (const m of list) rows.push({ model: m.name, ...(await scores(m.model, table, ctx.signal)) });
      metrics = await scores(model, table, ctx.signal);
      rows.push({ model: `${params.output} (ensemble)`, ...metrics });
      const names = [...new Set(rows.flatMap((r) => Object.keys(r)))];
      outputs.push(tablePreview(aq.table(Object.fromEntries(names.map((n) => [n, rows.map((r) => r[n] ?? null)]))), { title: `Members and ensemble on ${params.input}`, titleKo: `${params.input}에서 본 멤버와 앙상블` }));
      if (params.method === 'blending' && params.input === params.validation) {
        outputs.push({
          type: 'text', text: `Note: ${params.input} is the table the meta-learner was fitted on, so the blend's score there is optimistic; score it on another held-out table.`,
          ko: `참고: ${params.input}은(는) 메타 학습기를 학습시킨 표라서 여기서 잰 블렌딩 점수는 낙관적이에요. 따로 떼어 둔 다른 표에서 재 보세요.`,
        });
      }
    }
    ctx.set(params.output, { type: 'model', model });
    await trackRun(ctx, {
      kind: 'train', params: { ...params, modelType: model.modelType }, output: params.output,
      input: params.method === 'blending' ? params.validation : params.method === 'stacking' ? params.train : undefined, startedAt, durationMs: performance.now() - t0, outputs, metrics,
    });
    return outputs;
  },
});
