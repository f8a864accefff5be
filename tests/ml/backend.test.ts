import { describe, expect, it } from 'vitest';
import { activeBackend, initBackend, switchBackend } from '../../src/ml/backend.ts';

describe('initBackend in Node', () => {
  it('falls back to wasm and reports webgpu and webgl as tried and unavailable', async () => {
    const result = await initBackend();
    expect(result.backend).toBe('wasm');
    expect(activeBackend()).toBe('wasm');
    expect(result.tried.map((t) => t.name)).toEqual(['webgpu', 'webgl', 'wasm']);
    expect(result.tried.map((t) => t.ok)).toEqual([false, false, true]);
    for (const t of result.tried.slice(0, 2)) expect(t.error).toMatch(/not (found|available)/);
  });

  it('honours a custom order and switches between backends', async () => {
    const result = await initBackend({ order: ['cpu', 'wasm'] });
    expect(result).toEqual({ backend: 'cpu', tried: [{ name: 'cpu', ok: true }] });
    expect(await switchBackend('wasm')).toBe('wasm');
    expect(activeBackend()).toBe('wasm');
    await expect(switchBackend('webgl')).rejects.toThrow(/webgl/);
    // A failed switch leaves the previous backend active.
    expect(activeBackend()).toBe('wasm');
  });

  it('throws, listing every attempt, when nothing works', async () => {
    await expect(initBackend({ order: ['webgl'] })).rejects.toThrow(/webgl:/);
  });
});
