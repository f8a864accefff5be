// A model file uploaded into a predict cell, read back into a TrainedModel:
// - the saved-models list's zip (portable.ts), by model.meta.json's kind:
//   a TensorFlow.js layers model (linear, logistic, MLP; tf.loadLayersModel
//   from the zip's bytes in memory, with the meta file's features, classes
//   and input scaling), boosted trees in XGBoost's JSON (xgboost-load.ts),
//   or a sequence model's weights (sequence-load.ts);
// - a bare XGBoost JSON model written by Python (xgboost-load.ts).
// Every refusal is a catalogued error saying what is wrong with the file.
import type { Scalar } from '../core/outputs.ts';
import type { TrainedModel } from '../core/values.ts';
import { tf } from '../ml/tf.ts';
import { TfjsModel } from '../ml/models/tfjs-model.ts';
import type { Head, ModelKind, NetworkSpec, Activation } from '../ml/models/network.ts';
import { PORTABLE_META_FORMAT, PORTABLE_META_VERSION } from './portable.ts';
import { SEQUENCE_KIND } from './sequence-files.ts';
import { looksLikeZip, readZip } from './unzip.ts';
import { entry, finiteNumbers, isObject, jsonPart, parseObject, refuse, strings } from './portable-files.ts';
import { xgboostModelFromJson } from './xgboost-load.ts';
import { sequenceModelFromFiles } from './sequence-load.ts';

const HEADS: readonly Head[] = ['regression', 'binary', 'multiclass'];
const KINDS: readonly ModelKind[] = ['linear', 'logistic', 'mlp'];

/** The trained model in an uploaded model file, ready to predict. `label` names the file in messages. */
export async function loadPortableModel(bytes: Uint8Array, label: string): Promise<TrainedModel> {
  if (!looksLikeZip(bytes)) {
    // Not a zip: an XGBoost JSON model saved by Python is the one bare file a predict cell reads.
    const json = parseObject(bytes);
    if (json && isObject(json.learner)) return xgboostModelFromJson(json, undefined, label);
    throw refuse('modelFile.notModel', label);
  }
  let files: Map<string, Uint8Array>;
  try {
    files = readZip(bytes);
  } catch (error) {
    throw refuse('modelFile.unreadable', label, { detail: error instanceof Error ? error.message : String(error) });
  }
  if (!entry(files, 'model.meta.json')) throw refuse('modelFile.noMeta', label);
  const meta = jsonPart(files, 'model.meta.json', label);
  if (meta.format !== PORTABLE_META_FORMAT) throw refuse('modelFile.notWorkbenchMeta', label, { format: String(meta.format) });
  const version = meta.version ?? 1;
  if (typeof version !== 'number' || version > PORTABLE_META_VERSION) {
    throw refuse('modelFile.newer', label, { version: String(version), supported: PORTABLE_META_VERSION });
  }
  if (meta.kind === 'xgboost') return xgboostModelFromJson(jsonPart(files, 'model.json', label), meta, label);
  if (meta.kind === SEQUENCE_KIND) return sequenceModelFromFiles(files, meta, label);
  if (meta.kind !== 'tfjs-layers') throw refuse('modelFile.unknownKind', label, { kind: String(meta.kind) });
  return layersModel(files, meta, label);
}

/** A dense network (linear, logistic, MLP) from its TensorFlow.js layers model and model.meta.json. */
async function layersModel(files: Map<string, Uint8Array>, meta: Record<string, unknown>, label: string): Promise<TfjsModel> {
  const features = meta.features;
  if (!strings(features) || features.length === 0) throw refuse('modelFile.badMeta', label, { detail: 'no features (the input columns in order)' });
  const head = meta.head as Head;
  if (!HEADS.includes(head)) throw refuse('modelFile.badMeta', label, { detail: 'no valid head (regression, binary or multiclass)' });
  const classes = meta.classes;
  if (head !== 'regression' && (!Array.isArray(classes) || classes.length < 2)) throw refuse('modelFile.badMeta', label, { detail: 'a classifier without its classes' });
  const scaling = meta.inputScaling as { mean?: unknown; std?: unknown } | undefined;
  if (!scaling || !finiteNumbers(scaling.mean, features.length) || !finiteNumbers(scaling.std, features.length)) {
    throw refuse('modelFile.badMeta', label, { detail: `no input scaling (a mean and a std per feature, ${features.length} each)` });
  }
  const out = meta.outputScaling as { mean?: unknown; std?: unknown } | undefined;
  const yScale = out && typeof out.mean === 'number' && typeof out.std === 'number' ? { mean: out.mean, std: out.std } : { mean: 0, std: 1 };

  const modelJson = jsonPart(files, 'model.json', label);
  const manifest = modelJson.weightsManifest as { paths?: unknown; weights?: unknown }[] | undefined;
  if (!modelJson.modelTopology || !Array.isArray(manifest)) throw refuse('modelFile.notLayersModel', label, { detail: 'no modelTopology or weightsManifest' });
  const weightSpecs: tf.io.WeightsManifestEntry[] = [];
  const parts: Uint8Array[] = [];
  for (const group of manifest) {
    if (!Array.isArray(group.paths) || !Array.isArray(group.weights)) throw refuse('modelFile.notLayersModel', label, { detail: 'a damaged weightsManifest' });
    weightSpecs.push(...(group.weights as tf.io.WeightsManifestEntry[]));
    for (const path of group.paths) {
      const part = entry(files, String(path));
      if (!part) throw refuse('modelFile.missingPart', label, { part: String(path) });
      parts.push(part);
    }
  }
  const weightData = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (weightData.set(p, at), at + p.length), 0);

  let net: tf.LayersModel;
  try {
    net = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: modelJson.modelTopology as object, weightSpecs, weightData: weightData.buffer }));
  } catch (error) {
    throw refuse('modelFile.rebuildFailed', label, { detail: error instanceof Error ? error.message : String(error) });
  }
  const units = net.layers.map((l) => (l.getConfig() as { units?: unknown }).units);
  const inputs = net.inputs[0]?.shape[1];
  const outputs = head === 'multiclass' ? (classes as unknown[]).length : 1;
  if (!(net instanceof tf.Sequential) || !units.every((u) => typeof u === 'number') || inputs !== features.length || units.at(-1) !== outputs) {
    net.dispose();
    throw refuse('modelFile.networkMismatch', label, { inputs: features.length, outputs });
  }
  const hidden = (units as number[]).slice(0, -1);
  const kind = KINDS.includes(meta.modelType as ModelKind) ? (meta.modelType as ModelKind) : hidden.length ? 'mlp' : head === 'regression' ? 'linear' : 'logistic';
  const activation = (net.layers[0].getConfig() as { activation?: unknown }).activation;
  const spec: NetworkSpec = {
    kind, head, inputs: features.length, seed: 0,
    ...(head === 'multiclass' ? { classes: outputs } : {}),
    ...(kind === 'mlp' ? { hidden, activation: (typeof activation === 'string' ? activation : 'relu') as Activation } : {}),
  };
  return new TfjsModel({
    spec,
    net,
    target: typeof meta.target === 'string' ? meta.target : 'target',
    features,
    ...(head !== 'regression' ? { classes: classes as Scalar[] } : {}),
    xScaler: { mean: Float64Array.from(scaling.mean), std: Float64Array.from(scaling.std) },
    yScale,
    training: { loadedFrom: label },
  });
}
