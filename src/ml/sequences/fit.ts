// From sequences to a trained SequenceModel: encode the target, build the
// network, and run the shared training loop with a sequence LoopTask.
import type { Scalar } from '../../core/outputs.ts';
import type { Task } from '../../core/values.ts';
import { CellError } from '../../core/errors.ts';
import { tf } from '../tf.ts';
import { detectTaskFromValues } from '../features.ts';
import { labelKey, sortedLabels } from '../metrics/labels.ts';
import { resolveClassWeights, type ClassWeightSpec } from '../controls.ts';
import { headLoss, weightedHeadLoss, type Head } from '../models/network.ts';
import { SequenceNet, type Pooling, type SequenceKind, type SequenceSpec } from '../models/sequence-net.ts';
import { SequenceModel } from '../models/sequence-model.ts';
import { trainLoop, type LoopTask, type TrainConfig, type TrainHooks, type TrainResult } from '../train.ts';
import { gatherInputs, maskedStepLoss, sliceInputs } from './tensors.ts';
import { sequenceValidation } from './validation.ts';
import type { PaddedSequences, SequenceData, WindowSequences } from './types.ts';

export interface SequenceFitOptions extends Omit<TrainConfig, 'classWeight'> {
  model: SequenceKind;
  task?: Task | 'auto';
  units?: number[];
  filters?: number[];
  kernelSize?: number;
  pooling?: Pooling;
  dense?: number[];
  recurrentDropout?: number;
  embeddingDim?: number;
  classWeight?: ClassWeightSpec;
  classWeightCap?: number;
}

export interface SequenceFitHooks {
  validation?: SequenceData;
  onProgress?: TrainHooks['onProgress'];
  signal?: AbortSignal;
  progressIntervalMs?: number;
}

interface Encoded {
  head: Head;
  y: Float32Array;
  classes?: Scalar[];
  yScale?: { mean: number; std: number };
  counts?: number[];
}

function encodeWindows(data: WindowSequences, task: Task, classes?: Scalar[], yScale?: { mean: number; std: number }): Encoded {
  if (task === 'regression') {
    const raw = data.y.map((v, i) => {
      if (typeof v !== 'number') throw CellError.coded('sequences.targetNotNumber', { target: data.options.target, value: JSON.stringify(v), window: i + 1 }, { where: 'params.task' });
      return v;
    });
    let scale = yScale;
    if (!scale) {
      const mean = raw.reduce((s, v) => s + v, 0) / raw.length;
      const std = Math.sqrt(raw.reduce((s, v) => s + (v - mean) ** 2, 0) / raw.length);
      scale = { mean, std: std > 1e-12 ? std : 1 };
    }
    const s = scale;
    return { head: 'regression', y: Float32Array.from(raw, (v) => (v - s.mean) / s.std), yScale: s };
  }
  const cls = classes ?? sortedLabels(data.y);
  if (cls.length < 2) throw CellError.coded('sequences.oneClass', { target: data.options.target }, { where: 'params.target' });
  const index = new Map(cls.map((c, i) => [labelKey(c), i]));
  const counts = new Array<number>(cls.length).fill(0);
  const y = Float32Array.from(data.y, (v) => {
    const k = index.get(labelKey(v));
    if (k === undefined) throw CellError.coded('sequences.unknownClass', { value: JSON.stringify(v) }, { where: 'params.validation' });
    counts[k]++;
    return k;
  });
  return { head: cls.length === 2 ? 'binary' : 'multiclass', y, classes: cls, counts };
}

/**
 * Train a sequence model on the active backend. A 1D-CNN convolves with
 * im2col + matMul (models/conv1d.ts), so it trains on WASM too.
 */
export async function fitSequenceModel(train: SequenceData, options: SequenceFitOptions, hooks: SequenceFitHooks = {}): Promise<{ model: SequenceModel; result: TrainResult }> {
  const val = hooks.validation;
  if (val && val.mode !== train.mode) throw CellError.coded('sequences.modeMismatch', { validation: val.mode, training: train.mode }, { where: 'params.validation' });
  let enc: Encoded;
  let valEnc: Encoded | undefined;
  if (train.mode === 'windows') {
    const task = !options.task || options.task === 'auto' ? detectTaskFromValues(train.y) : options.task;
    enc = encodeWindows(train, task);
    if (val?.mode === 'windows') valEnc = encodeWindows(val, task, enc.classes, enc.yScale);
  } else {
    const counts = new Array<number>(train.vocab.length).fill(0);
    for (let i = 0; i < train.targets.length; i++) if (train.targets[i] > 0) counts[train.targets[i]]++;
    enc = { head: 'multiclass', y: new Float32Array(0), classes: [...train.vocab], counts };
  }
  if (enc.head === 'regression' && options.classWeight && options.classWeight !== 'none') {
    throw CellError.coded('classWeight.sequencesClassificationOnly', {}, { where: 'params.classWeight' });
  }
  const labels = (enc.classes ?? []).map((c) => String(c));
  const classWeight = enc.counts ? resolveClassWeights(options.classWeight, enc.counts, labels, options.classWeightCap) : undefined;

  const spec: SequenceSpec = {
    kind: options.model, mode: train.mode, head: enc.head, features: train.features.length, steps: train.steps,
    classes: enc.classes?.length, units: options.units ?? [32], filters: options.filters ?? [32], kernelSize: options.kernelSize ?? 3,
    pooling: options.pooling ?? 'max', dense: options.dense ?? [], dropout: options.dropout ?? 0, recurrentDropout: options.recurrentDropout ?? 0,
    vocab: train.mode === 'padded' ? train.vocab.length : undefined, embeddingDim: options.embeddingDim ?? 16, seed: options.seed,
  };
  const net = new SequenceNet(spec);
  const scale = enc.yScale ? enc.yScale.std ** 2 : 1;
  const owned: tf.Tensor[] = [];
  const keep = <T extends tf.Tensor>(t: T): T => (owned.push(t), t);
  try {
    const inputs = sliceInputs(train);
    keep(inputs.numeric);
    if (inputs.states) keep(inputs.states);
    const weights = classWeight ? keep(tf.tensor1d(classWeight)) : undefined;
    const classes = enc.classes?.length ?? 2;
    // Each batch is gathered outside the gradient tape (see LoopTask.batch).
    let batch: LoopTask['batch'];
    if (train.mode === 'padded') {
      const targets = keep(tf.tensor2d(train.targets, [train.n, train.steps], 'int32'));
      batch = (idx, seed) => {
        const xb = gatherInputs(inputs, idx);
        const yb = tf.gather(targets, idx) as tf.Tensor2D;
        return () => maskedStepLoss(net.forward(xb, seed), yb, weights);
      };
    } else {
      const yAll = keep(tf.tensor1d(enc.y));
      batch = (idx, seed) => {
        const xb = gatherInputs(inputs, idx);
        const yb = tf.gather(yAll, idx) as tf.Tensor1D;
        return () => {
          const out = net.forward(xb, seed) as tf.Tensor2D;
          return weights ? weightedHeadLoss(enc.head, out, yb, classes, weights) : headLoss(enc.head, out, yb, classes);
        };
      };
    }
    const task: LoopTask = {
      rows: train.n, variables: net.variables, kernels: net.kernels, batch,
      validate: val ? () => sequenceValidation(net, val as PaddedSequences | WindowSequences, enc.head, valEnc?.y, scale) : undefined,
    };
    const config: TrainConfig = { ...options, classWeight };
    const result = await trainLoop(task, config, { onProgress: hooks.onProgress, signal: hooks.signal, progressIntervalMs: hooks.progressIntervalMs, lossScale: scale });
    const model = new SequenceModel({
      net, template: stripData(train), classes: train.mode === 'windows' ? enc.classes : undefined, yScale: enc.yScale,
      training: {
        optimizer: options.optimizer, learningRate: options.learningRate, epochs: result.history.length, batchSize: options.batchSize,
        ...(classWeight ? { classWeight } : {}), ...(options.clipNorm ? { clipNorm: options.clipNorm } : {}),
        ...(result.bestEpoch ? { bestEpoch: result.bestEpoch } : {}),
      },
    });
    return { model, result };
  } catch (error) {
    net.dispose();
    throw error;
  } finally {
    owned.forEach((t) => t.dispose());
  }
}

/** The model keeps the sequences' shape and fitted state, not the training data. */
function stripData(d: SequenceData): SequenceData {
  if (d.mode === 'windows') return { ...d, n: 0, X: new Float32Array(0), y: [], index: new Int32Array(0), groups: undefined };
  return { ...d, n: 0, states: new Int32Array(0), numeric: new Float32Array(0), targets: new Int32Array(0), lengths: new Int32Array(0), groups: [] };
}
