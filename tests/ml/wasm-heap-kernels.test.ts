// GatherV2, Transpose, Sum, Slice, SplitV, Unpack and broadcasting Equal on
// WASM run as copies and loops on the WASM heap (src/ml/wasm-copy-kernels.ts,
// wasm-slice-kernels.ts, wasm-broadcast-kernels.ts). Each must give exactly the values and shapes of
// the backend's own kernels (copies move bits; the sums add in the same
// order in float32) and of the cpu backend (except sums: cpu adds in float64),
// for the shapes training uses and the odd ones (size-1 axes, batches,
// negative axes, keepDims, int32), fall back where it does not apply, and
// leak nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend, switchBackend } from '../../src/ml/backend.ts';
import { tf } from '../../src/ml/tf.ts';
import { withOriginalWasmKernels } from '../../src/ml/wasm-heap.ts';

const REPLACED = ['GatherV2', 'Transpose', 'Sum', 'Slice', 'SplitV', 'Unpack', 'Equal'];

beforeAll(async () => {
  await initBackend({ order: ['wasm'] });
});
afterAll(async () => {
  await switchBackend('cpu');
});

const x = (shape: number[], seed: number) => tf.randomNormal(shape, 0, 1, 'float32', seed);
const ints = (shape: number[]) => tf.range(0, shape.reduce((a, b) => a * b, 1), 1, 'int32').reshape(shape);

/** Every case: a name and the tensors it makes (each is compared by shape, dtype and values). */
const cases: [string, () => tf.Tensor | tf.Tensor[]][] = [
  ['gather rows', () => tf.gather(x([20, 5], 1), tf.tensor1d([3, 0, 19, 3], 'int32'))],
  ['gather rows of a vector', () => tf.gather(x([20], 2), tf.tensor1d([7, 1], 'int32'))],
  ['gather rows of a 3-D tensor, 2-D indices', () => tf.gather(x([6, 4, 3], 3), tf.tensor2d([[5, 0], [2, 2]], [2, 2], 'int32'))],
  ['gather int32 rows', () => tf.gather(ints([5, 3]), tf.tensor1d([4, 1], 'int32'))],
  ['gather along axis 1 (backend kernel)', () => tf.gather(x([4, 6], 4), tf.tensor1d([5, 1], 'int32'), 1)],
  ['transpose 2-D', () => tf.transpose(x([37, 19], 5))],
  ['transpose batched last two', () => tf.transpose(x([3, 17, 5], 6), [0, 2, 1])],
  ['transpose with size-1 axes', () => tf.transpose(x([1, 9, 1, 4], 7), [3, 1, 2, 0])],
  ['transpose other permutation (backend kernel)', () => tf.transpose(x([2, 3, 4], 8), [1, 0, 2])],
  ['transpose int32 (backend kernel)', () => tf.transpose(ints([3, 4]))],
  ['sum over axis 0', () => tf.sum(x([300, 13], 13), 0)],
  ['sum over leading axes, keepDims', () => tf.sum(x([4, 5, 6], 14), [1, 0], true)],
  ['sum over the first two axes in order, keepDims', () => tf.sum(x([4, 5, 6], 27), [0, 1], true)],
  ['sum over negative leading axis', () => tf.sum(x([8, 3], 15), -2)],
  ['sum over the last axis (backend kernel)', () => tf.sum(x([8, 3], 16), 1)],
  ['sum of everything (backend kernel)', () => tf.sum(x([8, 3], 17))],
  ['slice 2-D columns', () => tf.slice(x([6, 10], 18), [1, 3], [4, 5])],
  ['slice 2-D whole rows (contiguous)', () => tf.slice(x([6, 10], 19), [2, 0], [3, -1])],
  ['slice 3-D middle axis', () => tf.slice(x([4, 7, 5], 20), [1, 2, 0], [2, 3, 5])],
  ['slice 4-D box', () => tf.slice(x([3, 4, 5, 6], 21), [1, 1, 2, 3], [2, 2, 2, 2])],
  ['slice int32', () => tf.slice(ints([5, 6]), [1, 2], [3, 3])],
  ['slice empty', () => tf.slice(x([5, 6], 22), [1, 2], [0, 3])],
  ['split the last axis in equal parts', () => tf.split(x([5, 12], 23), 4, 1)],
  ['split the last axis by sizes', () => tf.split(x([5, 12], 24), [2, 7, 3], -1)],
  ['unstack the middle axis', () => tf.unstack(x([4, 6, 3], 25), 1)],
  ['unstack the first axis', () => tf.unstack(x([3, 2, 2], 26), 0)],
  ['equal to a broadcast maximum (a max gradient)', () => { const v = tf.round(x([4, 9, 5], 28)); return tf.equal(v, tf.max(v, 1, true)); }],
  ['equal, both sides broadcast, ranks differ', () => tf.equal(tf.round(x([3, 1, 4], 29)), tf.round(x([5, 1], 30)))],
  ['equal with NaN and signed zeros', () => tf.equal(tf.tensor2d([[NaN, -0, 1], [0, 2, NaN]]), tf.tensor1d([NaN, 0, 1]))],
  ['equal int32 broadcast', () => tf.equal(ints([3, 4]), tf.tensor1d([0, 5, 6, 3], 'int32'))],
  ['equal, same shapes (backend kernel)', () => tf.equal(tf.round(x([3, 4], 31)), tf.round(x([3, 4], 32)))],
];

function values(make: () => tf.Tensor | tf.Tensor[]) {
  return tf.tidy(() => {
    const out = make();
    return (Array.isArray(out) ? out : [out]).map((t) => ({ shape: t.shape, dtype: t.dtype, values: Array.from(t.dataSync()) }));
  });
}

describe('WASM heap kernels', () => {
  it('equal the backend\'s own kernels and the cpu backend exactly, case by case, and free what they make', async () => {
    await switchBackend('cpu');
    const cpu = cases.map(([, make]) => values(make));
    await switchBackend('wasm');
    const own = withOriginalWasmKernels(REPLACED, () => cases.map(([, make]) => values(make)));
    const before = tf.memory().numTensors;
    const wasm = cases.map(([, make]) => values(make));
    expect(tf.memory().numTensors).toBe(before);
    expect(tf.engine().backend.numDataIds()).toBe(before);
    cases.forEach(([name], i) => {
      expect(wasm[i], name).toEqual(own[i]);
      if (!name.startsWith('sum')) expect(wasm[i], name).toEqual(cpu[i]);
    });
  });

  it('refuses an index out of range with the backend\'s message', async () => {
    await switchBackend('wasm');
    const before = tf.memory().numTensors;
    expect(() => tf.tidy(() => tf.gather(x([4, 2], 1), tf.tensor1d([1, 4], 'int32')))).toThrow('GatherV2: the index value 4 is not in [0, 3]');
    expect(tf.engine().backend.numDataIds()).toBe(before);
  });
});
