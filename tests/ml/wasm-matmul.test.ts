// WASM's BatchMatMul with transposed operands (every matMul gradient) goes
// through an explicit transpose (src/ml/wasm-matmul.ts): the products must
// equal the CPU backend's, for 2-D and batched operands, and leak nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend, switchBackend } from '../../src/ml/backend.ts';
import { tf } from '../../src/ml/tf.ts';

beforeAll(async () => {
  await initBackend({ order: ['wasm'] });
});
afterAll(async () => {
  await switchBackend('cpu');
});

const cases: { a: number[]; b: number[]; ta: boolean; tb: boolean }[] = [
  { a: [7, 5], b: [5, 3], ta: false, tb: false },
  { a: [5, 7], b: [5, 3], ta: true, tb: false },
  { a: [7, 5], b: [3, 5], ta: false, tb: true },
  { a: [5, 7], b: [3, 5], ta: true, tb: true },
  { a: [2, 5, 7], b: [2, 3, 5], ta: true, tb: true },
  { a: [2, 7, 5], b: [1, 3, 5], ta: false, tb: true },
];

describe('WASM matMul with transposed operands', () => {
  it('equals the cpu backend for every transpose combination, 2-D and batched, and frees its temporaries', async () => {
    const products = async (backend: 'cpu' | 'wasm') => {
      await switchBackend(backend);
      return cases.map(({ a, b, ta, tb }, i) => tf.tidy(() => {
        const x = tf.randomNormal(a, 0, 1, 'float32', i + 1);
        const y = tf.randomNormal(b, 0, 1, 'float32', i + 100);
        return { shape: tf.matMul(x, y, ta, tb).shape, values: tf.matMul(x, y, ta, tb).dataSync() };
      }));
    };
    const cpu = await products('cpu');
    await switchBackend('wasm');
    const before = tf.memory().numTensors;
    const wasm = await products('wasm');
    expect(tf.memory().numTensors).toBe(before);
    expect(tf.engine().backend.numDataIds()).toBe(before);
    cases.forEach((c, i) => {
      expect(wasm[i].shape, JSON.stringify(c)).toEqual(cpu[i].shape);
      wasm[i].values.forEach((v, j) => expect(Math.abs(v - cpu[i].values[j]), `${JSON.stringify(c)} [${j}]`).toBeLessThan(1e-5));
    });
  });
});
