// Unit tests of the histogram GBDT (src/ml/trees): binning, the XGBoost gain
// and leaf formulas on a hand-checked case, synthetic binary / multiclass /
// regression problems learned to stated quality, seeded determinism, missing
// values, early stopping, cancel, importances and JSON round trips.
import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { seededRandom } from '../../src/core/random.ts';
import { CancelledError } from '../../src/core/errors.ts';
import { applyBins, binaryAuc, boost, DEFAULT_BOOST_PARAMS, fitBins, fitTreeModel, TreeModel, type BoostParams } from '../../src/ml/trees/index.ts';
import { r2, rocAuc } from '../../src/ml/metrics/index.ts';

function accuracy(a: readonly unknown[], b: readonly unknown[]): number {
  let hits = 0;
  a.forEach((v, i) => (hits += v === b[i] ? 1 : 0));
  return hits / a.length;
}

/** XOR-like binary problem: label 'yes' when x1·x2 > 0, plus a noise column. */
function xor(n: number, seed: number): ColumnTable {
  const r = seededRandom(seed);
  const x1 = Array.from({ length: n }, () => r() * 2 - 1);
  const x2 = Array.from({ length: n }, () => r() * 2 - 1);
  const noise = Array.from({ length: n }, () => r());
  return aq.table({ x1, x2, noise, label: x1.map((v, i) => (v * x2[i] > 0 ? 'yes' : 'no')) });
}

/** Three classes by angle sector of (x1, x2). */
function sectors(n: number, seed: number): ColumnTable {
  const r = seededRandom(seed);
  const x1 = Array.from({ length: n }, () => r() * 2 - 1);
  const x2 = Array.from({ length: n }, () => r() * 2 - 1);
  const k = x1.map((v, i) => Math.floor(((Math.atan2(x2[i], v) + Math.PI) / (2 * Math.PI)) * 3) % 3);
  return aq.table({ x1, x2, k: k.map((c) => ['a', 'b', 'c'][c]) });
}

/** y = sin(3·x1) + x2² + small noise. */
function wave(n: number, seed: number): ColumnTable {
  const r = seededRandom(seed);
  const x1 = Array.from({ length: n }, () => r() * 2 - 1);
  const x2 = Array.from({ length: n }, () => r() * 2 - 1);
  return aq.table({ x1, x2, y: x1.map((v, i) => Math.sin(3 * v) + x2[i] ** 2 + (r() - 0.5) * 0.1) });
}

describe('binning', () => {
  it('uses midpoints for few distinct values, ≤ 255 quantile bins otherwise, and a missing bin after the value bins', () => {
    const few = Float64Array.of(3, 1, 2, NaN, 2, 1);
    const many = Float64Array.from({ length: 1000 }, (_, i) => i * 0.5);
    const mapper = fitBins({ X: Float64Array.of(...few), rows: 6, cols: 1 });
    expect(Array.from(mapper.thresholds[0])).toEqual([1.5, 2.5]);
    expect(Array.from(applyBins({ X: few, rows: 6, cols: 1 }, mapper))).toEqual([2, 0, 1, 3, 1, 0]);
    const m2 = fitBins({ X: many, rows: 1000, cols: 1 });
    expect(m2.nBins[0]).toBe(255);
    const b = applyBins({ X: many, rows: 1000, cols: 1 }, m2);
    expect(b[0]).toBe(0);
    expect(b[999]).toBe(254);
    const m3 = fitBins({ X: many, rows: 1000, cols: 1 }, 16);
    expect(m3.nBins[0]).toBe(16);
  });
});

describe('boosting', () => {
  const exact: BoostParams = { ...DEFAULT_BOOST_PARAMS, rounds: 1, learningRate: 1, maxDepth: 1, lambda: 0, minChildWeight: 0 };

  it('matches the hand-computed XGBoost gain and leaf values on a tiny case', async () => {
    // base 0.5; g = [0.5, 0.5, -0.5, -0.5], h = 1: split x <= 2.5, gain ½(1²/2 + 1²/2 − 0) = 0.5, leaves ∓0.5.
    const { ensemble } = await boost({ X: { X: Float64Array.of(1, 2, 3, 4), rows: 4, cols: 1 }, y: [0, 0, 1, 1] }, 'regression', 1, exact);
    const t = ensemble.trees[0][0];
    expect(ensemble.baseScore).toEqual([0.5]);
    expect(t.threshold[0]).toBe(2.5);
    expect(t.gain[0]).toBeCloseTo(0.5, 12);
    expect(t.value[t.left[0]]).toBeCloseTo(-0.5, 12);
    expect(t.value[t.right[0]]).toBeCloseTo(0.5, 12);
    // λ = 1 shrinks leaves to −G/(H+λ) = ∓1/3; α = 0.5 soft-thresholds G = ±1 to ±0.5.
    const l2 = await boost({ X: { X: Float64Array.of(1, 2, 3, 4), rows: 4, cols: 1 }, y: [0, 0, 1, 1] }, 'regression', 1, { ...exact, lambda: 1 });
    expect(l2.ensemble.trees[0][0].value[1]).toBeCloseTo(-1 / 3, 12);
    const l1 = await boost({ X: { X: Float64Array.of(1, 2, 3, 4), rows: 4, cols: 1 }, y: [0, 0, 1, 1] }, 'regression', 1, { ...exact, alpha: 0.5 });
    expect(l1.ensemble.trees[0][0].value[1]).toBeCloseTo(-0.25, 12);
    // gamma above the gain: no split.
    const g = await boost({ X: { X: Float64Array.of(1, 2, 3, 4), rows: 4, cols: 1 }, y: [0, 0, 1, 1] }, 'regression', 1, { ...exact, gamma: 0.6 });
    expect(g.ensemble.trees[0][0].left[0]).toBe(-1);
  });

  it('learns a non-linear binary problem (accuracy > 0.95, AUC > 0.99 on held-out rows)', async () => {
    const { model } = await fitTreeModel(xor(2000, 1), { target: 'label' });
    const test = xor(500, 2);
    const pred = await model.predict(test);
    const truth = test.array('label') as string[];
    expect(model.classes).toEqual(['no', 'yes']);
    expect(accuracy(pred.predictions, truth)).toBeGreaterThan(0.95);
    expect(rocAuc(truth, pred.probabilities!, ['no', 'yes'])).toBeGreaterThan(0.99);
    const imp = model.featureImportance('gain');
    expect(imp.noise).toBeLessThan(imp.x1);
    expect(imp.noise).toBeLessThan(imp.x2);
    expect(model.featureImportance('split').x1).toBeGreaterThan(0);
  });

  it('learns three classes with softmax (accuracy > 0.93)', async () => {
    const { model, result } = await fitTreeModel(sectors(1500, 3), { target: 'k', rounds: 60 });
    expect(result.ensemble.trees[0]).toHaveLength(3);
    const test = sectors(500, 4);
    const pred = await model.predict(test);
    expect(accuracy(pred.predictions, test.array('k') as string[])).toBeGreaterThan(0.93);
    for (const row of pred.probabilities!) expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });

  it('learns a regression surface (R² > 0.95)', async () => {
    const { model } = await fitTreeModel(wave(2000, 5), { target: 'y', rounds: 200 });
    expect(model.task).toBe('regression');
    const test = wave(500, 6);
    const pred = await model.predict(test);
    expect(r2(test.array('y') as number[], pred.predictions as number[])).toBeGreaterThan(0.95);
  });

  it('is deterministic for a seed with row and column subsampling, and the seed matters', async () => {
    const opts = { target: 'label', rounds: 20, subsample: 0.7, colsample: 0.67 };
    const a = await fitTreeModel(xor(600, 7), { ...opts, seed: 1 });
    const b = await fitTreeModel(xor(600, 7), { ...opts, seed: 1 });
    const c = await fitTreeModel(xor(600, 7), { ...opts, seed: 2 });
    expect(JSON.stringify(a.model.toJSON().trees)).toBe(JSON.stringify(b.model.toJSON().trees));
    expect(JSON.stringify(a.model.toJSON().trees)).not.toBe(JSON.stringify(c.model.toJSON().trees));
  });

  it('learns a default direction for missing values and routes them at predict time', async () => {
    // Positive exactly when x is missing or x > 0.5.
    const r = seededRandom(9);
    const n = 1000;
    const x = Array.from({ length: n }, () => (r() < 0.2 ? null : r()));
    const table = aq.table({ x, label: x.map((v) => (v === null || v > 0.5 ? 1 : 0)) });
    const { model } = await fitTreeModel(table, { target: 'label', rounds: 30, task: 'classification' });
    const pred = await model.predict(aq.table({ x: [null, 0.1, 0.9, NaN] }));
    expect(pred.predictions).toEqual([1, 0, 1, 1]);
    // Booleans count as 0/1 features.
    const bools = aq.table({ b: Array.from({ length: 200 }, (_, i) => i % 2 === 0), y: Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? 5 : 1)) });
    const fit = await fitTreeModel(bools, { target: 'y', task: 'regression', rounds: 50, minChildWeight: 0 });
    const p = await fit.model.predict(aq.table({ b: [true, false] }));
    expect((p.predictions as number[])[0]).toBeCloseTo(5, 1);
    expect((p.predictions as number[])[1]).toBeCloseTo(1, 1);
  });

  it('early stopping keeps the best validation round', async () => {
    // Noisy labels and a large step: the validation loss turns up quickly.
    const noisy = (n: number, seed: number) => {
      const r = seededRandom(seed);
      const x1 = Array.from({ length: n }, () => r());
      const x2 = Array.from({ length: n }, () => r());
      return aq.table({ x1, x2, y: x1.map((v) => (r() < 0.3 ? (v > 0.5 ? 0 : 1) : v > 0.5 ? 1 : 0)) });
    };
    const { model, result } = await fitTreeModel(noisy(600, 10), { target: 'y', rounds: 300, learningRate: 0.5, earlyStoppingRounds: 10 }, { validation: noisy(300, 11) });
    expect(result.stoppedEarly).toBe(true);
    const best = result.bestIteration!;
    expect(best).toBeGreaterThan(0);
    expect(result.history.length).toBe(best + 10);
    expect(model.rounds).toBe(best);
    const losses = result.history.map((h) => h.val_loss);
    expect(Math.min(...losses)).toBe(losses[best - 1]);
    expect(result.history[0].val_auc).toBeGreaterThan(0.5);
    // AUC as the stopping metric maximises it.
    const auc = await fitTreeModel(noisy(600, 10), { target: 'y', rounds: 300, learningRate: 0.5, earlyStoppingRounds: 10, stoppingMetric: 'auc' }, { validation: noisy(300, 11) });
    const aucs = auc.result.history.map((h) => h.val_auc);
    expect(Math.max(...aucs)).toBe(aucs[(auc.result.bestIteration ?? aucs.length) - 1]);
  });

  it('cancels between rounds and while yielding to the event loop', async () => {
    const controller = new AbortController();
    await expect(fitTreeModel(xor(500, 12), { target: 'label', rounds: 50 }, {
      signal: controller.signal, progressIntervalMs: 0,
      onProgress: (p) => {
        if (p.epoch === 3) controller.abort();
      },
    })).rejects.toBeInstanceOf(CancelledError);
    // A timer can only abort the fit if the fit yields to the event loop; the
    // rounds it got through show it stopped long before its 100 000 (no clock asserted).
    const timed = new AbortController();
    setTimeout(() => timed.abort(), 30);
    let reached = 0;
    await expect(fitTreeModel(xor(20_000, 13), { target: 'label', rounds: 100_000 }, { signal: timed.signal, progressIntervalMs: 0, onProgress: (p) => { reached = p.epoch; } })).rejects.toBeInstanceOf(CancelledError);
    expect(reached).toBeLessThan(100_000);
  });

  it('round-trips through JSON with identical predictions', async () => {
    const table = xor(400, 14);
    const { model } = await fitTreeModel(table, { target: 'label', rounds: 10 });
    const copy = TreeModel.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    expect(await copy.predict(table)).toEqual(await model.predict(table));
    expect(model.describe()).toMatchObject({ modelType: 'gbdt', task: 'classification', rounds: 10, classes: ['no', 'yes'] });
    model.dispose();
  });

  it('binaryAuc equals the sklearn-exact rocAuc, ties included', () => {
    const y = [0, 1, 0, 1, 1, 0, 0, 1];
    const s = [0.1, 0.4, 0.4, 0.8, 0.2, 0.2, 0.9, 0.8];
    expect(binaryAuc(y, s)).toBeCloseTo(rocAuc(y, s.map((v) => [1 - v, v]), [0, 1]), 12);
  });
});
