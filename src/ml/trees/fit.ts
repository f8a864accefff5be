// From a table to a trained TreeModel: the same task detection, feature
// selection and target encoding as the tfjs models (../features.ts), but
// features stay raw (no scaling) and may hold missing values.
import type { ColumnTable } from 'arquero';
import type { Scalar } from '../../core/outputs.ts';
import type { Task } from '../../core/values.ts';
import { CellError } from '../../core/errors.ts';
import { classificationTarget, detectTask, regressionTarget, selectFeatures } from '../features.ts';
import { boost, DEFAULT_BOOST_PARAMS, type BoostData, type BoostHooks, type BoostParams, type BoostResult, type Objective } from './boost.ts';
import { rawMatrix } from './matrix.ts';
import { TreeModel } from './model.ts';

export interface TreeFitOptions extends Partial<BoostParams> {
  target: string;
  /** Empty: every other numeric (or boolean) column. */
  features?: string[];
  task?: Task | 'auto';
}

export interface TreeFitHooks {
  validation?: ColumnTable;
  onProgress?: BoostHooks['onProgress'];
  signal?: AbortSignal;
  progressIntervalMs?: number;
}

export async function fitTreeModel(table: ColumnTable, options: TreeFitOptions, hooks: TreeFitHooks = {}): Promise<{ model: TreeModel; result: BoostResult }> {
  if (!options.target) throw CellError.coded('train.noTarget', {}, { where: 'params.target' });
  if (!table.columnNames().includes(options.target)) {
    throw CellError.coded('column.missing', { column: options.target, columns: table.columnNames().join(', ') }, { where: 'params.target' });
  }
  if (table.numRows() === 0) throw CellError.coded('train.noRows', {}, { where: 'params.input' });
  const task = !options.task || options.task === 'auto' ? detectTask(table, options.target) : options.task;
  const features = selectFeatures(table, options.target, options.features ?? []);
  if (features.includes(options.target)) {
    throw CellError.coded('train.targetIsFeature', { target: options.target }, { where: 'params.features' });
  }
  const params: BoostParams = { ...DEFAULT_BOOST_PARAMS };
  for (const key of Object.keys(DEFAULT_BOOST_PARAMS) as (keyof BoostParams)[]) {
    const v = options[key];
    if (v !== undefined) Object.assign(params, { [key]: v });
  }

  let objective: Objective;
  let classes: Scalar[] | undefined;
  let y: Float64Array;
  if (task === 'regression') {
    objective = 'regression';
    y = Float64Array.from(regressionTarget(table, options.target));
  } else {
    const enc = classificationTarget(table, options.target);
    classes = enc.classes;
    if (classes.length < 2) {
      throw CellError.coded('train.oneClass', { target: options.target, value: JSON.stringify(classes[0]) }, { where: 'params.target' });
    }
    objective = classes.length === 2 ? 'binary' : 'multiclass';
    y = Float64Array.from(enc.y);
  }
  if (params.stoppingMetric === 'auc' && objective !== 'binary') {
    throw CellError.coded('trees.aucTwoClass', {}, { where: 'params.gbdt.stoppingMetric' });
  }

  let validation: BoostData | undefined;
  if (hooks.validation) {
    const vy = task === 'regression'
      ? Float64Array.from(regressionTarget(hooks.validation, options.target))
      : Float64Array.from(classificationTarget(hooks.validation, options.target, classes).y);
    validation = { X: rawMatrix(hooks.validation, features), y: vy };
  }

  const result = await boost({ X: rawMatrix(table, features), y }, objective, classes?.length ?? 1, params, {
    validation, onProgress: hooks.onProgress, signal: hooks.signal, progressIntervalMs: hooks.progressIntervalMs,
  });
  const training: Record<string, unknown> = { roundsRun: result.history.length, seconds: result.seconds };
  if (result.bestIteration !== undefined) training.bestIteration = result.bestIteration;
  // Refit: the same features, task and params, the rounds actually kept, no early stopping (no validation table).
  const refitOptions: TreeFitOptions = {
    ...options, features: [...features], task, rounds: result.bestIteration ?? result.history.length, earlyStoppingRounds: 0,
  };
  const refit = async (t: ColumnTable, signal?: AbortSignal) => (await fitTreeModel(t, refitOptions, { signal })).model;
  const model = new TreeModel({ ensemble: result.ensemble, target: options.target, features, classes, params, training, refit });
  return { model, result };
}
