// From a table to a trained TfjsModel: pick features and task, encode the
// target, standardise, build the network, run the training loop.
import type { ColumnTable } from 'arquero';
import type { Task } from '../core/values.ts';
import { CellError } from '../core/errors.ts';
import { classificationTarget, detectTask, featureMatrix, regressionTarget, selectFeatures } from './features.ts';
import { buildNetwork, type Activation, type Head, type ModelKind, type NetworkSpec } from './models/network.ts';
import { applyScaler, fitScaler } from './models/scaler.ts';
import { TfjsModel } from './models/tfjs-model.ts';
import { resolveClassWeights, type ClassWeightSpec } from './controls.ts';
import type { SequenceKind } from './models/sequence-net.ts';
import { trainNetwork, type TrainConfig, type TrainData, type TrainHooks, type TrainResult } from './train.ts';

// Gradient-boosted trees (model 'gbdt') fit on typed arrays, without tfjs.
export { fitTreeModel, type TreeFitOptions, type TreeFitHooks } from './trees/fit.ts';

export interface FitOptions extends Omit<TrainConfig, 'classWeight'> {
  /** Class weights (classification): a rule or a map label → weight; see resolveClassWeights. */
  classWeight?: ClassWeightSpec;
  /** Cap for 'inverse_capped' (default 1.5). */
  classWeightCap?: number;
  target: string;
  /** Empty: every other numeric column. */
  features?: string[];
  task?: Task | 'auto';
  /** Sequence kinds are accepted by the type (the train cell's model enum) but train through fitSequenceModel. */
  model: ModelKind | SequenceKind;
  hidden?: number[];
  activation?: Activation;
}

export interface FitHooks {
  validation?: ColumnTable;
  onProgress?: TrainHooks['onProgress'];
  signal?: AbortSignal;
  progressIntervalMs?: number;
}

/** Refuse model/task pairs that make no sense, in words a student can act on. */
export function checkModelTask(model: ModelKind, task: Task): void {
  if (model === 'linear' && task === 'classification') {
    throw CellError.coded('model.linearForClasses', {}, { where: 'params.model' });
  }
  if (model === 'logistic' && task === 'regression') {
    throw CellError.coded('model.logisticForNumbers', {}, { where: 'params.model' });
  }
}

export async function fitModel(table: ColumnTable, options: FitOptions, hooks: FitHooks = {}): Promise<{ model: TfjsModel; result: TrainResult }> {
  if (!options.target) throw CellError.coded('train.noTarget', {}, { where: 'params.target' });
  if (!table.columnNames().includes(options.target)) {
    throw CellError.coded('column.missing', { column: options.target, columns: table.columnNames().join(', ') }, { where: 'params.target' });
  }
  if (table.numRows() === 0) throw CellError.coded('train.noRows', {}, { where: 'params.input' });
  const kind = options.model;
  if (kind === 'lstm' || kind === 'gru' || kind === 'cnn1d') {
    throw CellError.coded('model.needsSequences', { model: kind }, { where: 'params.model' });
  }
  const task = !options.task || options.task === 'auto' ? detectTask(table, options.target) : options.task;
  checkModelTask(kind, task);
  const features = selectFeatures(table, options.target, options.features ?? []);
  if (features.includes(options.target)) {
    throw CellError.coded('train.targetIsFeature', { target: options.target }, { where: 'params.features' });
  }

  const { X, rows, cols } = featureMatrix(table, features);
  const xScaler = fitScaler(X, rows, cols);
  let head: Head;
  let y: Float32Array;
  let classes: (string | number | boolean | null)[] | undefined;
  let yScale: { mean: number; std: number } | undefined;
  if (task === 'regression') {
    head = 'regression';
    const raw = regressionTarget(table, options.target);
    const s = fitScaler(raw, raw.length, 1);
    yScale = { mean: s.mean[0], std: s.std[0] };
    y = applyScaler(raw, 1, s);
  } else {
    const enc = classificationTarget(table, options.target);
    classes = enc.classes;
    if (classes.length < 2) {
      throw CellError.coded('train.oneClass', { target: options.target, value: JSON.stringify(classes[0]) }, { where: 'params.target' });
    }
    head = classes.length === 2 ? 'binary' : 'multiclass';
    y = Float32Array.from(enc.y);
  }

  if (task === 'regression' && options.classWeight && options.classWeight !== 'none') {
    throw CellError.coded('classWeight.classificationOnly', {}, { where: 'params.classWeight' });
  }
  let classWeight: number[] | undefined;
  if (classes) {
    const counts = new Array<number>(classes.length).fill(0);
    for (const k of y) counts[k]++;
    classWeight = resolveClassWeights(options.classWeight, counts, classes.map((c) => String(c)), options.classWeightCap);
  }

  let validation: TrainData | undefined;
  if (hooks.validation) {
    const v = featureMatrix(hooks.validation, features);
    const vy = task === 'regression'
      ? applyScaler(regressionTarget(hooks.validation, options.target), 1, { mean: Float64Array.of(yScale!.mean), std: Float64Array.of(yScale!.std) })
      : Float32Array.from(classificationTarget(hooks.validation, options.target, classes).y);
    validation = { X: applyScaler(v.X, cols, xScaler), y: vy, rows: v.rows, cols };
  }

  const spec: NetworkSpec = {
    kind,
    head,
    inputs: cols,
    classes: classes?.length,
    hidden: kind === 'mlp' ? (options.hidden ?? [32, 16]) : undefined,
    activation: options.activation ?? 'relu',
    dropout: options.dropout ?? 0,
    l2: options.l2 ?? 0,
    seed: options.seed,
  };
  const net = buildNetwork(spec);
  try {
    const result = await trainNetwork(net, head, { X: applyScaler(X, cols, xScaler), y, rows, cols }, { ...options, classWeight }, {
      validation,
      onProgress: hooks.onProgress,
      signal: hooks.signal,
      progressIntervalMs: hooks.progressIntervalMs,
      lossScale: yScale ? yScale.std ** 2 : 1,
      classes: classes?.length,
    });
    // Refit: the same features, task and settings for the epochs kept, without early stopping (no validation table).
    const kept = result.bestEpoch ?? result.history.length;
    const refitOptions: FitOptions = { ...options, features: [...features], task, epochs: kept, patience: 0 };
    delete refitOptions.monitor;
    const refit = async (t: ColumnTable, signal?: AbortSignal) => (await fitModel(t, refitOptions, { signal })).model;
    const model = new TfjsModel({
      spec, net, target: options.target, features, classes, xScaler, yScale, refit,
      training: {
        optimizer: options.optimizer, learningRate: options.learningRate, epochs: result.history.length,
        batchSize: options.batchSize, ...(result.bestEpoch ? { bestEpoch: result.bestEpoch } : {}),
        ...(classWeight ? { classWeight } : {}), ...(options.clipNorm ? { clipNorm: options.clipNorm } : {}),
      },
    });
    return { model, result };
  } catch (error) {
    net.dispose();
    throw error;
  }
}
