// A sequence model (LSTM, GRU, 1D-CNN) as files: its layers and weights
// (weights.json + weights.bin, the tfjs weights-manifest convention: float32
// little endian, row-major, in the manifest's order) and, in
// preprocessing.json, how a raw table becomes its input: the sequences
// settings (windows or padded), the fitted per-feature scaling and, for
// padded sequences, the state vocabulary (token → index). The network is
// not a tfjs layers model (the workbench steps its recurrent and causal
// layers itself), so there is no model.json; model.meta.json says so, and
// a predict cell loads it back with sequence-load.ts.
import type { Scalar } from '../core/outputs.ts';
import type { SequenceModel } from '../ml/models/sequence-model.ts';
import type { SequenceData } from '../ml/sequences/types.ts';
import type { ZipEntry } from './zip.ts';
import { PORTABLE_META_FORMAT, PORTABLE_META_VERSION } from './portable.ts';
import { PREPROCESSING_FORMAT, PREPROCESSING_VERSION, type ModelLineage } from './preprocessing.ts';

export const SEQUENCE_KIND = 'sequence-weights';

interface WeightSpec { name: string; shape: number[]; dtype: 'float32' }

/** The layers (class, the config tfjs gives it, its weights' names) and all weights in one buffer. */
function layersAndWeights(model: SequenceModel): { layers: Record<string, unknown>[]; specs: WeightSpec[]; bytes: Uint8Array } {
  const specs: WeightSpec[] = [];
  const parts: Float32Array[] = [];
  const layers = model.net.layerList().map(({ layer, convPadding }) => {
    const names: string[] = [];
    const values = layer.getWeights();
    layer.weights.forEach((w, k) => {
      const value = values[k];
      specs.push({ name: w.name, shape: [...value.shape], dtype: 'float32' });
      parts.push(value.dataSync() as Float32Array);
      names.push(w.name);
    });
    return { className: layer.getClassName(), config: layer.getConfig(), weights: names, ...(convPadding ? { convPadding } : {}) };
  });
  const total = parts.reduce((s, p) => s + p.length, 0);
  const all = new Float32Array(total);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  // Float32Array bytes are the platform's order: little endian on every platform the workbench runs on.
  return { layers, specs, bytes: new Uint8Array(all.buffer) };
}

/** The files of a sequence model's download. */
export function sequenceModelFiles(model: SequenceModel, lineage: ModelLineage): ZipEntry[] {
  // The training sequences' settings and fitted state are private in TypeScript only.
  const { template, yScale } = model as unknown as { template: SequenceData; yScale: { mean: number; std: number } };
  const { layers, specs, bytes } = layersAndWeights(model);
  const head = model.net.spec.head;
  const vocabulary = template.mode === 'padded' ? Object.fromEntries(template.vocab.map((token, i) => [token, i])) : undefined;
  const classes: Scalar[] | null = template.mode === 'padded' ? [...template.vocab] : model.classes ? [...model.classes] : null;
  const sequences = {
    mode: template.mode,
    steps: template.steps,
    options: template.options,
    scaling: template.scaling,
    ...(vocabulary ? { vocabulary, pad: '<PAD>', unknown: '<UNK>' } : {}),
  };
  const meta = {
    format: PORTABLE_META_FORMAT,
    version: PORTABLE_META_VERSION,
    kind: SEQUENCE_KIND,
    modelType: model.modelType,
    target: model.target,
    task: model.task,
    head,
    features: [...model.features],
    classes,
    note: 'Layers and weights in weights.json + weights.bin; how a table becomes sequences in preprocessing.json. A predict cell loads the zip back.',
  };
  const preprocessing = {
    format: PREPROCESSING_FORMAT,
    version: PREPROCESSING_VERSION,
    model: { file: 'weights.json', kind: SEQUENCE_KIND, modelType: model.modelType, task: model.task, target: model.target },
    transforms: lineage.transforms,
    lineage: { complete: lineage.complete, path: lineage.path },
    features: [...template.features],
    featureMatrix: { dtype: 'float32', booleans: 'true is 1, false is 0', missing: 'refused' },
    sequences,
    network: { head, outputScaling: yScale },
    classes,
    note: template.mode === 'windows'
      ? 'Rows grouped by options.group (groups in order of first appearance), sorted by options.time within a group (stable); each window is options.steps consecutive rows of the features, scaled (x - scaling.offset) / scaling.scale; its target is options.horizon rows after its last row.'
      : 'One sequence per options.group, sorted by options.time; step t is the state index (sequences.vocabulary, <UNK> for unseen states) and the scaled features of row t; padded with <PAD> (0) at the end to sequences.steps; outputs: softmax over classes (the vocabulary) at each step, the next state.',
  };
  const weightsJson = { layers, weightsManifest: [{ paths: ['weights.bin'], weights: specs }] };
  return [
    { name: 'weights.json', data: JSON.stringify(weightsJson, null, 2) },
    { name: 'weights.bin', data: bytes },
    { name: 'model.meta.json', data: JSON.stringify(meta, null, 2) },
    { name: 'preprocessing.json', data: JSON.stringify(preprocessing, null, 2) },
  ];
}
