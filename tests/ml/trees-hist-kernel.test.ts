// The WebAssembly histogram pass (src/ml/trees/histKernel.ts) sums the same
// float64 values in the same order as grow.ts's JavaScript loops, so every
// boosted ensemble is identical with it and without it: every feature, a
// column sample (the list path), row subsamples, missing values, three
// objectives, and more histograms than its memory holds (then the rest are
// ordinary arrays on the JavaScript loops).
import { afterEach, describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/core/random.ts';
import { boost, DEFAULT_BOOST_PARAMS, type Objective, type RawMatrix } from '../../src/ml/trees/index.ts';
import { createHistKernel, histModuleBytes, kernelSuits, setHistKernelEnabled } from '../../src/ml/trees/histKernel.ts';

function matrix(rows: number, cols: number, seed: number): RawMatrix {
  const r = seededRandom(seed);
  const X = new Float64Array(rows * cols);
  for (let j = 0; j < cols; j++) {
    for (let i = 0; i < rows; i++) X[j * rows + i] = j % 4 === 2 ? Math.floor(r() * 7) : r() < 0.05 ? NaN : (r() - 0.5) * (j + 1) * 10;
  }
  return { X, rows, cols };
}

function labels(data: RawMatrix, objective: Objective, seed: number): Float64Array {
  const r = seededRandom(seed);
  const { X, rows } = data;
  return Float64Array.from({ length: rows }, (_, i) => {
    const v = (X[i] === X[i] ? X[i] : 0) + 0.5 * (X[rows + i] === X[rows + i] ? X[rows + i] : 3) + X[2 * rows + i] + (r() - 0.5) * 8;
    if (objective === 'regression') return v;
    if (objective === 'binary') return v > 0 ? 1 : 0;
    return v < -5 ? 0 : v < 5 ? 1 : 2;
  });
}

afterEach(() => setHistKernelEnabled('auto'));

describe('the WebAssembly histogram pass', () => {
  it('is a valid module with and without SIMD, and runs in this host', () => {
    expect(WebAssembly.validate(histModuleBytes(6144, false))).toBe(true);
    expect(WebAssembly.validate(histModuleBytes(6144, true))).toBe(true);
    const kernel = createHistKernel(6144, 1 << 20);
    expect(kernel?.simd).toBe(true);
  });

  it('adds each row to its bins exactly as the JavaScript pass does', () => {
    const kernel = createHistKernel(6144, 1 << 20)!;
    const stride = 8; // 3 features, a padding byte, then gradient and hessian
    const rows = [[0, 2, 255, 0.5, 2], [0, 1, 255, -1.25, 0.5], [3, 2, 0, 0.125, 1]];
    const bytes = new Uint8Array(kernel.buffer);
    const f32 = new Float32Array(kernel.buffer);
    rows.forEach(([a, b, c, g, h], i) => {
      bytes.set([a, b, c], i * stride * 2);
      f32.set([g, h], (i * stride * 2 + 8) / 4);
    });
    const histAt = 4096;
    kernel.all(0, 0, 3, 16, 8, histAt, 3);
    const hist = new Float64Array(kernel.buffer, histAt, 3 * 768);
    // Feature 0: bin 0 has rows 0 and 1, bin 3 row 2.
    expect(Array.from(hist.subarray(0, 3))).toEqual([0.5 - 1.25, 2.5, 2]);
    expect(Array.from(hist.subarray(9, 12))).toEqual([0.125, 1, 1]);
    // Feature 2 (the list path, feature 2 only): bin 255 holds rows 0 and 1 again.
    const list = new Int32Array(kernel.buffer, 2048, 1);
    list[0] = 2;
    kernel.some(0, 0, 2, 16, 8, histAt, 2048, 1);
    expect(Array.from(hist.subarray(2 * 768 + 3 * 255, 2 * 768 + 3 * 255 + 3))).toEqual([2 * (0.5 - 1.25), 5, 4]);
    kernel.allNoCounts(0, 2, 3, 16, 8, histAt, 3);
    expect(Array.from(hist.subarray(9, 12))).toEqual([0.25, 2, 1]);
  });

  const cases: [string, Objective, number, Partial<typeof DEFAULT_BOOST_PARAMS>][] = [
    ['binary, best-first leaves, every feature', 'binary', 2, { maxLeaves: 15, maxDepth: 0, rounds: 12 }],
    ['binary, depth-wise, column and row samples', 'binary', 2, { maxDepth: 5, rounds: 12, subsample: 0.7, colsample: 0.6 }],
    ['multiclass', 'multiclass', 3, { maxDepth: 4, rounds: 8, colsample: 0.8 }],
    ['regression, no depth or leaf limit', 'regression', 1, { maxDepth: 0, maxLeaves: 0, rounds: 5, minSamplesLeaf: 5 }],
  ];
  it.each(cases)('gives the same ensemble as the JavaScript pass: %s', async (_name, objective, classes, extra) => {
    const data = matrix(4000, 13, 3);
    const y = labels(data, objective, 4);
    const fit = async (wasm: boolean) => {
      setHistKernelEnabled(wasm);
      return (await boost({ X: data, y }, objective, classes, { ...DEFAULT_BOOST_PARAMS, ...extra })).ensemble;
    };
    const withKernel = await fit(true);
    const withoutKernel = await fit(false);
    expect(withKernel.trees.length).toBeGreaterThan(0);
    expect(withKernel).toEqual(withoutKernel);
  });

  it('is chosen for many rows of many-binned features only (one-hot columns and small tables run faster on the JavaScript loops)', () => {
    const bins = (wide: number, narrow: number) => Uint16Array.from([...Array<number>(wide).fill(255), ...Array<number>(narrow).fill(2)]);
    expect(kernelSuits(200_000, bins(40, 10))).toBe(true);
    expect(kernelSuits(30_000, bins(50, 0))).toBe(true);
    expect(kernelSuits(9_999, bins(50, 0))).toBe(false);
    expect(kernelSuits(100_000, bins(10, 55))).toBe(false);
    // 'auto' follows the rule; forcing it on or off overrides it.
    const big = 65536 * 4;
    expect(createHistKernel(24 * 256, big, false)).toBeNull();
    setHistKernelEnabled(true);
    expect(createHistKernel(24 * 256, big, false)).not.toBeNull();
    setHistKernelEnabled(false);
    expect(createHistKernel(24 * 256, big, true)).toBeNull();
  });

  it('works where the row records do not end on 8 bytes (odd rows, 3 features: 12-byte records)', async () => {
    const data = matrix(3001, 3, 5);
    const y = labels(data, 'binary', 6);
    const fit = async (wasm: boolean) => {
      setHistKernelEnabled(wasm);
      return (await boost({ X: data, y }, 'binary', 2, { ...DEFAULT_BOOST_PARAMS, rounds: 6, maxLeaves: 8, maxDepth: 0 })).ensemble;
    };
    expect(await fit(true)).toEqual(await fit(false));
  });
});
