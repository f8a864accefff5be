// FlatAdam (src/ml/flat-adam.ts) updates all variables in one pass and must
// give every weight exactly what tf.train.adam gives it (AdamW: then the
// kernels × (1 − lr·wd)), step after step, with a rate change between steps.
// On WASM it runs as a SIMD module on the backend's heap, or as a JavaScript
// loop where that module is missing: both are checked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend, switchBackend } from '../../src/ml/backend.ts';
import { tf } from '../../src/ml/tf.ts';
import { FlatAdam } from '../../src/ml/flat-adam.ts';
import { setAdamKernelEnabled } from '../../src/ml/heap-adam-kernel.ts';

beforeAll(async () => {
  await initBackend({ order: ['cpu'] });
});
afterAll(async () => {
  await switchBackend('cpu');
});

// 12, 4, 8, 2 and 7 weights: whole SIMD groups, a tail alone, and groups with a tail.
const SHAPES = [[3, 4], [4], [4, 2], [2], [7]];

/** Variables with a seeded start, and a loss whose gradients differ per step. */
function problem(seed: number) {
  const vars = tf.tidy(() => SHAPES.map((s, i) => tf.variable(tf.randomNormal(s, 0, 1, 'float32', seed + i))));
  const loss = (step: number) => () => tf.tidy(() => {
    const x = tf.randomNormal([5, 3], 0, 1, 'float32', 1000 + step);
    const h = tf.relu(x.matMul(vars[0]).add(vars[1]));
    return tf.square(h.matMul(vars[2]).add(vars[3])).mean().add(tf.sum(tf.square(tf.sub(vars[4], x.slice([0, 0], [1, 3]).sum())))) as tf.Scalar;
  });
  return { vars, loss };
}

async function run(flat: boolean, decay: number | undefined) {
  const { vars, loss } = problem(7);
  const kernels = [vars[0], vars[2]];
  const optimizer = flat ? new FlatAdam(0.05, decay === undefined ? undefined : { weightDecay: decay, kernels }) : tf.train.adam(0.05);
  for (let step = 0; step < 6; step++) {
    if (step === 3) (optimizer as unknown as { learningRate: number }).learningRate = 0.02;
    optimizer.minimize(loss(step), false, vars);
    if (!flat && decay !== undefined) {
      const factor = 1 - (step >= 3 ? 0.02 : 0.05) * decay;
      tf.tidy(() => kernels.forEach((k) => k.assign(k.mul(factor))));
    }
  }
  const values = vars.map((v) => Array.from(v.dataSync()));
  optimizer.dispose();
  vars.forEach((v) => v.dispose());
  return values;
}

describe('FlatAdam', () => {
  for (const [backend, simd] of [['cpu', false], ['wasm', true], ['wasm', false]] as const) {
    it(`equals tf.train.adam bit for bit on ${backend}${backend === 'wasm' ? (simd ? ' (SIMD module)' : ' (JavaScript loop)') : ''} (Adam, and AdamW against Adam + kernel decay), leaking nothing`, async () => {
      await switchBackend(backend);
      setAdamKernelEnabled(simd);
      const before = tf.memory().numTensors;
      for (const decay of [undefined, 0.1]) {
        const reference = await run(false, decay);
        const flat = await run(true, decay);
        expect(flat).toEqual(reference);
        // The steps moved the weights (the comparison is not of untouched starts).
        const { vars } = problem(7);
        expect(Array.from(vars[0].dataSync())).not.toEqual(flat[0]);
        vars.forEach((v) => v.dispose());
      }
      expect(tf.memory().numTensors).toBe(before);
      setAdamKernelEnabled(true);
    });
  }
});
