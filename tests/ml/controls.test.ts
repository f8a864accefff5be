// Training controls: Keras class_weight loss, class-weight rules, clipping,
// learning-rate schedules, early stopping on any metric.
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../src/ml/backend.ts';
import { resolveClassWeights, monitorMode } from '../../src/ml/controls.ts';
import { fitModel, type FitOptions } from '../../src/ml/fit.ts';
import { weightedHeadLoss } from '../../src/ml/models/network.ts';
import { maskedStepLoss } from '../../src/ml/sequences/tensors.ts';
import { tf } from '../../src/ml/tf.ts';
import { clipByGlobalNorm } from '../../src/ml/train.ts';
import { blobs, circles } from './synthetic.ts';

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});

const ce = (logits: number[], k: number) => Math.log(logits.reduce((s, z) => s + Math.exp(z), 0)) - logits[k];

describe('class weights', () => {
  it("weighted loss is Keras' Σ w[y_i]·ℓ_i / n (not / Σ w)", () => {
    const logits = [[2, 0, -1], [0, 1, 0], [1, 1, 3], [0.5, -0.5, 0]];
    const y = [0, 1, 2, 1];
    const w = [0.5, 2, 1.5];
    const expected = y.reduce((s, k, i) => s + w[k] * ce(logits[i], k), 0) / y.length;
    const got = tf.tidy(() => weightedHeadLoss('multiclass', tf.tensor2d(logits), tf.tensor1d(y), 3, tf.tensor1d(w)).dataSync()[0]);
    expect(got).toBeCloseTo(expected, 5);
    // Binary: sigmoid cross-entropy per sample times the class weight.
    const z = [1.2, -0.3, 0.4];
    const t = [1, 0, 0];
    const bce = (x: number, l: number) => Math.max(x, 0) - x * l + Math.log1p(Math.exp(-Math.abs(x)));
    const exp2 = t.reduce((s, l, i) => s + w[l] * bce(z[i], l), 0) / 3;
    const got2 = tf.tidy(() => weightedHeadLoss('binary', tf.tensor2d(z, [3, 1]), tf.tensor1d(t), 2, tf.tensor1d(w.slice(0, 2))).dataSync()[0]);
    expect(got2).toBeCloseTo(exp2, 5);
  });

  it('masked many-to-many loss ignores PAD steps and divides by the real steps', () => {
    const logits = [[[1, 0, 2], [0, 3, 0]], [[0, 0, 1], [5, 5, 5]]];
    const targets = [[2, 1], [2, 0]];
    const w = [0, 1, 2];
    const expected = (w[2] * ce(logits[0][0], 2) + w[1] * ce(logits[0][1], 1) + w[2] * ce(logits[1][0], 2)) / 3;
    const got = tf.tidy(() => maskedStepLoss(tf.tensor3d(logits), tf.tensor2d(targets, undefined, 'int32'), tf.tensor1d(w)).dataSync()[0]);
    expect(got).toBeCloseTo(expected, 5);
  });

  it('resolves balanced, inverse_capped and explicit weights', () => {
    // scikit-learn compute_class_weight('balanced'): n / (k · count).
    expect(resolveClassWeights('balanced', [6, 3, 1], ['a', 'b', 'c'])).toEqual([10 / 18, 10 / 9, 10 / 3]);
    expect(resolveClassWeights('inverse_capped', [6, 3, 1], ['a', 'b', 'c'], 1.5)).toEqual([10 / 18, 10 / 9, 1.5]);
    expect(resolveClassWeights({ b: 3 }, [6, 3, 1], ['a', 'b', 'c'])).toEqual([1, 3, 1]);
    expect(resolveClassWeights('none', [1, 1], ['a', 'b'])).toBeUndefined();
    expect(() => resolveClassWeights({ z: 1 }, [1, 1], ['a', 'b'])).toThrow(/not a class/);
    expect(monitorMode('val_macro_f1')).toBe('max');
    expect(monitorMode('val_loss')).toBe('min');
  });

  it('class weights change an MLP\'s training; absent keeps the old numbers', async () => {
    const opts: FitOptions = { target: 'k', model: 'mlp', hidden: [4], optimizer: 'adam', learningRate: 0.05, epochs: 2, batchSize: 16, seed: 3 };
    const run = async (o: FitOptions) => {
      const { model, result } = await fitModel(blobs(60), o);
      model.dispose();
      return result.history.map((h) => h.loss);
    };
    const plain = await run(opts);
    expect(await run({ ...opts, classWeight: 'none' })).toEqual(plain);
    expect(await run({ ...opts, classWeight: { '0': 3 } })).not.toEqual(plain);
  });
});

describe('clipping, schedules, monitors', () => {
  it('clips by the global norm', () => {
    const out = tf.tidy(() => {
      const g = clipByGlobalNorm({ a: tf.tensor1d([3]), b: tf.tensor1d([4]) }, 1);
      return [...g.a.dataSync(), ...g.b.dataSync()];
    });
    expect(out[0]).toBeCloseTo(0.6, 6);
    expect(out[1]).toBeCloseTo(0.8, 6);
  });

  const base: FitOptions = { target: 'inside', model: 'mlp', hidden: [8], optimizer: 'sgd', learningRate: 0.1, epochs: 5, batchSize: 32, seed: 5 };

  it('step and plateau schedules record the learning rate per epoch', async () => {
    const step = await fitModel(circles(64), { ...base, lrSchedule: { type: 'step', every: 2, factor: 0.5 } });
    step.model.dispose();
    expect(step.result.history.map((h) => h.lr)).toEqual([0.1, 0.1, 0.05, 0.05, 0.025]);
    // Watching the training loss as if larger were better: it never "improves", so patience 1 halves every epoch.
    const plateau = await fitModel(circles(64), { ...base, monitor: 'loss', monitorMode: 'max', lrSchedule: { type: 'plateau', factor: 0.5, patience: 1, minLr: 0.02 } });
    plateau.model.dispose();
    expect(plateau.result.history.map((h) => h.lr)).toEqual([0.1, 0.1, 0.05, 0.025, 0.02]);
  });

  it('clipping changes SGD steps with a large learning rate and stays finite', async () => {
    const a = await fitModel(circles(64), { ...base, learningRate: 5, clipNorm: 0.5 });
    const b = await fitModel(circles(64), { ...base, learningRate: 5 });
    a.model.dispose();
    b.model.dispose();
    expect(a.result.history.every((h) => Number.isFinite(h.loss))).toBe(true);
    expect(a.result.history.map((h) => h.loss)).not.toEqual(b.result.history.map((h) => h.loss));
  });

  it('early stopping on val_accuracy (max) restores the best epoch; unknown monitors explain themselves', async () => {
    const { model, result } = await fitModel(circles(40, 11), { ...base, optimizer: 'adam', hidden: [32], learningRate: 0.05, epochs: 60, patience: 4, monitor: 'val_accuracy' }, { validation: circles(100, 12) });
    model.dispose();
    const accs = result.history.map((h) => h.val_accuracy);
    if (result.stoppedEarly) {
      const best = Math.max(...accs);
      expect(result.history.length).toBe(accs.indexOf(best) + 1 + 4);
    }
    const err = await fitModel(circles(40), { ...base, patience: 2, monitor: 'val_auc' }).catch((e: unknown) => e);
    expect(String((err as Error).message)).toMatch(/val_auc/);
  });
});
