// Trained models as portable files (src/export/portable.ts): a dense tfjs
// network as a TensorFlow.js layers model (model.json + weights.bin) that
// tf.loadLayersModel reads back and predicts with exactly as the workbench
// does (with the scaling in model.meta.json); boosted trees as XGBoost JSON
// (its predictions are checked against python3-xgboost in xgboost.test.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../src/ml/backend.ts';
import { fitModel, fitTreeModel } from '../../src/ml/fit.ts';
import { tf } from '../../src/ml/tf.ts';
import { portableModelFiles } from '../../src/export/portable.ts';
import { blobs, line } from '../ml/synthetic.ts';

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

const text = (data: Uint8Array | string) => (typeof data === 'string' ? data : new TextDecoder().decode(data));

async function loadBack(files: { name: string; data: Uint8Array | string }[]) {
  const byName = new Map(files.map((f) => [f.name, f.data]));
  const modelJson = JSON.parse(text(byName.get('model.json')!));
  const weights = byName.get('weights.bin') as Uint8Array;
  const meta = JSON.parse(text(byName.get('model.meta.json')!));
  const net = await tf.loadLayersModel(tf.io.fromMemory({
    modelTopology: modelJson.modelTopology,
    weightSpecs: modelJson.weightsManifest[0].weights,
    weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength) as ArrayBuffer,
  }));
  return { net, meta, modelJson };
}

describe('portable models', () => {
  it('an MLP classifier round-trips as a tfjs layers model with identical predictions', async () => {
    const table = blobs(120);
    const { model } = await fitModel(table, { target: 'k', model: 'mlp', hidden: [8, 4], optimizer: 'adam', learningRate: 0.05, epochs: 5, batchSize: 16, seed: 3 });
    const files = (await portableModelFiles(model))!;
    expect(files.map((f) => f.name)).toEqual(['model.json', 'weights.bin', 'model.meta.json', 'preprocessing.json']);
    const { net, meta, modelJson } = await loadBack(files);
    expect(modelJson.format).toBe('layers-model');
    expect(modelJson.weightsManifest[0].paths).toEqual(['weights.bin']);
    expect(meta.features).toEqual(model.features);
    expect(meta.classes).toEqual(model.classes);
    const rows = table.numRows();
    const X = model.features.map((f) => Array.from(table.array(f) as ArrayLike<number>));
    const scaled = tf.tensor2d(Array.from({ length: rows }, (_, i) => X.map((col, j) => (col[i] - meta.inputScaling.mean[j]) / meta.inputScaling.std[j])));
    const logits = net.predict(scaled) as tf.Tensor2D;
    const proba = (await tf.softmax(logits).array()) as number[][];
    const want = await model.predict(table);
    for (let i = 0; i < rows; i++) for (let k = 0; k < proba[i].length; k++) expect(Math.abs(proba[i][k] - want.probabilities![i][k])).toBeLessThan(1e-6);
    tf.dispose([scaled, logits]);
    net.dispose();
    model.dispose();
  });

  it('a linear regression keeps its output scaling in the meta file', async () => {
    const table = line(80);
    const { model } = await fitModel(table, { target: 'y', model: 'linear', optimizer: 'adam', learningRate: 0.1, epochs: 5, batchSize: 16, seed: 1 });
    const { net, meta } = await loadBack((await portableModelFiles(model))!);
    const x = model.features.map((f) => Array.from(table.array(f) as ArrayLike<number>));
    const scaled = tf.tensor2d(Array.from({ length: table.numRows() }, (_, i) => x.map((col, j) => (col[i] - meta.inputScaling.mean[j]) / meta.inputScaling.std[j])));
    const out = (await (net.predict(scaled) as tf.Tensor).data()) as Float32Array;
    const want = (await model.predict(table)).predictions as number[];
    out.forEach((v, i) => expect(Math.abs(v * meta.outputScaling.std + meta.outputScaling.mean - want[i])).toBeLessThan(1e-4 * Math.max(1, Math.abs(want[i]))));
    scaled.dispose();
    net.dispose();
    model.dispose();
  });

  it('boosted trees come out as XGBoost JSON with a meta file', async () => {
    const table = blobs(90);
    const { model } = await fitTreeModel(table, { target: 'k', rounds: 3, maxDepth: 2 });
    const files = (await portableModelFiles(model))!;
    expect(files.map((f) => f.name)).toEqual(['model.json', 'model.meta.json', 'preprocessing.json']);
    const json = JSON.parse(text(files[0].data));
    expect(json.learner.objective.name).toBe('multi:softprob');
    expect(json.learner.gradient_booster.model.trees.length).toBe(3 * model.classes!.length);
    expect(JSON.parse(text(files[1].data)).kind).toBe('xgboost');
    // Trained outside a notebook: no transforms known, and the file says its recipe is not complete.
    const prep = JSON.parse(text(files[2].data));
    expect([prep.transforms, prep.lineage.complete, prep.features, prep.classes]).toEqual([[], false, model.features, model.classes]);
  });
});
