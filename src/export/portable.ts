// A trained model as files other tools read:
// - boosted trees: XGBoost's JSON model (model.json, see xgboost.ts);
// - dense tfjs networks: a TensorFlow.js layers model (model.json with the
//   topology and weights manifest, weights.bin), which tf.loadLayersModel
//   reads (and tensorflowjs_converter turns into Keras);
// and beside either, model.meta.json: target, feature order, classes, and
// the fitted input scaling the network expects (z = (x - mean) / std);
// and preprocessing.json (preprocessing.ts): the fitted transforms from a raw
// row to the model's input.
import type { TrainedModel } from '../core/values.ts';
import { tf } from '../ml/tf.ts';
import { TfjsModel } from '../ml/models/tfjs-model.ts';
import { TreeModel } from '../ml/trees/model.ts';
import { SequenceModel } from '../ml/models/sequence-model.ts';
import type { Scaler } from '../ml/models/scaler.ts';
import type { ZipEntry } from './zip.ts';
import { toXgboostJsonText, xgboostSidecar } from './xgboost.ts';
import { preprocessingJson, type ModelLineage } from './preprocessing.ts';
import { sequenceModelFiles } from './sequence-files.ts';

const NO_LINEAGE: ModelLineage = { transforms: [], path: [], complete: false };

export const PORTABLE_META_FORMAT = 'ml-workbench/portable-model';
/** Bumped when model.meta.json changes in a way an older reader would misread (portable-load.ts refuses newer ones). */
export const PORTABLE_META_VERSION = 1;

/**
 * The files of a model in a portable format, or undefined for a kind that has
 * none yet (ensembles, text models). Sequence models: their weights and
 * sequences settings (sequence-files.ts). `lineage`: the fitted transforms its training
 * table went through (modelLineage), for preprocessing.json.
 */
/**
 * Each split's exact float64 threshold, per tree in model.json's order
 * (null: a leaf, or the split of missing against every value), so the
 * workbench reloads the trees bit for bit (xgboost-load.ts); XGBoost's own
 * split_conditions are float32.
 */
function splitThresholds(model: TreeModel): (number | null)[][] {
  return model.ensemble.trees.flatMap((round) => round.map((t) => Array.from(t.threshold, (v, k) => (t.left[k] < 0 || !Number.isFinite(v) ? null : v))));
}

export async function portableModelFiles(model: TrainedModel, lineage: ModelLineage = NO_LINEAGE): Promise<ZipEntry[] | undefined> {
  if (model instanceof TreeModel) {
    return [
      { name: 'model.json', data: toXgboostJsonText(model) },
      { name: 'model.meta.json', data: JSON.stringify({ ...xgboostSidecar(model), format: PORTABLE_META_FORMAT, version: PORTABLE_META_VERSION, kind: 'xgboost', splitThresholds: splitThresholds(model) }) },
      { name: 'preprocessing.json', data: JSON.stringify(preprocessingJson(model, 'xgboost', lineage), null, 2) },
    ];
  }
  if (model instanceof SequenceModel) return sequenceModelFiles(model, lineage);
  if (model instanceof TfjsModel) {
    let saved: tf.io.ModelArtifacts | undefined;
    await model.net.save(tf.io.withSaveHandler(async (artifacts) => {
      saved = artifacts;
      return { modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON' } };
    }));
    if (!saved?.weightData || !saved.weightSpecs) throw new Error('tfjs returned no weights for this model.');
    const weights = new Uint8Array(tf.io.concatenateArrayBuffers(Array.isArray(saved.weightData) ? saved.weightData : [saved.weightData]));
    const modelJson = {
      format: 'layers-model',
      generatedBy: `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
      convertedBy: null,
      modelTopology: saved.modelTopology,
      weightsManifest: [{ paths: ['weights.bin'], weights: saved.weightSpecs }],
    };
    // The fitted scaling is private in TypeScript only; the saved-models code reads it the same way.
    const { xScaler, yScale } = model as unknown as { xScaler: Scaler; yScale: { mean: number; std: number } };
    const meta = {
      format: PORTABLE_META_FORMAT,
      version: PORTABLE_META_VERSION,
      kind: 'tfjs-layers',
      modelType: model.modelType,
      target: model.target,
      task: model.task,
      head: model.spec.head,
      features: [...model.features],
      classes: model.classes ? [...model.classes] : null,
      inputScaling: { mean: Array.from(xScaler.mean), std: Array.from(xScaler.std) },
      outputScaling: yScale,
      note: 'Inputs: the features in this order, scaled as (x - mean) / std. Outputs: logits (binary: one, sigmoid gives the second class; multiclass: softmax over classes) or, for regression, value * outputScaling.std + outputScaling.mean.',
    };
    return [
      { name: 'model.json', data: JSON.stringify(modelJson) },
      { name: 'weights.bin', data: weights },
      { name: 'model.meta.json', data: JSON.stringify(meta, null, 2) },
      { name: 'preprocessing.json', data: JSON.stringify(preprocessingJson(model, 'tfjs-layers', lineage, { head: model.spec.head, inputScaling: meta.inputScaling, outputScaling: yScale }), null, 2) },
    ];
  }
  return undefined;
}
