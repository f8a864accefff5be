// A trained sequence network as the kernel holds it: the network, the head,
// the target encoding, and how its sequences were built (options, scaling,
// vocabulary), so it can rebuild sequences from a raw table and the
// vocabulary is saved with the model.
import type { ColumnTable } from 'arquero';
import type { Scalar } from '../../core/outputs.ts';
import type { Prediction, SequencePrediction, Task, TrainedModel } from '../../core/values.ts';
import { CellError, checkAborted } from '../../core/errors.ts';
import { tf } from '../tf.ts';
import { headProbabilities } from './network.ts';
import type { SequenceNet } from './sequence-net.ts';
import { buildPadded } from '../sequences/padded.ts';
import { buildWindows } from '../sequences/windows.ts';
import { sliceInputs } from '../sequences/tensors.ts';
import { isSequenceData, type SequenceData } from '../sequences/types.ts';

/** Samples per forward pass when predicting. */
const PREDICT_CHUNK = 1024;

export interface SequenceModelInit {
  net: SequenceNet;
  /** The training sequences' shape and fitted state (no data is kept). */
  template: SequenceData;
  classes?: Scalar[];
  yScale?: { mean: number; std: number };
  training?: Record<string, unknown>;
}

export class SequenceModel implements TrainedModel {
  readonly modelType: string;
  readonly task: Task;
  readonly target: string;
  readonly features: string[];
  readonly classes?: Scalar[];
  readonly net: SequenceNet;
  private readonly template: SequenceData;
  private readonly yScale: { mean: number; std: number };
  private readonly training: Record<string, unknown>;
  private disposed = false;

  constructor(init: SequenceModelInit) {
    this.net = init.net;
    this.modelType = init.net.spec.kind;
    this.task = init.net.spec.head === 'regression' ? 'regression' : 'classification';
    const t = init.template;
    this.template = t;
    this.target = t.mode === 'windows' ? t.options.target : t.options.state;
    this.features = t.mode === 'windows' ? [...t.features] : [t.options.state, ...t.features];
    if (init.classes) this.classes = [...init.classes];
    this.yScale = init.yScale ?? { mean: 0, std: 1 };
    this.training = init.training ?? {};
  }

  /** Padded models: index → state (PAD 0, UNK 1, then the training states). */
  get vocabulary(): string[] | undefined {
    return this.template.mode === 'padded' ? [...this.template.vocab] : undefined;
  }

  private check(data: SequenceData): void {
    if (this.disposed) throw CellError.coded('model.disposed');
    const t = this.template;
    if (data.mode !== t.mode || data.steps !== t.steps || data.features.join('\u0000') !== t.features.join('\u0000')) {
      throw CellError.coded('sequences.mismatch', {
        mode: data.mode, steps: data.steps, features: data.features.join(', ') || '-', modelMode: t.mode, modelSteps: t.steps, modelFeatures: t.features.join(', ') || '-',
      }, { where: 'params.input' });
    }
    if (data.mode === 'padded' && t.mode === 'padded' && data.vocab.join('\u0000') !== t.vocab.join('\u0000')) {
      throw CellError.coded('sequences.vocabulary', {}, { where: 'params.input' });
    }
  }

  /**
   * Raw predictions, row-major: windows n × width (values in target units,
   * or class probabilities); padded n × steps × vocabulary probabilities.
   */
  async predictRaw(data: SequenceData, signal?: AbortSignal): Promise<Float32Array> {
    this.check(data);
    const head = this.net.spec.head;
    const perSample = data.mode === 'padded' ? data.steps * data.vocab.length : head === 'regression' ? 1 : (this.classes?.length ?? 2);
    const out = new Float32Array(data.n * perSample);
    for (let start = 0; start < data.n; start += PREDICT_CHUNK) {
      checkAborted(signal);
      const end = Math.min(data.n, start + PREDICT_CHUNK);
      const result = tf.tidy(() => {
        const raw = this.net.forward(sliceInputs(data, start, end));
        if (data.mode === 'padded') return tf.softmax(raw);
        if (head === 'regression') return raw.mul(this.yScale.std).add(this.yScale.mean);
        return headProbabilities(head, raw as tf.Tensor2D);
      });
      out.set((await result.data()) as Float32Array, start * perSample);
      result.dispose();
    }
    return out;
  }

  /**
   * Predictions with the aligned truth: one per window, or one per real
   * (non-padding) step of padded sequences, in sequence then step order.
   */
  async predictSequences(data: SequenceData, signal?: AbortSignal): Promise<SequencePrediction> {
    const raw = await this.predictRaw(data, signal);
    if (data.mode === 'windows') {
      if (this.task === 'regression') return { truth: [...data.y], prediction: { predictions: Array.from(raw) } };
      return { truth: [...data.y], prediction: argmaxRows(raw, data.n, this.classes ?? [0, 1]) };
    }
    const V = data.vocab.length;
    const truth: Scalar[] = [];
    const rows: number[] = [];
    for (let s = 0; s < data.n; s++) {
      for (let t = 0; t < data.lengths[s]; t++) {
        truth.push(data.vocab[data.targets[s * data.steps + t]]);
        rows.push(s * data.steps + t);
      }
    }
    const picked = new Float32Array(rows.length * V);
    rows.forEach((r, i) => picked.set(raw.subarray(r * V, (r + 1) * V), i * V));
    return { truth, prediction: argmaxRows(picked, rows.length, data.vocab) };
  }

  /** For the evaluate cell: a sequences value in, predictions and truth out. */
  async evaluateSequences(value: unknown, signal?: AbortSignal): Promise<SequencePrediction> {
    if (!isSequenceData(value)) throw CellError.coded('sequences.evaluateOnSequences', {}, { where: 'params.input' });
    return this.predictSequences(value, signal);
  }

  /** From a raw table: sequences are rebuilt with the training options, scaling and vocabulary. */
  async predict(table: ColumnTable, signal?: AbortSignal): Promise<Prediction> {
    const t = this.template;
    const data = t.mode === 'windows'
      ? buildWindows(table, t.options, t.scaling)
      : buildPadded(table, t.options, { vocab: t.vocab, scaling: t.scaling, steps: t.steps });
    const { prediction } = await this.predictSequences(data, signal);
    // A window's prediction belongs to its last row (buildWindows' index holds the table's own row numbers).
    return data.mode === 'windows' ? { ...prediction, rows: Array.from(data.index) } : prediction;
  }

  describe(): Record<string, unknown> {
    const s = this.net.spec;
    const t = this.template;
    return {
      modelType: this.modelType,
      task: this.task,
      target: this.target,
      features: [...this.features],
      parameters: this.disposed ? undefined : this.net.countParams(),
      ...(this.classes && t.mode === 'windows' ? { classes: [...this.classes] } : {}),
      sequences: { mode: t.mode, steps: t.steps, options: t.options, scaling: t.scaling, ...(t.mode === 'padded' ? { vocabulary: [...t.vocab] } : {}) },
      ...(s.kind === 'cnn1d' ? { filters: s.filters, kernelSize: s.kernelSize, pooling: s.pooling } : { units: s.units, recurrentDropout: s.recurrentDropout }),
      ...(t.mode === 'padded' ? { embeddingDim: s.embeddingDim } : { dense: s.dense }),
      dropout: s.dropout,
      seed: s.seed,
      ...this.training,
    };
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.net.dispose();
  }
}

function argmaxRows(p: Float32Array, rows: number, classes: readonly Scalar[]): Prediction {
  const k = classes.length;
  const probabilities: number[][] = [];
  const predictions: Scalar[] = [];
  for (let i = 0; i < rows; i++) {
    const row = Array.from(p.subarray(i * k, (i + 1) * k));
    let best = 0;
    for (let c = 1; c < k; c++) if (row[c] > row[best]) best = c;
    probabilities.push(row);
    predictions.push(classes[best]);
  }
  return { predictions, probabilities, classes: [...classes] };
}
