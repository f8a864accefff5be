// The tree learner's fast paths give what the general ones give: a tree
// grown on every row (rows copied into node order in one block) is the same
// tree as one grown on an explicit sample of every row (rows gathered one by
// one through the index), and bins fitted on a seeded row subsample (large
// data, as scikit-learn's _BinMapper does) are reproducible and close to
// the full data's quantiles; below the subsample size nothing changes.
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/core/random.ts';
import { applyBins, boost, DEFAULT_BOOST_PARAMS, fitBins, Grower, type GrowParams, type Objective, type RawMatrix } from '../../src/ml/trees/index.ts';
import { binOf } from '../../src/ml/trees/binning.ts';
import { sortFloat64 } from '../../src/data/sort-numbers.ts';

function matrix(rows: number, cols: number, seed: number): RawMatrix {
  const r = seededRandom(seed);
  const X = new Float64Array(rows * cols);
  for (let j = 0; j < cols; j++) {
    for (let i = 0; i < rows; i++) X[j * rows + i] = j === 2 ? Math.floor(r() * 5) : r() < 0.05 ? NaN : (r() - 0.5) * (j + 1) * 10;
  }
  return { X, rows, cols };
}

const params: GrowParams = { maxDepth: 4, maxLeaves: 0, minChildWeight: 1, minSamplesLeaf: 1, lambda: 1, alpha: 0, gamma: 0, learningRate: 0.1 };

describe('tree fast paths', () => {
  it('growing on every row gives the same tree as growing on a sample that lists every row', () => {
    const data = matrix(3000, 4, 1);
    const mapper = fitBins(data);
    const bins = applyBins(data, mapper);
    const r = seededRandom(2);
    const grad = Float64Array.from({ length: data.rows }, (_, i) => (data.X[i] > 0 ? -1 : 1) + (r() - 0.5) * 0.3);
    const hess = Float64Array.from({ length: data.rows }, () => 0.5 + r() * 0.5);
    const features = Int32Array.from([0, 1, 2, 3]);
    const grow = (sample: Uint32Array | null) => new Grower(bins, data.rows, data.cols, mapper.nBins, mapper.thresholds, params).grow(grad, hess, sample, features);
    const direct = grow(null);
    const indexed = grow(Uint32Array.from({ length: data.rows }, (_, i) => i));
    expect(direct.tree).toEqual(indexed.tree);
    expect(direct.leaves).toEqual(indexed.leaves);
    expect(direct.leaves.length).toBeGreaterThan(4);
  });

  it('a later tree on every row, whose root takes its bin counts from the first tree\'s, is the tree the counting pass gives', () => {
    const data = matrix(3000, 4, 21);
    const mapper = fitBins(data);
    const bins = applyBins(data, mapper);
    const r = seededRandom(22);
    const x = (j: number, i: number) => data.X[j * data.rows + i] || 0;
    const grads = [0, 1].map((k) => Float64Array.from({ length: data.rows }, (_, i) => x(k, i) / 5 + (x(1 - k, i) > 0 ? 0.5 : -0.5) + x(3, i) / 20 + (r() - 0.5) * 0.4));
    const hess = Float64Array.from({ length: data.rows }, () => 0.2 + r() * 0.6);
    const features = Int32Array.from([0, 1, 2, 3]);
    const leafy = { ...params, maxDepth: 0, maxLeaves: 12, minSamplesLeaf: 40 };
    const cached = new Grower(bins, data.rows, data.cols, mapper.nBins, mapper.thresholds, leafy);
    const counted = new Grower(bins, data.rows, data.cols, mapper.nBins, mapper.thresholds, leafy);
    cached.grow(grads[0], hess, null, features);
    counted.grow(grads[0], hess, null, features);
    // Drop the kept counts so the second grower counts again (private state: the only way to reach the counting pass here).
    (counted as unknown as { rootCounts: Float64Array | null }).rootCounts = null;
    const a = cached.grow(grads[1], hess, null, features);
    const b = counted.grow(grads[1], hess, null, features);
    expect(a.tree).toEqual(b.tree);
    expect(a.tree.count[0]).toBe(data.rows);
    expect(a.leaves.length).toBe(12);
  });

  it('a feature subset gives the tree of a matrix holding only those features (the all-features pass unrolls by two)', () => {
    const wide = matrix(2000, 5, 4);
    const narrow: RawMatrix = { X: wide.X.slice(0, 4 * wide.rows), rows: wide.rows, cols: 4 };
    const r = seededRandom(5);
    const x = (j: number, i: number) => wide.X[j * wide.rows + i] || 0;
    const grad = Float64Array.from({ length: wide.rows }, (_, i) => (x(0, i) > 0 ? -1 : 1) + (x(1, i) > 1 ? 0.8 : -0.4) + (x(2, i) - 2) * 0.3 + (r() - 0.5) * 0.5);
    const hess = Float64Array.from({ length: wide.rows }, () => 0.25 + r() * 0.5);
    const grow = (data: RawMatrix, features: number[]) => {
      const mapper = fitBins(data);
      return new Grower(applyBins(data, mapper), data.rows, data.cols, mapper.nBins, mapper.thresholds, params).grow(grad, hess, null, Int32Array.from(features));
    };
    const subset = grow(wide, [0, 1, 2, 3]);
    const all = grow(narrow, [0, 1, 2, 3]);
    expect(subset.tree).toEqual(all.tree);
    expect(new Set(subset.tree.feature.filter((f) => f >= 0)).size).toBeGreaterThan(2);
  });

  it('bins from a seeded subsample: the same for a seed, near the full quantiles, unchanged at or below the subsample size', () => {
    const data = matrix(20_000, 3, 3);
    const full = fitBins(data);
    const a = fitBins(data, 255, { subsample: 4000, seed: 7 });
    const b = fitBins(data, 255, { subsample: 4000, seed: 7 });
    const c = fitBins(data, 255, { subsample: 4000, seed: 8 });
    expect(a).toEqual(b);
    expect(a.thresholds[0]).not.toEqual(c.thresholds[0]);
    expect(a.thresholds[0]).not.toEqual(full.thresholds[0]);
    // Few distinct values (column 2): every one is in the sample, so the bins are exact.
    expect(a.thresholds[2]).toEqual(full.thresholds[2]);
    // Continuous columns: the fraction of all rows at or below each sampled threshold is near its quantile.
    for (const j of [0, 1]) {
      const values = Array.from(data.X.subarray(j * data.rows, (j + 1) * data.rows)).filter((v) => !Number.isNaN(v)).sort((x, y) => x - y);
      const t = a.thresholds[j];
      expect(t.length).toBeGreaterThan(200);
      t.forEach((threshold, k) => {
        let below = 0;
        while (below < values.length && values[below] <= threshold) below++;
        expect(Math.abs(below / values.length - (k + 1) / (t.length + 1)), `feature ${j} bin ${k}`).toBeLessThan(0.03);
      });
    }
    expect(fitBins(data, 255, { subsample: 20_000, seed: 7 })).toEqual(full);
  });

  it('applyBins (bucket table, then a short search) gives every value the bin a binary search over all thresholds gives', () => {
    const r = seededRandom(9);
    const rows = 20_000;
    const columns: ((i: number) => number)[] = [
      () => (r() - 0.5) * 10, // uniform
      () => Math.exp(r() * 40 - 20), // heavy tail: thresholds crowd one end of the range
      () => Math.round(r() * 300) / 7, // ties, 301 distinct values
      () => 1e300 * (r() - 0.5) * 3, // a range too wide for the bucket arithmetic (falls back)
      () => 1 + Math.floor(r() * 1e6) * Number.EPSILON, // thresholds a few ulps apart
      (i) => (i % 97 === 0 ? NaN : i % 5), // few values and missing ones
    ];
    const cols = columns.length;
    const X = new Float64Array(rows * cols);
    columns.forEach((value, j) => {
      for (let i = 0; i < rows; i++) X[j * rows + i] = value(i);
    });
    const data: RawMatrix = { X, rows, cols };
    const mapper = fitBins(data);
    // Values on and next to the thresholds themselves, and beyond both ends.
    const probe = new Float64Array(X);
    columns.forEach((_, j) => {
      const t = mapper.thresholds[j];
      for (let k = 0; k < t.length && 4 * k + 3 < rows; k++) {
        probe[j * rows + 4 * k] = t[k];
        probe[j * rows + 4 * k + 1] = t[k] * (1 + Number.EPSILON);
        probe[j * rows + 4 * k + 2] = t[k] * (1 - Number.EPSILON);
      }
      probe[j * rows + rows - 1] = Infinity;
      probe[j * rows + rows - 2] = -Infinity;
    });
    const bins = applyBins({ X: probe, rows, cols }, mapper);
    let checked = 0;
    for (let j = 0; j < cols; j++) {
      for (let i = 0; i < rows; i++) {
        const v = probe[j * rows + i];
        const want = Number.isNaN(v) ? mapper.nBins[j] : binOf(mapper.thresholds[j], v);
        if (bins[j * rows + i] !== want) expect.fail(`column ${j} row ${i} value ${v}: bin ${bins[j * rows + i]}, binary search ${want}`);
        checked++;
      }
    }
    expect(checked).toBe(rows * cols);
    expect(mapper.thresholds[1].length).toBe(254);
  });

  it.each<[Objective, number]>([['binary', 2], ['multiclass', 3], ['regression', 1]])('a %s round\'s loss summed in the next round\'s gradient pass equals the loss pass of a fit that ends there', async (objective, classes) => {
    const data = matrix(1500, 4, 11);
    const y = Float64Array.from({ length: data.rows }, (_, i) => {
      const v = (data.X[i] || 0) + (data.X[data.rows + i] || 0) / 3;
      return objective === 'regression' ? v : objective === 'binary' ? (v > 0 ? 1 : 0) : v < -2 ? 0 : v < 2 ? 1 : 2;
    });
    const params = { ...DEFAULT_BOOST_PARAMS, maxDepth: 3 };
    const long = await boost({ X: data, y }, objective, classes, { ...params, rounds: 4 });
    for (const rounds of [1, 3]) {
      const short = await boost({ X: data, y }, objective, classes, { ...params, rounds });
      expect(long.history[rounds - 1].loss).toBe(short.history[rounds - 1].loss);
    }
    expect(long.history[3].loss).toBeLessThan(long.history[0].loss);
  });

  it('the radix sort of a column orders doubles as the built-in sort does (signs, −0, ±Infinity, ties, wide exponents)', () => {
    const r = seededRandom(13);
    const makers: (() => number)[] = [
      () => r() - 0.5,
      () => Math.round(r() * 20) - 10,
      () => Math.exp(r() * 80 - 40) * (r() < 0.5 ? -1 : 1),
      () => 3.25, // one value: every pass skipped
    ];
    for (const make of makers) {
      const values = Float64Array.from({ length: 10_000 }, make);
      values[3] = -0;
      values[4] = 0;
      values[5] = Infinity;
      values[6] = -Infinity;
      values[7] = Number.MIN_VALUE;
      values[8] = -Number.MAX_VALUE;
      const want = values.slice().sort();
      const got = sortFloat64(values.slice());
      expect(Array.from(got, (v) => (Object.is(v, -0) ? '-0' : v))).toEqual(Array.from(want, (v) => (Object.is(v, -0) ? '-0' : v)));
    }
  });
});
