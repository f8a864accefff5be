// Saving trained models so they survive a reload: (de)serializers for the
// model classes the kernel holds, read through their public fields (and the
// TfjsModel's fitted scaling, which is private in TypeScript only), plus the
// bookkeeping the worker does with the store (save on a train cell's
// success, restore on opening a notebook).
import type { TrainedModel } from '../core/values.ts';
import type { Scalar } from '../core/outputs.ts';
import { tf } from '../ml/tf.ts';
import { TfjsModel } from '../ml/models/tfjs-model.ts';
import { buildNetwork, type NetworkSpec } from '../ml/models/network.ts';
import type { Scaler } from '../ml/models/scaler.ts';
import { TreeModel, type TreeModelJSON } from '../ml/trees/model.ts';
import { SequenceModel } from '../ml/models/sequence-model.ts';
import { SequenceNet, type SequenceSpec } from '../ml/models/sequence-net.ts';
import type { SequenceData } from '../ml/sequences/types.ts';

export interface SavedTfjsModel {
  format: 'ml-workbench/tfjs';
  version: 1;
  spec: NetworkSpec;
  target: string;
  features: string[];
  classes?: Scalar[];
  xScaler: { mean: Float64Array; std: Float64Array };
  yScale: { mean: number; std: number };
  training: Record<string, unknown>;
  /** Layer weights in net.getWeights() order. */
  weights: { shape: number[]; data: Float32Array }[];
}

/** LSTM/GRU/1D-CNN: the network spec, the sequences template (options, scaling, vocabulary; no data) and the weights. */
export interface SavedSequenceModel {
  format: 'ml-workbench/sequence';
  version: 1;
  spec: SequenceSpec;
  template: SequenceData;
  classes?: Scalar[];
  yScale: { mean: number; std: number };
  training: Record<string, unknown>;
  /** Trainable variables in SequenceNet.variables order. */
  weights: { shape: number[]; data: Float32Array }[];
}

export type SavedModel = SavedTfjsModel | SavedSequenceModel | TreeModelJSON;

/** JSON-safe copy of plain data (drops functions, turns typed arrays into objects only where JSON would). */
function plain<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Whether this model can be saved (tfjs dense networks, sequence networks and gradient-boosted trees). */
export function isSerializable(model: TrainedModel): boolean {
  return model instanceof TfjsModel || model instanceof SequenceModel || model instanceof TreeModel;
}

async function readWeights(tensors: readonly tf.Tensor[]): Promise<{ shape: number[]; data: Float32Array }[]> {
  return Promise.all(tensors.map(async (t) => ({ shape: [...t.shape], data: Float32Array.from((await t.data()) as Float32Array) })));
}

const weightBytes = (weights: { data: Float32Array }[]) => weights.reduce((n, w) => n + w.data.byteLength, 0);

/**
 * One serialization per trained model: a train cell's model is saved for the
 * notebook (restore on reload), as its run's artifact and maybe registered —
 * reading its weights (from the GPU) once serves all three. Trained models
 * never change, so the first result stays valid.
 */
const serialized = new WeakMap<TrainedModel, Promise<{ artifacts: SavedModel; size: number } | undefined>>();

export function serializeModel(model: TrainedModel): Promise<{ artifacts: SavedModel; size: number } | undefined> {
  let p = serialized.get(model);
  if (!p) {
    p = serializeNow(model);
    serialized.set(model, p);
    // A failed read (a model disposed meanwhile) is not remembered.
    p.catch(() => serialized.delete(model));
  }
  return p;
}

async function serializeNow(model: TrainedModel): Promise<{ artifacts: SavedModel; size: number } | undefined> {
  if (model instanceof TreeModel) {
    const artifacts = model.toJSON();
    return { artifacts, size: JSON.stringify(artifacts).length };
  }
  if (model instanceof SequenceModel) {
    // Private in TypeScript only: the fitted sequences template, target scale and training summary.
    const internals = model as unknown as { template: SequenceData; yScale: { mean: number; std: number }; training: Record<string, unknown> };
    const weights = await readWeights(model.net.variables);
    const artifacts: SavedSequenceModel = {
      format: 'ml-workbench/sequence',
      version: 1,
      spec: plain(model.net.spec),
      // Typed arrays of the template are empty (no training data is kept); structured clone keeps the rest.
      template: internals.template,
      ...(model.classes ? { classes: [...model.classes] } : {}),
      yScale: { ...internals.yScale },
      training: plain(internals.training ?? {}),
      weights,
    };
    return { artifacts, size: weightBytes(weights) + JSON.stringify({ ...artifacts, weights: [] }).length };
  }
  if (model instanceof TfjsModel) {
    const internals = model as unknown as { xScaler: Scaler; yScale: { mean: number; std: number }; training: Record<string, unknown> };
    const tensors = model.net.getWeights();
    const weights = await Promise.all(tensors.map(async (t) => ({ shape: [...t.shape], data: Float32Array.from((await t.data()) as Float32Array) })));
    const artifacts: SavedTfjsModel = {
      format: 'ml-workbench/tfjs',
      version: 1,
      spec: plain(model.spec),
      target: model.target,
      features: [...model.features],
      ...(model.classes ? { classes: [...model.classes] } : {}),
      xScaler: { mean: Float64Array.from(internals.xScaler.mean), std: Float64Array.from(internals.xScaler.std) },
      yScale: { ...internals.yScale },
      training: plain(internals.training ?? {}),
      weights,
    };
    const size = weights.reduce((n, w) => n + w.data.byteLength, 0) + (artifacts.xScaler.mean.byteLength * 2) + JSON.stringify({ ...artifacts, weights: [], xScaler: null }).length;
    return { artifacts, size };
  }
  return undefined;
}

export function deserializeModel(artifacts: SavedModel): TrainedModel {
  if (artifacts.format === 'ml-workbench/gbdt') return TreeModel.fromJSON(artifacts);
  if (artifacts.format === 'ml-workbench/sequence' && artifacts.version === 1) {
    const net = new SequenceNet(artifacts.spec);
    const variables = net.variables;
    if (variables.length !== artifacts.weights.length) {
      net.dispose();
      throw new Error(`The saved ${artifacts.spec.kind} model has ${artifacts.weights.length} weight arrays, its network ${variables.length}.`);
    }
    variables.forEach((v, i) => {
      const w = artifacts.weights[i];
      tf.tidy(() => v.assign(tf.tensor(w.data, w.shape)));
    });
    return new SequenceModel({
      net,
      template: artifacts.template,
      ...(artifacts.classes ? { classes: artifacts.classes } : {}),
      yScale: artifacts.yScale,
      training: artifacts.training,
    });
  }
  if (artifacts.format === 'ml-workbench/tfjs' && artifacts.version === 1) {
    const net = buildNetwork(artifacts.spec);
    const tensors = artifacts.weights.map((w) => tf.tensor(w.data, w.shape));
    try {
      net.setWeights(tensors);
    } finally {
      for (const t of tensors) t.dispose();
    }
    return new TfjsModel({
      spec: artifacts.spec,
      net,
      target: artifacts.target,
      features: artifacts.features,
      ...(artifacts.classes ? { classes: artifacts.classes } : {}),
      xScaler: { mean: Float64Array.from(artifacts.xScaler.mean), std: Float64Array.from(artifacts.xScaler.std) },
      yScale: artifacts.yScale,
      training: artifacts.training,
    });
  }
  throw new Error(`Unknown saved model format "${(artifacts as { format?: string }).format}".`);
}
