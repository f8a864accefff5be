// A trained gradient-boosted tree ensemble as the kernel holds it
// (core/values.ts TrainedModel): predicts from any table with the training
// feature columns (missing values allowed), plain typed arrays, no tensors.
import type { ColumnTable } from 'arquero';
import type { Scalar } from '../../core/outputs.ts';
import type { Prediction, Task, TrainedModel } from '../../core/values.ts';
import { checkAborted } from '../../core/errors.ts';
import type { RawMatrix } from './binning.ts';
import type { BoostParams, Ensemble, Objective } from './boost.ts';
import { rawMatrix } from './matrix.ts';
import { leafRaw, treeFromJSON, treeToJSON, type TreeJSON } from './tree.ts';
import { CellError } from '../../core/errors.ts';

export type ImportanceKind = 'gain' | 'split';

export interface TreeModelJSON {
  format: 'ml-workbench/gbdt';
  version: 1;
  target: string;
  features: string[];
  classes?: Scalar[];
  objective: Objective;
  outputs: number;
  baseScore: number[];
  trees: TreeJSON[][];
  params: BoostParams;
  training: Record<string, unknown>;
}

export interface TreeModelInit {
  ensemble: Ensemble;
  target: string;
  features: string[];
  classes?: Scalar[];
  params: BoostParams;
  training?: Record<string, unknown>;
  /** Fits a fresh model like this one on another table (set by fitTreeModel; see TrainedModel.refit). */
  refit?: (table: ColumnTable, signal?: AbortSignal) => Promise<TrainedModel>;
}

/** Rows between cancel checks when predicting. */
const PREDICT_CHUNK = 16384;

export class TreeModel implements TrainedModel {
  readonly modelType = 'gbdt';
  readonly task: Task;
  readonly target: string;
  readonly features: string[];
  readonly classes?: Scalar[];
  readonly ensemble: Ensemble;
  readonly params: BoostParams;
  private readonly training: Record<string, unknown>;
  readonly refit?: (table: ColumnTable, signal?: AbortSignal) => Promise<TrainedModel>;

  constructor(init: TreeModelInit) {
    this.ensemble = init.ensemble;
    this.task = init.ensemble.objective === 'regression' ? 'regression' : 'classification';
    this.target = init.target;
    this.features = [...init.features];
    if (init.classes) this.classes = [...init.classes];
    this.params = { ...init.params };
    this.training = init.training ?? {};
    if (init.refit) this.refit = init.refit;
  }

  /** Number of boosting rounds kept. */
  get rounds(): number {
    return this.ensemble.trees.length;
  }

  /** Raw margins (rows × outputs, row-major) of a column-major raw matrix. */
  margins(data: RawMatrix, signal?: AbortSignal): Float64Array {
    const { outputs, baseScore, trees } = this.ensemble;
    const { X, rows } = data;
    const out = new Float64Array(rows * outputs);
    for (let start = 0; start < rows; start += PREDICT_CHUNK) {
      checkAborted(signal);
      const end = Math.min(rows, start + PREDICT_CHUNK);
      for (let i = start; i < end; i++) for (let k = 0; k < outputs; k++) out[i * outputs + k] = baseScore[k];
      for (const round of trees) {
        for (let k = 0; k < outputs; k++) {
          const tree = round[k];
          for (let i = start; i < end; i++) out[i * outputs + k] += tree.value[leafRaw(tree, X, rows, i)];
        }
      }
    }
    return out;
  }

  /** Regression values (rows) or class probabilities (rows × classes, row-major). */
  predictRaw(data: RawMatrix, signal?: AbortSignal): Float64Array {
    const m = this.margins(data, signal);
    const { objective, outputs } = this.ensemble;
    if (objective === 'regression') return m;
    const rows = data.rows;
    if (objective === 'binary') {
      const p = new Float64Array(rows * 2);
      for (let i = 0; i < rows; i++) {
        const p1 = 1 / (1 + Math.exp(-m[i]));
        p[2 * i] = 1 - p1;
        p[2 * i + 1] = p1;
      }
      return p;
    }
    for (let i = 0; i < rows; i++) {
      const o = i * outputs;
      let max = -Infinity;
      for (let k = 0; k < outputs; k++) max = Math.max(max, m[o + k]);
      let s = 0;
      for (let k = 0; k < outputs; k++) s += m[o + k] = Math.exp(m[o + k] - max);
      for (let k = 0; k < outputs; k++) m[o + k] /= s;
    }
    return m;
  }

  async predict(table: ColumnTable, signal?: AbortSignal): Promise<Prediction> {
    const data = rawMatrix(table, this.features);
    const out = this.predictRaw(data, signal);
    const rows = data.rows;
    if (this.task === 'regression') return { predictions: Array.from(out) };
    const classes = this.classes ?? [];
    const width = classes.length;
    const probabilities: number[][] = [];
    const predictions: Scalar[] = [];
    for (let i = 0; i < rows; i++) {
      const row = Array.from(out.subarray(i * width, (i + 1) * width));
      let best = 0;
      for (let k = 1; k < width; k++) if (row[k] > row[best]) best = k;
      probabilities.push(row);
      predictions.push(classes[best]);
    }
    return { predictions, probabilities, classes: [...classes] };
  }

  /** Total split gain or number of splits per feature, over the kept trees. */
  featureImportance(kind: ImportanceKind = 'gain'): Record<string, number> {
    const acc = new Float64Array(this.features.length);
    for (const round of this.ensemble.trees) {
      for (const tree of round) {
        for (let k = 0; k < tree.feature.length; k++) {
          if (tree.left[k] < 0) continue;
          acc[tree.feature[k]] += kind === 'gain' ? tree.gain[k] : 1;
        }
      }
    }
    const out: Record<string, number> = {};
    this.features.forEach((f, j) => (out[f] = acc[j]));
    return out;
  }

  describe(): Record<string, unknown> {
    let leaves = 0;
    for (const round of this.ensemble.trees) for (const t of round) for (let k = 0; k < t.left.length; k++) if (t.left[k] < 0) leaves++;
    const gain = this.featureImportance('gain');
    const top = Object.entries(gain).sort((a, b) => b[1] - a[1]).slice(0, 10).filter(([, v]) => v > 0);
    return {
      modelType: this.modelType,
      task: this.task,
      target: this.target,
      features: [...this.features],
      ...(this.classes ? { classes: [...this.classes] } : {}),
      objective: this.ensemble.objective,
      rounds: this.rounds,
      trees: this.rounds * this.ensemble.outputs,
      leaves,
      params: { ...this.params },
      topFeaturesByGain: Object.fromEntries(top),
      ...this.training,
    };
  }

  /** Nothing to free: plain typed arrays. */
  dispose(): void {}

  toJSON(): TreeModelJSON {
    const e = this.ensemble;
    const json: TreeModelJSON = {
      format: 'ml-workbench/gbdt', version: 1, target: this.target, features: [...this.features],
      objective: e.objective, outputs: e.outputs, baseScore: [...e.baseScore],
      trees: e.trees.map((r) => r.map(treeToJSON)), params: { ...this.params }, training: { ...this.training },
    };
    if (this.classes) json.classes = [...this.classes];
    return json;
  }

  static fromJSON(json: TreeModelJSON): TreeModel {
    if (json.format !== 'ml-workbench/gbdt' || json.version !== 1) throw CellError.coded('model.notGbdtFile');
    const init: TreeModelInit = {
      ensemble: {
        objective: json.objective, outputs: json.outputs, baseScore: [...json.baseScore],
        trees: json.trees.map((r) => r.map(treeFromJSON)), nFeatures: json.features.length,
      },
      target: json.target, features: json.features, params: json.params, training: json.training,
    };
    if (json.classes) init.classes = json.classes;
    return new TreeModel(init);
  }
}
