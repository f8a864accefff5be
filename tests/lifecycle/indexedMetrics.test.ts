// The compare cell's bootstrap, made faster, gives the same numbers bit for
// bit: index-based metrics against the metrics on copied rows, and the
// paired bootstrap against three separate bootstrapCI calls.
import { describe, expect, it } from 'vitest';
import type { Scalar } from '../../src/core/outputs.ts';
import type { Prediction, Task } from '../../src/core/values.ts';
import { seededRandom } from '../../src/core/random.ts';
import { indexedMetric } from '../../src/lifecycle/indexedMetrics.ts';
import { SUPPORTED, subsetMetricByCopy } from '../../src/lifecycle/subsetMetrics.ts';
import { bootstrapCI, bootstrapIndices, pairedBootstrapCIs } from '../../src/lifecycle/stats/index.ts';
import { compareModels } from '../../src/lifecycle/compare.ts';

interface Case {
  name: string;
  task: Task;
  truth: Scalar[];
  pred: Prediction;
}

function classification(n: number, classes: Scalar[], seed: number, ties: boolean): Case {
  const r = seededRandom(seed);
  const k = classes.length;
  const truth: Scalar[] = [];
  const predictions: Scalar[] = [];
  const probabilities: number[][] = [];
  for (let i = 0; i < n; i++) {
    const c = Math.floor(r() * k);
    truth.push(classes[c]);
    // Scores leaning to the true class; rounded to tenths for many ties.
    const raw = classes.map((_, j) => r() + (j === c ? 0.4 : 0));
    const total = raw.reduce((a, b) => a + b, 0);
    const row = raw.map((v) => (ties ? Math.round((v / total) * 10) / 10 : v / total));
    probabilities.push(row);
    predictions.push(classes[row.indexOf(Math.max(...row))]);
  }
  return { name: `${k} classes${ties ? ', tied scores' : ''}`, task: 'classification', truth, pred: { predictions, probabilities, classes } };
}

function regression(n: number, seed: number): Case {
  const r = seededRandom(seed);
  const truth = Array.from({ length: n }, (_, i) => (i % 7 === 0 ? 0 : r() * 100 - 30));
  return { name: 'regression', task: 'regression', truth, pred: { predictions: truth.map((y) => Number(y) + (r() - 0.5) * 20) } };
}

const cases: Case[] = [
  classification(150, [0, 1], 1, false),
  classification(150, ['no', 'yes'], 2, true),
  classification(40, ['a', 'b', 'c', 'd'], 3, true),
  classification(200, [1, 2, 3], 4, false),
  regression(120, 5),
];

describe('index-based subset metrics', () => {
  for (const c of cases) {
    it(`${c.name}: every metric equals the copied-rows metric exactly, on 300 resamples (throws alike)`, () => {
      for (const key of SUPPORTED[c.task]) {
        const fast = indexedMetric(key, c.task, c.truth, c.pred);
        expect(fast, `${key} takes the indexed path`).toBeDefined();
        const slow = subsetMetricByCopy(key, c.task, c.truth, c.pred);
        let compared = 0;
        // Small resamples too, where a class (or a label for macro averages) goes missing.
        for (const size of [c.truth.length, 6]) {
          for (const idx of bootstrapIndices(c.truth.length, 150, 11)) {
            const sub = idx.subarray(0, size);
            let expected: number | Error;
            try {
              expected = slow(sub);
            } catch (e) {
              expected = e as Error;
            }
            if (expected instanceof Error) {
              expect(() => fast!(sub), key).toThrow();
            } else {
              expect(Object.is(fast!(sub), expected) || fast!(sub) === expected, `${key}: ${fast!(sub)} vs ${expected}`).toBe(true);
              compared++;
            }
          }
        }
        expect(compared, key).toBeGreaterThan(100);
      }
    });
  }

  it('takes the general path where indices cannot stand for the rows', () => {
    const c = classification(30, [0, 1], 6, false);
    // A true label outside the model's classes: the copied-rows metric decides (and throws).
    expect(indexedMetric('f1', 'classification', [...c.truth.slice(1), 7], c.pred)).toBeUndefined();
    expect(indexedMetric('roc_auc', 'classification', c.truth, { ...c.pred, probabilities: c.pred.probabilities!.map((row, i) => (i === 3 ? [NaN, NaN] : row)) })).toBeUndefined();
    expect(indexedMetric('roc_auc', 'classification', c.truth, { ...c.pred, probabilities: undefined })).toBeUndefined();
  });
});

describe('paired bootstrap', () => {
  it('equals three bootstrapCI calls (A, B, B − A), including skipped resamples', () => {
    const c = classification(25, [0, 1], 8, true);
    const other = classification(25, [0, 1], 9, false);
    const b: Prediction = { ...other.pred };
    for (const key of ['roc_auc', 'accuracy', 'f1', 'log_loss']) {
      const fa = subsetMetricByCopy(key, 'classification', c.truth, c.pred);
      const fb = subsetMetricByCopy(key, 'classification', c.truth, b);
      const options = { nBoot: 300, seed: 3, alpha: 0.1 };
      const [paired] = pairedBootstrapCIs(25, [{ a: fa, b: fb }], options);
      expect(paired.a).toEqual(bootstrapCI(25, fa, options));
      expect(paired.b).toEqual(bootstrapCI(25, fb, options));
      expect(paired.diff).toEqual(bootstrapCI(25, (idx) => fb(idx) - fa(idx), options));
    }
  });

  it("compareModels gives today's intervals: per-metric bootstrapCI on copied rows", () => {
    for (const c of [classification(60, ['no', 'yes'], 10, true), regression(60, 11)]) {
      const shift = (p: Prediction): Prediction => c.task === 'regression'
        ? { predictions: p.predictions.map((v) => Number(v) * 0.9 + 1) }
        : { ...p, predictions: [...p.predictions].reverse(), probabilities: [...p.probabilities!].reverse() };
      const b = shift(c.pred);
      const metrics = c.task === 'regression' ? ['rmse', 'mae', 'mape', 'r2'] : ['accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'log_loss'];
      const got = compareModels(c.task, c.truth, c.pred, b, { metrics, nBoot: 200, seed: 42, alpha: 0.05, trafficSplit: 0.5 });
      metrics.forEach((m, k) => {
        const fa = subsetMetricByCopy(m, c.task, c.truth, c.pred);
        const fb = subsetMetricByCopy(m, c.task, c.truth, b);
        const boot = { nBoot: 200, seed: 42, alpha: 0.05 };
        expect(got.metrics[k], `${c.name} ${m}`).toEqual({ metric: m, a: bootstrapCI(60, fa, boot), b: bootstrapCI(60, fb, boot), diff: bootstrapCI(60, (idx) => fb(idx) - fa(idx), boot) });
      });
    }
  });
});
