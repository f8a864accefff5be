// WebGPU in Node: the `webgpu` npm package (Dawn) gives navigator.gpu; on a
// GPU-less machine it runs on SwiftShader's Vulkan driver (shipped by
// Debian's chromium package) through the Vulkan loader (libvulkan1). A small
// MLP and LSTM must train on webgpu with cpu's numbers (float32 on both, so
// a loose tolerance for summation order).
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { switchBackend } from '../../src/ml/backend.ts';
import { fitModel } from '../../src/ml/fit.ts';
import { buildWindows } from '../../src/ml/sequences/index.ts';
import { fitSequenceModel } from '../../src/ml/sequences/fit.ts';
import { tf } from '../../src/ml/tf.ts';
import { circles } from './synthetic.ts';
import { sineSeries } from './sequence-data.ts';

const ICD = process.env.VK_ICD_FILENAMES ?? '/usr/lib/chromium/vk_swiftshader_icd.json';
const LOADERS = ['/usr/lib/x86_64-linux-gnu/libvulkan.so.1', '/usr/lib/aarch64-linux-gnu/libvulkan.so.1'];

function missing(): string | undefined {
  try {
    createRequire(import.meta.url).resolve('webgpu');
  } catch {
    return 'the `webgpu` npm package is not installed';
  }
  if (!existsSync(ICD)) return `no Vulkan ICD at ${ICD} (apt-get install chromium for SwiftShader, or set VK_ICD_FILENAMES)`;
  if (!LOADERS.some((p) => existsSync(p))) return 'no Vulkan loader libvulkan.so.1 (apt-get install libvulkan1)';
  return undefined;
}

const reason = missing();
if (reason) console.warn(`Skipping WebGPU-in-Node tests: ${reason}.`);

describe.skipIf(reason !== undefined)('webgpu in Node', () => {
  it('an MLP and an LSTM train on webgpu with cpu\'s losses (within 1e-3 relative)', async () => {
    process.env.VK_ICD_FILENAMES = ICD;
    const { create, globals } = await import('webgpu');
    Object.assign(globalThis, globals);
    Object.defineProperty(globalThis, 'navigator', { value: { gpu: create([]) }, configurable: true });
    const windows = buildWindows(sineSeries(16), { features: ['v'], target: 'v', steps: 4, horizon: 1, group: 'g' });
    const run = async (backend: 'cpu' | 'webgpu') => {
      await switchBackend(backend);
      const mlp = await fitModel(circles(64), { target: 'inside', model: 'mlp', hidden: [8], optimizer: 'adam', learningRate: 0.05, epochs: 2, batchSize: 32, seed: 1 });
      const lstm = await fitSequenceModel(windows, { model: 'lstm', units: [4], optimizer: 'adam', learningRate: 0.05, epochs: 2, batchSize: 16, seed: 1 });
      mlp.model.dispose();
      lstm.model.dispose();
      return [...mlp.result.history, ...lstm.result.history].map((h) => h.loss);
    };
    const cpu = await run('cpu');
    const gpu = await run('webgpu');
    expect(tf.getBackend()).toBe('webgpu');
    gpu.forEach((l, i) => expect(Math.abs(l - cpu[i])).toBeLessThanOrEqual(1e-3 * Math.max(1, Math.abs(cpu[i]))));
    await switchBackend('cpu');
  });
});
