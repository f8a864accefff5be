// WebGPU in the app (docs/security.md). The sandboxed kernel has no GPU
// access, so choosing WebGPU restarts the kernel on the app's origin after
// the user agrees. A lost WebGPU device ("Runaway work"): the kernel falls
// back to the next backend and says so, and the next cell computes there.
// WebGPU runs on SwiftShader here (--enable-unsafe-webgpu); a code cell
// destroys the device the kernel computes on, as a driver reset would.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useApp } from './session.ts';
import { cells, openNotebook, runCellFromButton, summary } from './helpers.ts';

type W = { workbench: { backend(): string; isolation(): string } };

const code = (id: string, source: string) => ({ cell_type: 'code', id, metadata: { workbench: { kind: 'code', params: {} } }, source, outputs: [], execution_count: null });

/** Runs a cell from its button; these cells compute next to nothing, so a run that has not ended in 5 minutes is a hang. */
const runCell = (page: Page, id: string) => runCellFromButton(page, id, { timeout: 300_000 });

describe('choosing WebGPU', () => {
  const s = useApp({ path: '/?backend=webgl' });

  it('leaves the sandbox only when the user agrees, and then computes on WebGPU', async () => {
    const state = () => s.page.evaluate(() => [(window as unknown as W).workbench.isolation(), (window as unknown as W).workbench.backend()]);
    expect(await state()).toEqual(['sandboxed', 'webgl']);
    // Declined: nothing changes.
    s.page.once('dialog', (d) => void d.dismiss());
    await s.page.locator('[data-testid="backend"]').selectOption('webgpu');
    await s.page.waitForTimeout(500);
    expect(await state()).toEqual(['sandboxed', 'webgl']);
    // Accepted: a fresh kernel on the app's origin, on WebGPU, and a notice that says so.
    let asked = '';
    s.page.once('dialog', (d) => {
      asked = d.message();
      void d.accept();
    });
    await s.page.locator('[data-testid="backend"]').selectOption('webgpu');
    await s.page.waitForFunction(() => (window as unknown as W).workbench.isolation() === 'same-origin' && (window as unknown as W).workbench.backend() === 'webgpu', null, { timeout: 300_000 }); // a fresh kernel and WebGPU device: over a minute on a loaded 2-core machine
    expect(asked).toContain('sandbox');
    await s.page.locator('.notices .notice', { hasText: 'to use WebGPU' }).waitFor();
    await openNotebook(s.page, { nbformat: 4, nbformat_minor: 5, metadata: { title: 'On the GPU' }, cells: [code('sum', "return tf.getBackend() + ' ' + (await tf.tensor([1, 2, 3]).sum().data())[0];")] }, { trusted: true });
    await runCell(s.page, 'sum');
    const cell = (await cells(s.page)).find((c) => c.id === 'sum')!;
    expect(JSON.stringify(cell.outputs), summary([cell])).toContain('webgpu 6');
  });
});

describe('WebGPU device loss', () => {
  // Asking for WebGPU in the URL starts the kernel on the app's origin (the sandbox has no GPU).
  const s = useApp({ path: '/?backend=webgpu' });

  it('falls back to another backend with a message, and the next cell runs there', async () => {
    expect(await s.page.evaluate(() => [(window as unknown as W).workbench.isolation(), (window as unknown as W).workbench.backend()])).toEqual(['same-origin', 'webgpu']);
    await openNotebook(s.page, {
      nbformat: 4, nbformat_minor: 5, metadata: { title: 'Device loss' },
      cells: [
        code('before', "return tf.getBackend() + ' ' + (await tf.tensor([1, 2, 3]).sum().data())[0];"),
        code('lose', "tf.backend().device.destroy();\nreturn 'destroyed';"),
        code('after', "return tf.getBackend() + ' ' + (await tf.tensor([1, 2, 3]).sum().data())[0];"),
      ],
    }, { trusted: true });
    const text = async (id: string) => {
      const cell = (await cells(s.page)).find((c) => c.id === id)!;
      expect(cell.status, summary([cell])).toBe('done');
      return JSON.stringify(cell.outputs);
    };
    await runCell(s.page, 'before');
    expect(await text('before')).toContain('webgpu 6');
    await runCell(s.page, 'lose');
    const notice = s.page.locator('.notices .notice', { hasText: 'The GPU (WebGPU) device was lost' });
    await notice.waitFor({ timeout: 60_000 });
    await s.page.waitForFunction(() => (window as unknown as W).workbench.backend() !== 'webgpu', null, { timeout: 60_000 });
    const backend = await s.page.evaluate(() => (window as unknown as W).workbench.backend());
    expect(['webgl', 'wasm', 'cpu']).toContain(backend);
    expect(await notice.textContent()).toContain(`switched to ${backend}`);
    await runCell(s.page, 'after');
    expect(await text('after')).toContain(`${backend} 6`);
  });
});
