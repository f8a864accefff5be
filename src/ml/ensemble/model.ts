// Ensembles of trained models as one TrainedModel: voting (soft, hard; like
// scikit-learn's VotingClassifier / VotingRegressor over fitted estimators)
// and blending (a logistic or ridge meta-learner fitted on the members'
// predictions for a held-out table — StackingClassifier's idea, but on one
// holdout instead of cross-validated out-of-fold predictions).
// The ensemble references its members and never disposes them: the kernel
// owns those values.
import type { ColumnTable } from 'arquero';
import type { Scalar } from '../../core/outputs.ts';
import type { Prediction, Task, TrainedModel } from '../../core/values.ts';
import { CellError, checkAborted } from '../../core/errors.ts';
import { labelKey } from '../metrics/labels.ts';
import { classificationTarget, regressionTarget, targetLabels } from '../features.ts';
import { kFold, stratifiedKFold } from '../validation/folds.ts';
import { takeRows } from '../validation/crossval.ts';
import { argmax, averagePredictions, hardVote, resolveWeights, softVote } from './voting.ts';
import { fitLogistic, fitRidge, logisticProba, ridgePredict, type MetaModel } from './meta.ts';

export interface Member {
  /** The value name the member is known by (shown in describe()). */
  name: string;
  model: TrainedModel;
}

export type VotingRule = 'soft' | 'hard';

export interface VotingOptions {
  voting?: VotingRule;
  /** One per member; empty = equal. */
  weights?: number[];
}

export interface BlendOptions {
  /** auto: logistic for classification, ridge for regression. */
  meta?: 'auto' | 'logistic' | 'ridge';
  /** Logistic meta-learner: inverse L2 strength (sklearn's C). */
  C?: number;
  /** Ridge meta-learner: L2 strength (sklearn's alpha). */
  alpha?: number;
  signal?: AbortSignal;
}

/** Checks the members agree on task, target and classes; returns the shared facts. */
function common(members: readonly Member[]): { task: Task; target: string; classes?: Scalar[]; features: string[] } {
  if (members.length < 2) throw CellError.coded('ensemble.twoModels', {}, { where: 'params.models' });
  const [first] = members;
  for (const m of members.slice(1)) {
    if (m.model.task !== first.model.task) {
      throw CellError.coded('ensemble.mixedTasks', m.model.task === 'classification' ? { classifier: m.name, regressor: first.name } : { classifier: first.name, regressor: m.name }, { where: 'params.models' });
    }
    if (m.model.target !== first.model.target) {
      throw CellError.coded('ensemble.mixedTargets', { a: m.name, targetA: m.model.target, b: first.name, targetB: first.model.target }, { where: 'params.models' });
    }
  }
  for (const m of members) {
    if (m.model.evaluateSequences) throw CellError.coded('ensemble.sequenceMember', { name: m.name }, { where: 'params.models' });
  }
  let classes: Scalar[] | undefined;
  if (first.model.task === 'classification') {
    classes = [...(first.model.classes ?? [])];
    const key = (cs: readonly Scalar[]) => cs.map(labelKey).sort().join('|');
    for (const m of members) {
      if (key(m.model.classes ?? []) !== key(classes)) {
        throw CellError.coded('ensemble.mixedClasses', { a: m.name, classesA: JSON.stringify(m.model.classes), b: first.name, classesB: JSON.stringify(classes) }, { where: 'params.models' });
      }
    }
  }
  const features: string[] = [];
  for (const m of members) for (const f of m.model.features) if (!features.includes(f)) features.push(f);
  return { task: first.model.task, target: first.model.target, classes, features };
}

/** A member's probabilities with columns in `classes` order. */
function alignedProba(pred: Prediction, classes: readonly Scalar[], name: string): number[][] {
  if (!pred.probabilities) throw CellError.coded('ensemble.noProbabilities', { name }, { where: 'params.models' });
  const own = (pred.classes ?? []).map(labelKey);
  const order = classes.map((c) => own.indexOf(labelKey(c)));
  // A class the member never saw (a fold model in stacking) gets probability 0.
  return pred.probabilities.map((row) => order.map((k) => (k < 0 ? 0 : row[k])));
}

/** A member's predicted labels as indices into `classes`. */
function labelIndices(pred: Prediction, classes: readonly Scalar[], name: string): Int32Array {
  const index = new Map(classes.map((c, k) => [labelKey(c), k]));
  return Int32Array.from(pred.predictions, (p) => {
    const k = index.get(labelKey(p));
    if (k === undefined) throw CellError.coded('ensemble.unknownClass', { name, value: JSON.stringify(p) }, { where: 'params.models' });
    return k;
  });
}

abstract class EnsembleBase implements TrainedModel {
  abstract readonly modelType: string;
  readonly task: Task;
  readonly target: string;
  readonly features: string[];
  readonly classes?: Scalar[];
  readonly members: readonly Member[];
  protected disposed = false;

  constructor(members: readonly Member[]) {
    const c = common(members);
    this.members = [...members];
    this.task = c.task;
    this.target = c.target;
    this.features = c.features;
    if (c.classes) this.classes = c.classes;
  }

  /** Every member's prediction on the table, in member order. */
  protected async memberPredictions(table: ColumnTable, signal?: AbortSignal): Promise<Prediction[]> {
    if (this.disposed) throw CellError.coded('ensemble.disposed');
    const out: Prediction[] = [];
    for (const m of this.members) out.push(await m.model.predict(table, signal));
    return out;
  }

  abstract predict(table: ColumnTable, signal?: AbortSignal): Promise<Prediction>;
  abstract describe(): Record<string, unknown>;

  protected describeMembers(): Record<string, unknown>[] {
    return this.members.map((m) => ({ name: m.name, modelType: m.model.modelType, features: m.model.features.length }));
  }

  /** Forgets the members; does not dispose them (the kernel owns them). */
  dispose(): void {
    this.disposed = true;
  }
}

/** Soft or hard voting (classification) or a weighted mean (regression). */
export class VotingModel extends EnsembleBase {
  readonly modelType = 'voting';
  readonly voting: VotingRule;
  readonly weights: number[];

  constructor(members: readonly Member[], options: VotingOptions = {}) {
    super(members);
    this.voting = options.voting ?? 'soft';
    this.weights = resolveWeights(options.weights, members.length);
  }

  async predict(table: ColumnTable, signal?: AbortSignal): Promise<Prediction> {
    const preds = await this.memberPredictions(table, signal);
    if (this.task === 'regression') return { predictions: averagePredictions(preds.map((p) => p.predictions as number[]), this.weights) };
    const classes = this.classes ?? [];
    if (this.voting === 'hard') {
      // Like scikit-learn, hard voting gives labels only: no probabilities, so no ROC-AUC or log loss.
      const { winners } = hardVote(preds.map((p, j) => labelIndices(p, classes, this.members[j].name)), this.weights, classes.length);
      return { predictions: Array.from(winners, (k) => classes[k]) };
    }
    const probabilities = softVote(preds.map((p, j) => alignedProba(p, classes, this.members[j].name)), this.weights);
    return { predictions: probabilities.map((row) => classes[argmax(row)]), probabilities, classes: [...classes] };
  }

  describe(): Record<string, unknown> {
    return {
      modelType: this.modelType,
      task: this.task,
      target: this.target,
      ...(this.classes ? { classes: [...this.classes] } : {}),
      voting: this.task === 'regression' ? 'mean' : this.voting,
      weights: [...this.weights],
      members: this.describeMembers(),
    };
  }
}

/** The members' predictions as meta features: P(positive) per member (binary), every class's P (multiclass), or the value (regression). */
function metaFeatures(preds: readonly Prediction[], members: readonly Member[], task: Task, classes: readonly Scalar[]): { X: Float64Array; rows: number; d: number; names: string[] } {
  const rows = preds[0]?.predictions.length ?? 0;
  const cols: number[][] = [];
  const names: string[] = [];
  preds.forEach((p, j) => {
    const name = members[j].name;
    if (task === 'regression') {
      cols.push(p.predictions as number[]);
      names.push(name);
      return;
    }
    const proba = alignedProba(p, classes, name);
    // Binary: scikit-learn's stacking drops the first column (the two sum to 1).
    const ks = classes.length === 2 ? [1] : classes.map((_, k) => k);
    for (const k of ks) {
      cols.push(proba.map((r) => r[k]));
      names.push(`${name}:P(${String(classes[k])})`);
    }
  });
  const d = cols.length;
  const X = new Float64Array(rows * d);
  for (let i = 0; i < rows; i++) for (let a = 0; a < d; a++) X[i * d + a] = cols[a][i];
  return { X, rows, d, names };
}

/** The logistic (classes) or ridge (numbers) meta-learner on meta features, with `table`'s target. */
function fitMeta(X: Float64Array, rows: number, d: number, table: ColumnTable, c: { task: Task; target: string; classes?: Scalar[] }, options: BlendOptions): MetaModel {
  const classes = c.classes ?? [];
  const kind = options.meta && options.meta !== 'auto' ? options.meta : c.task === 'classification' ? 'logistic' : 'ridge';
  if (c.task === 'classification') {
    if (kind !== 'logistic') throw CellError.coded('ensemble.logisticMeta', {}, { where: 'params.meta' });
    const { y } = classificationTarget(table, c.target, classes);
    return fitLogistic(X, rows, d, y, classes.length, options.C ?? 1);
  }
  if (kind !== 'ridge') throw CellError.coded('ensemble.ridgeMeta', {}, { where: 'params.meta' });
  return fitRidge(X, rows, d, regressionTarget(table, c.target), options.alpha ?? 1);
}

/**
 * Blending: the members predict a held-out table (one they were not trained
 * on), and a meta-learner learns how to combine those predictions.
 */
export class BlendModel extends EnsembleBase {
  readonly modelType: string = 'blending';
  readonly meta: MetaModel;
  readonly metaFeatures: string[];
  readonly holdoutRows: number;

  protected constructor(members: readonly Member[], meta: MetaModel, names: string[], rows: number) {
    super(members);
    this.meta = meta;
    this.metaFeatures = names;
    this.holdoutRows = rows;
  }

  static async fit(members: readonly Member[], holdout: ColumnTable, options: BlendOptions = {}): Promise<BlendModel> {
    const c = common(members);
    if (!holdout.columnNames().includes(c.target)) {
      throw CellError.coded('ensemble.blendNoTarget', { target: c.target }, { where: 'params.validation' });
    }
    if (holdout.numRows() < 2) throw CellError.coded('ensemble.blendNoRows', {}, { where: 'params.validation' });
    const preds: Prediction[] = [];
    for (const m of members) preds.push(await m.model.predict(holdout, options.signal));
    const classes = c.classes ?? [];
    const { X, rows, d, names } = metaFeatures(preds, members, c.task, classes);
    const meta = fitMeta(X, rows, d, holdout, c, options);
    return new BlendModel(members, meta, names, rows);
  }

  async predict(table: ColumnTable, signal?: AbortSignal): Promise<Prediction> {
    const preds = await this.memberPredictions(table, signal);
    const classes = this.classes ?? [];
    const { X, rows, d } = metaFeatures(preds, this.members, this.task, classes);
    if (this.meta.kind === 'ridge') {
      const meta = this.meta;
      return { predictions: Array.from({ length: rows }, (_, i) => ridgePredict(meta, X.subarray(i * d, (i + 1) * d))) };
    }
    const meta = this.meta;
    const probabilities = Array.from({ length: rows }, (_, i) => logisticProba(meta, X.subarray(i * d, (i + 1) * d)));
    return { predictions: probabilities.map((row) => classes[argmax(row)]), probabilities, classes: [...classes] };
  }

  /** The meta-learner's weight on each meta feature (binary / regression: one row). */
  weightsTable(): { feature: string; weights: number[] }[] {
    const rows = this.meta.kind === 'ridge' ? [this.meta.coef] : this.meta.coef;
    return this.metaFeatures.map((feature, a) => ({ feature, weights: rows.map((r) => r[a]) }));
  }

  describe(): Record<string, unknown> {
    const meta = this.meta.kind === 'ridge'
      ? { kind: 'ridge', coef: Object.fromEntries(this.metaFeatures.map((f, a) => [f, (this.meta as { coef: number[] }).coef[a]])), intercept: this.meta.intercept }
      : { kind: 'logistic', coef: this.meta.coef, intercept: this.meta.intercept, features: [...this.metaFeatures] };
    return {
      modelType: this.modelType,
      task: this.task,
      target: this.target,
      ...(this.classes ? { classes: [...this.classes] } : {}),
      members: this.describeMembers(),
      holdoutRows: this.holdoutRows,
      meta,
    };
  }
}

export interface StackOptions extends BlendOptions {
  /** Folds for the out-of-fold predictions (scikit-learn's cv=5). */
  folds?: number;
  seed?: number;
  onFold?: (done: number, total: number) => void;
}

/**
 * Out-of-fold stacking (scikit-learn's StackingClassifier / StackingRegressor
 * with cv=k): every member is re-fitted on each fold's training rows from its
 * own recorded settings (TrainedModel.refit) and predicts the fold's held-out
 * rows; the meta-learner is fitted on those out-of-fold predictions of the
 * whole training table. The final members are the given, already trained
 * models (fitted on all of it), as scikit-learn refits its final estimators
 * on all rows. Folds: stratified (classes) or shuffled K-fold (numbers).
 * Every fold model is disposed once it has predicted.
 */
export class StackModel extends BlendModel {
  override readonly modelType: string = 'stacking';
  folds = 0;

  static async fitOutOfFold(members: readonly Member[], train: ColumnTable, options: StackOptions = {}): Promise<StackModel> {
    const c = common(members);
    if (!train.columnNames().includes(c.target)) {
      throw CellError.coded('ensemble.stackNoTarget', { target: c.target }, { where: 'params.input' });
    }
    for (const m of members) {
      if (!m.model.refit) {
        throw CellError.coded('ensemble.notRefittable', { name: m.name }, { where: 'params.models' });
      }
    }
    const table = train.reify();
    const n = table.numRows();
    const k = options.folds ?? 5;
    const seed = options.seed ?? 42;
    const folds = c.task === 'classification' ? stratifiedKFold(targetLabels(table, c.target), k, seed) : kFold(n, k, seed);
    const classes = c.classes ?? [];
    // Out-of-fold predictions per member, in table row order.
    const oof: Prediction[] = members.map(() => ({ predictions: new Array<Scalar>(n), ...(c.task === 'classification' ? { probabilities: new Array<number[]>(n), classes: [...classes] } : {}) }));
    for (let f = 0; f < folds.length; f++) {
      checkAborted(options.signal);
      const fitPart = takeRows(table, folds[f].train);
      const heldOut = takeRows(table, folds[f].test);
      for (let j = 0; j < members.length; j++) {
        const model = await members[j].model.refit!(fitPart, options.signal);
        try {
          const pred = await model.predict(heldOut, options.signal);
          const proba = c.task === 'classification' ? alignedProba(pred, classes, members[j].name) : undefined;
          folds[f].test.forEach((row, i) => {
            oof[j].predictions[row] = pred.predictions[i];
            if (proba) oof[j].probabilities![row] = proba[i];
          });
        } finally {
          model.dispose();
        }
      }
      options.onFold?.(f + 1, folds.length);
    }
    const { X, rows, d, names } = metaFeatures(oof, members, c.task, classes);
    const meta = fitMeta(X, rows, d, table, c, options);
    const model = new StackModel(members, meta, names, rows);
    model.folds = folds.length;
    return model;
  }

  override describe(): Record<string, unknown> {
    return { ...super.describe(), modelType: this.modelType, folds: this.folds, trainRows: this.holdoutRows };
  }
}
