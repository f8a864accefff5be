// A portable model zip (portable.ts: model.json + weights.bin +
// model.meta.json, as the saved-models list downloads it) read back into a
// TrainedModel for the predict cell: tf.loadLayersModel from the zip's bytes
// in memory, with the features, classes and input scaling of the meta file.
// Every refusal says what is wrong with the file and what to do.
import type { Scalar } from '../core/outputs.ts';
import { tf } from '../ml/tf.ts';
import { TfjsModel } from '../ml/models/tfjs-model.ts';
import type { Head, ModelKind, NetworkSpec, Activation } from '../ml/models/network.ts';
import { PORTABLE_META_FORMAT, PORTABLE_META_VERSION } from './portable.ts';
import { looksLikeZip, readZip } from './unzip.ts';

const HEADS: readonly Head[] = ['regression', 'binary', 'multiclass'];
const KINDS: readonly ModelKind[] = ['linear', 'logistic', 'mlp'];
const DOWNLOAD_AGAIN = 'Download the model again with the download button of the saved-models list and upload that zip as it is.';

/** One file of the archive by name, at its top or inside one folder (a student who unzipped and re-zipped it). */
function entry(files: Map<string, Uint8Array>, name: string): Uint8Array | undefined {
  const hits = [...files].filter(([path]) => path === name || path.split('/').pop() === name);
  return hits.length === 1 ? hits[0][1] : files.get(name);
}

function json(bytes: Uint8Array, name: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new Error(`${name} in it is not a JSON object.`);
}

const numbers = (v: unknown, n: number): v is number[] => Array.isArray(v) && v.length === n && v.every((x) => typeof x === 'number' && Number.isFinite(x));

/** The trained network in a portable model zip, ready to predict. `label` names the file in messages. */
export async function loadPortableModel(bytes: Uint8Array, label: string): Promise<TfjsModel> {
  if (!looksLikeZip(bytes)) throw new Error(`"${label}" is not a model zip (a ZIP archive holding model.json, weights.bin and model.meta.json). ${DOWNLOAD_AGAIN}`);
  let files: Map<string, Uint8Array>;
  try {
    files = readZip(bytes);
  } catch (error) {
    throw new Error(`"${label}" cannot be read: ${error instanceof Error ? error.message : String(error)}. ${DOWNLOAD_AGAIN}`);
  }
  const metaBytes = entry(files, 'model.meta.json');
  if (!metaBytes) throw new Error(`"${label}" has no model.meta.json, so the feature order and input scaling are unknown: it is not a model downloaded from the workbench. ${DOWNLOAD_AGAIN}`);
  const meta = json(metaBytes, 'model.meta.json');
  if (meta.format !== PORTABLE_META_FORMAT) throw new Error(`model.meta.json in "${label}" is not a workbench model description (format "${String(meta.format)}", expected "${PORTABLE_META_FORMAT}").`);
  const version = meta.version ?? 1;
  if (typeof version !== 'number' || version > PORTABLE_META_VERSION) {
    throw new Error(`"${label}" was written by a newer workbench (model format version ${String(version)}; this one reads up to ${PORTABLE_META_VERSION}). Open it in the newer workbench, or train the model here.`);
  }
  if (meta.kind === 'xgboost') throw new Error(`"${label}" holds boosted trees in XGBoost's format, for Python (xgboost.Booster().load_model); a predict cell loads only networks (linear, logistic, MLP). Train the trees in this notebook instead.`);
  if (meta.kind !== 'tfjs-layers') throw new Error(`"${label}" holds a model of kind "${String(meta.kind)}", which a predict cell cannot load.`);

  const features = meta.features;
  if (!Array.isArray(features) || features.length === 0 || !features.every((f) => typeof f === 'string')) {
    throw new Error(`model.meta.json in "${label}" lists no features (the input columns in order). ${DOWNLOAD_AGAIN}`);
  }
  const head = meta.head as Head;
  if (!HEADS.includes(head)) throw new Error(`model.meta.json in "${label}" has no valid head (regression, binary or multiclass).`);
  const classes = meta.classes;
  if (head !== 'regression' && (!Array.isArray(classes) || classes.length < 2)) throw new Error(`model.meta.json in "${label}" is a classifier without its classes.`);
  const scaling = meta.inputScaling as { mean?: unknown; std?: unknown } | undefined;
  if (!scaling || !numbers(scaling.mean, features.length) || !numbers(scaling.std, features.length)) {
    throw new Error(`model.meta.json in "${label}" lacks the input scaling (a mean and a std per feature, ${features.length} each).`);
  }
  const out = meta.outputScaling as { mean?: unknown; std?: unknown } | undefined;
  const yScale = out && typeof out.mean === 'number' && typeof out.std === 'number' ? { mean: out.mean, std: out.std } : { mean: 0, std: 1 };

  const modelBytes = entry(files, 'model.json');
  if (!modelBytes) throw new Error(`"${label}" has no model.json (the network's layers). ${DOWNLOAD_AGAIN}`);
  const modelJson = json(modelBytes, 'model.json');
  const manifest = modelJson.weightsManifest as { paths?: unknown; weights?: unknown }[] | undefined;
  if (!modelJson.modelTopology || !Array.isArray(manifest)) throw new Error(`model.json in "${label}" is not a TensorFlow.js layers model (no modelTopology or weightsManifest).`);
  const weightSpecs: tf.io.WeightsManifestEntry[] = [];
  const parts: Uint8Array[] = [];
  for (const group of manifest) {
    if (!Array.isArray(group.paths) || !Array.isArray(group.weights)) throw new Error(`model.json in "${label}" has a damaged weightsManifest.`);
    weightSpecs.push(...(group.weights as tf.io.WeightsManifestEntry[]));
    for (const path of group.paths) {
      const part = entry(files, String(path));
      if (!part) throw new Error(`"${label}" lacks the weights file "${String(path)}" that model.json names. ${DOWNLOAD_AGAIN}`);
      parts.push(part);
    }
  }
  const weightData = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (weightData.set(p, at), at + p.length), 0);

  let net: tf.LayersModel;
  try {
    net = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: modelJson.modelTopology as object, weightSpecs, weightData: weightData.buffer }));
  } catch (error) {
    throw new Error(`TensorFlow.js could not rebuild the network in "${label}": ${error instanceof Error ? error.message : String(error)}`);
  }
  const units = net.layers.map((l) => (l.getConfig() as { units?: unknown }).units);
  const inputs = net.inputs[0]?.shape[1];
  const outputs = head === 'multiclass' ? (classes as unknown[]).length : 1;
  if (!(net instanceof tf.Sequential) || !units.every((u) => typeof u === 'number') || inputs !== features.length || units.at(-1) !== outputs) {
    net.dispose();
    throw new Error(`The network in "${label}" does not match its model.meta.json: it should be a stack of dense layers taking ${features.length} inputs and giving ${outputs} output${outputs === 1 ? '' : 's'}.`);
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
    features: features as string[],
    ...(head !== 'regression' ? { classes: classes as Scalar[] } : {}),
    xScaler: { mean: Float64Array.from(scaling.mean), std: Float64Array.from(scaling.std) },
    yScale,
    training: { loadedFrom: label },
  });
}
