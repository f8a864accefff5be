// A trained tfjs network as the kernel holds it (core/values.ts TrainedModel):
// it owns the network's tensors, remembers the features, the fitted scaling
// and the classes, and predicts from any table with those feature columns.
import type { ColumnTable } from 'arquero';
import type { Scalar } from '../../core/outputs.ts';
import type { Prediction, Task, TrainedModel } from '../../core/values.ts';
import { checkAborted } from '../../core/errors.ts';
import { tf } from '../tf.ts';
import { featureMatrix } from '../features.ts';
import { applyScaler, scalerToJSON, type Scaler } from './scaler.ts';
import { forward, headProbabilities, type Head, type NetworkSpec } from './network.ts';
import { CellError } from '../../core/errors.ts';

/** Rows per forward pass when predicting, so big tables neither spike memory nor block cancel. */
const PREDICT_CHUNK = 8192;

export interface TfjsModelInit {
  spec: NetworkSpec;
  net: tf.Sequential;
  target: string;
  features: string[];
  classes?: Scalar[];
  xScaler: Scaler;
  /** Regression: the target's training mean and std (outputs are standardised). */
  yScale?: { mean: number; std: number };
  /** Training settings and results to show in describe(). */
  training?: Record<string, unknown>;
  /** Fits a fresh model like this one on another table (set by fitModel; see TrainedModel.refit). */
  refit?: (table: ColumnTable, signal?: AbortSignal) => Promise<TrainedModel>;
}

export interface Coefficients {
  /** coef[output][feature] in the original units of features (and target, for regression). */
  coef: number[][];
  intercept: number[];
}

export class TfjsModel implements TrainedModel {
  readonly modelType: string;
  readonly task: Task;
  readonly target: string;
  readonly features: string[];
  readonly classes?: Scalar[];
  readonly spec: NetworkSpec;
  readonly net: tf.Sequential;
  private readonly xScaler: Scaler;
  private readonly yScale: { mean: number; std: number };
  private readonly training: Record<string, unknown>;
  private disposed = false;
  readonly refit?: (table: ColumnTable, signal?: AbortSignal) => Promise<TrainedModel>;

  constructor(init: TfjsModelInit) {
    this.spec = init.spec;
    this.net = init.net;
    this.modelType = init.spec.kind;
    this.task = init.spec.head === 'regression' ? 'regression' : 'classification';
    this.target = init.target;
    this.features = [...init.features];
    if (init.classes) this.classes = [...init.classes];
    this.xScaler = init.xScaler;
    this.yScale = init.yScale ?? { mean: 0, std: 1 };
    this.training = init.training ?? {};
    if (init.refit) this.refit = init.refit;
  }

  get head(): Head {
    return this.spec.head;
  }

  /** Standardise a raw feature matrix with the training scaler. */
  scale(X: Float32Array): Float32Array {
    return applyScaler(X, this.features.length, this.xScaler);
  }

  /**
   * Raw-matrix prediction: regression values (rows) or class probabilities
   * (rows × classes, row-major), from unscaled features.
   */
  async predictMatrix(X: Float32Array, rows: number, signal?: AbortSignal): Promise<Float32Array> {
    if (this.disposed) throw CellError.coded('model.disposed');
    const cols = this.features.length;
    const scaled = this.scale(X);
    const width = this.task === 'regression' ? 1 : (this.classes?.length ?? 2);
    const out = new Float32Array(rows * width);
    for (let start = 0; start < rows; start += PREDICT_CHUNK) {
      checkAborted(signal);
      const end = Math.min(rows, start + PREDICT_CHUNK);
      const result = tf.tidy(() => {
        const x = tf.tensor2d(scaled.subarray(start * cols, end * cols), [end - start, cols]);
        const raw = forward(this.net, x);
        if (this.head === 'regression') return raw.mul(this.yScale.std).add(this.yScale.mean);
        return headProbabilities(this.head, raw);
      });
      const values = (await result.data()) as Float32Array;
      result.dispose();
      out.set(values, start * width);
    }
    return out;
  }

  async predict(table: ColumnTable, signal?: AbortSignal): Promise<Prediction> {
    const { X, rows } = featureMatrix(table, this.features);
    const out = await this.predictMatrix(X, rows, signal);
    if (this.task === 'regression') return { predictions: Array.from(out) };
    const classes = this.classes ?? [0, 1];
    const k = classes.length;
    const probabilities: number[][] = [];
    const predictions: Scalar[] = [];
    for (let i = 0; i < rows; i++) {
      const row = Array.from(out.subarray(i * k, (i + 1) * k));
      let best = 0;
      for (let c = 1; c < k; c++) if (row[c] > row[best]) best = c;
      probabilities.push(row);
      predictions.push(classes[best]);
    }
    return { predictions, probabilities, classes: [...classes] };
  }

  /**
   * Linear and logistic models: weights mapped back to the original feature
   * (and target) units, so y = 3x + 2 reads as coef 3, intercept 2.
   */
  coefficients(): Coefficients | undefined {
    if (this.spec.kind === 'mlp') return undefined;
    const [kernel, bias] = this.net.layers[0].getWeights();
    const w = kernel.arraySync() as number[][]; // [features][outputs]
    const b = bias.arraySync() as number[];
    const { mean, std } = this.xScaler;
    const coef: number[][] = [];
    const intercept: number[] = [];
    for (let u = 0; u < b.length; u++) {
      const row: number[] = [];
      let shift = 0;
      for (let j = 0; j < w.length; j++) {
        const c = (w[j][u] / std[j]) * this.yScale.std;
        row.push(c);
        shift += c * mean[j];
      }
      coef.push(row);
      intercept.push(this.yScale.mean + b[u] * this.yScale.std - shift);
    }
    return { coef, intercept };
  }

  describe(): Record<string, unknown> {
    const d: Record<string, unknown> = {
      modelType: this.modelType,
      task: this.task,
      target: this.target,
      features: [...this.features],
      parameters: this.disposed ? undefined : this.net.countParams(),
      ...(this.classes ? { classes: [...this.classes] } : {}),
      ...(this.spec.kind === 'mlp'
        ? { hidden: [...(this.spec.hidden ?? [])], activation: this.spec.activation, dropout: this.spec.dropout ?? 0 }
        : {}),
      l2: this.spec.l2 ?? 0,
      seed: this.spec.seed,
      scaling: scalerToJSON(this.xScaler),
      ...this.training,
    };
    if (!this.disposed) {
      const c = this.coefficients();
      if (c) d.coefficients = c;
    }
    return d;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.net.dispose();
  }
}
