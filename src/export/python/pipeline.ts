// The pipeline cell in Python: its steps as the cells the exporter already
// writes (split, transform, train, evaluate: the same seeded rows and
// encodings, XGBoost for gbdt) under names of the pipeline's own, then the
// condition as an if/else. Python has no workbench registry, so the register
// branch announces the version it would add and says where to register it.
import type { NotebookCell } from '../../notebook/model.ts';
import { pipelineSchema, pipelineTrainParams } from '../../cells/pipeline.ts';
import { splitSchema } from '../../cells/split.ts';
import { transformSchema } from '../../cells/transform.ts';
import { evaluateSchema } from '../../cells/evaluate.ts';
import { Untranslated, header, pyName, type Emitter, type PyCell } from './context.ts';
import { emitSplit } from './data.ts';
import { emitTransform } from './transform.ts';
import { emitEvaluate, emitTrain } from './models.ts';
import { pyString } from './jsexpr.ts';

/** The Python expression of the evaluate metric from a metrics dict (mse is rmse², as in the workbench). */
function metricExpr(metrics: string, metric: string): string {
  if (metric === 'mse') return `${metrics}['rmse'] ** 2`;
  return `${metrics}[${pyString(metric === 'auc' ? 'roc_auc' : metric)}]`;
}

export const emitPipeline: Emitter = (cell, raw, ctx) => {
  const p = pipelineSchema.parse(raw);
  if (ctx.defined.get(p.input) !== 'table') return new Untranslated(`its input "${p.input}" is not a table in the exported notebook`);
  const base = p.output || 'pipeline_model';
  const names = { train: `${base}_train`, test: `${base}_test`, trainX: `${base}_train_x`, testX: `${base}_test_x`, prep: `${base}_preprocess`, metrics: `${base}_metrics` };
  const step = (title: string): NotebookCell => ({ ...cell, title: `${cell.title ? `${cell.title}: ` : ''}${title}` });
  const cells: PyCell[] = [];
  const add = (out: PyCell[] | Untranslated): Untranslated | undefined => {
    if (out instanceof Untranslated) return out;
    cells.push(...out);
    return undefined;
  };
  const transformSteps = [
    ...(p.preprocess.onehot.length ? [{ op: 'onehot', columns: p.preprocess.onehot }] : []),
    ...(p.preprocess.scale.length ? [{ op: 'scale', columns: p.preprocess.scale, method: 'standard' }] : []),
  ];
  const failed =
    add(emitSplit(step('preprocess, hold out'), splitSchema.parse({ input: p.input, method: 'random', train: 1 - p.testFraction, validation: 0, test: p.testFraction, seed: p.seed, outputs: { train: names.train, test: names.test } }), ctx)) ??
    add(emitTransform(step('preprocess'), transformSchema.parse({ input: names.train, output: names.trainX, steps: transformSteps, applyTo: [{ input: names.test, output: names.testX }], transform: names.prep }), ctx)) ??
    add(emitTrain(step('train'), { ...pipelineTrainParams(p), input: names.trainX, output: base }, ctx)) ??
    add(emitEvaluate(step('evaluate'), evaluateSchema.parse({ model: base, input: names.testX, output: names.metrics, report: false }), ctx));
  if (failed) return new Untranslated(`its steps are not all translated: ${failed.reason}`);

  const metric = p.evaluate.metric;
  const value = `${base}_${metric}`;
  const { op, threshold } = p.condition;
  const name = pyString(p.register.name);
  const lines = [
    header(step('condition, then register or fail')),
    `# Condition: register only if ${metric} ${op} ${threshold}; otherwise the fail branch registers nothing.`,
    `${value} = ${metricExpr(names.metrics, metric)}`,
    `if ${value} ${op} ${threshold}:`,
    `    # The workbench registers the model as the next version of ${name} (stage ${p.register.stage}) and tracks the run.`,
    '    # TODO: Python has no workbench registry: register it in yours here (e.g. mlflow.register_model).',
    `    print(f'registered ${p.register.name.replace(/[{}'\\]/g, '')}: ${metric} {${value}:.4f} ${op} ${threshold}')`,
    'else:',
    `    print(f'not registered: ${metric} {${value}:.4f} ${op === '<=' ? '>' : '<'} ${threshold}')`,
  ];
  if (p.result) lines.push(`${pyName(p.result)} = {'registered': bool(${value} ${op} ${threshold}), 'metric': ${pyString(metric)}, 'value': ${value}, 'threshold': ${threshold}}`);
  cells.push({ type: 'code', source: lines.join('\n'), from: cell.id });
  return cells;
};
