// Emitters for the ensemble and compare cells (helpers-ensemble.ts): voting
// and blending over the exported members; compare's bootstrap intervals from
// the workbench's own resample stream, McNemar's test and the traffic split.
// Stacking (stacking.ts) refits every member per fold from its train cell.
import { Untranslated, header, pyLiteral, pyName, type Emitter } from './context.ts';
import { pyString } from './jsexpr.ts';
import { stackingLines } from './stacking.ts';
import { metricKey } from '../../lifecycle/format.ts';
import { DEFAULT_METRICS } from '../../lifecycle/subsetMetrics.ts';

export const emitEnsemble: Emitter = (cell, p, ctx) => {
  const method = String(p.method);
  const stacked = method === 'stacking' ? stackingLines(p, ctx) : undefined;
  if (stacked instanceof Untranslated) return stacked;
  const models = (p.models as string[]).map(pyName);
  const out = pyName(String(p.output));
  const weights = (p.weights as number[] | undefined) ?? [];
  const lines = [header(cell)];
  if (stacked) {
    lines.push(...stacked);
  } else if (method === 'blending') {
    const holdout = pyName(String(p.validation));
    lines.push(
      `# Blending: a ${p.meta === 'ridge' ? 'ridge' : p.meta === 'logistic' ? 'logistic' : 'logistic (classes) or ridge (numbers)'} meta-learner learns how to combine the members' predictions for ${p.validation},`,
      '# a table they were not trained on (for two classes each member gives its probability of the second class).',
      `${out} = make_ensemble([${models.join(', ')}], method='blending', holdout=${holdout}, C=${Number(p.C)}, alpha=${Number(p.alpha)})`,
      `print('Meta-learner weights:', dict(zip([f'{m}' for m in ${pyLiteral(p.models)}], np.round(np.ravel(${out}['meta'].coef_), 4))))`,
    );
  } else {
    lines.push(
      `# ${p.voting === 'hard' ? 'Hard voting: each member votes for its predicted class with its weight; a tie goes to the first class' : 'Soft voting: the weighted mean of the members\' class probabilities'} (numbers: the weighted mean).`,
      `${out} = make_ensemble([${models.join(', ')}], method='voting', voting=${pyString(String(p.voting))}${weights.length ? `, weights=${pyLiteral(weights)}` : ''})`,
    );
  }
  const input = String(p.input ?? '');
  if (input) {
    if (ctx.defined.get(input) !== 'table') return new Untranslated(`its input "${input}" is not a table in the exported notebook`);
    const df = pyName(input);
    lines.push(
      `# Every member and the ensemble on ${input} (a quick check; an evaluate cell scores it properly).`,
      'scores = {}',
      `for name, m in [${[...(p.models as string[]).map((m) => `(${pyString(m)}, ${pyName(m)})`), `(${pyString(`${String(p.output)} (ensemble)`)}, ${out})`].join(', ')}]:`,
      `    pred, proba = model_predict(m, ${df})`,
      `    truth = ${df}[m['target']].tolist()`,
      `    scores[name] = {k: v for k, v in (classification_metrics(truth, pred, proba, m['classes']) if m['classes'] is not None else regression_metrics(truth, pred)).items() if k in ('accuracy', 'roc_auc', 'log_loss', 'rmse', 'mae', 'r2')}`,
      `report(${pyString(cell.id)}, 'scores', scores)`,
      'pd.DataFrame(scores).T',
    );
  }
  ctx.defined.set(String(p.output), 'model');
  return [{ type: 'code', source: lines.join('\n'), from: cell.id }];
};

export const emitCompare: Emitter = (cell, p, ctx) => {
  const a = pyName(String(p.modelA));
  const b = pyName(String(p.modelB));
  const df = pyName(String(p.input));
  const metrics = ((p.metrics as string[] | undefined) ?? []).map(metricKey);
  const out = pyName(String(p.output || 'comparison'));
  const confidence = Number(p.confidence);
  const pct = `${Math.round(confidence * 100)}%`;
  const lines = [
    header(cell),
    `# ${p.modelA} (A) against ${p.modelB} (B) on the same rows of ${p.input}: each metric with a ${pct} percentile bootstrap interval`,
    `# (${p.nBoot} resamples drawn as the workbench draws them, seed ${p.seed}), the paired difference B - A on the same resamples,`,
    `# McNemar's test (classes) and a simulated ${Math.round(Number(p.trafficSplit) * 100)}/${Math.round((1 - Number(p.trafficSplit)) * 100)} traffic split.`,
    `classes = ${a}['classes']`,
    `metrics = ${metrics.length ? pyLiteral(metrics) : `${pyLiteral(DEFAULT_METRICS.classification)} if classes is not None else ${pyLiteral(DEFAULT_METRICS.regression)}`}`,
    `${out} = compare_models(${df}[${a}['target']].tolist(), model_predict(${a}, ${df}), model_predict(${b}, ${df}), classes, metrics,`,
    `                         n_boot=${Number(p.nBoot)}, seed=${Number(p.seed)}, confidence=${confidence}, traffic_split=${Number(p.trafficSplit)})`,
    `table = pd.DataFrame([{'metric': r['metric'], 'A': r['a']['estimate'], 'A ${pct} CI': (r['a']['low'], r['a']['high']),`,
    `                       'B': r['b']['estimate'], 'B ${pct} CI': (r['b']['low'], r['b']['high']),`,
    `                       'B - A': r['diff']['estimate'], 'B - A ${pct} CI': (r['diff']['low'], r['diff']['high']), 'resamples': r['diff']['used']} for r in ${out}['metrics']])`,
    `if 'mcnemar' in ${out}:`,
    `    print('McNemar:', ${out}['mcnemar'])`,
    `print('Traffic split:', ${out}['traffic'])`,
    `report(${pyString(cell.id)}, 'comparison', ${out})`,
    'table',
  ];
  if (String(p.output ?? '').trim()) ctx.defined.set(String(p.output), 'object');
  return [{ type: 'code', source: lines.join('\n'), from: cell.id }];
};
