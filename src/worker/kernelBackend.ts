// The kernel's tfjs backend: which one to start with (a GPU on a software
// renderer is slower than wasm), switching on request, and the fallback when
// a WebGPU device is lost. Runs inside the kernel worker.
import { activeBackend, initBackend, switchBackend, type BackendAttempt, type BackendName } from '../ml/backend.ts';
import { tf } from '../ml/tf.ts';
import type { BackendInfo, FromWorker } from './protocol.ts';

type WasmPaths = Record<string, string> | undefined;

export interface KernelBackendDeps {
  /** Where the WASM binaries are (without them the WASM backend fails and the next one is tried). */
  wasmPaths(): Promise<WasmPaths>;
  post(message: FromWorker): void;
  /** The device went away under a running cell: stop it (its tensors are gone). */
  cancelRuns(): void;
}

export class KernelBackend {
  /** The first initialisation; runs and switches wait for it. */
  private ready: Promise<unknown> | undefined;
  /** Devices whose loss is already watched (one fallback per device, however often the backend is switched back). */
  private readonly watchedDevices = new WeakSet<object>();

  constructor(private readonly deps: KernelBackendDeps) {}

  /** Resolves once the first backend is up (or failed: runs then meet the failure themselves). */
  async whenReady(): Promise<void> {
    await this.ready?.catch(() => undefined);
  }

  /** Start a backend: the order asked for, or the automatic one; says which in a 'backend' event. */
  async init(order?: BackendName[]): Promise<BackendInfo> {
    const run = (async () => {
      const chosen = order ? { order, skipped: [] } : await automaticOrder();
      const result = await initBackend({ order: chosen.order, wasmPaths: await this.deps.wasmPaths() });
      return { backend: result.backend, tried: [...chosen.skipped, ...result.tried] };
    })();
    this.ready = run;
    const info = await run;
    this.deps.post({ kind: 'backend', info });
    this.watchDeviceLoss();
    return info;
  }

  async switchTo(name: BackendName): Promise<BackendInfo> {
    await this.whenReady();
    await switchBackend(name, { wasmPaths: await this.deps.wasmPaths() });
    const info = { backend: activeBackend(), tried: [{ name, ok: true }] };
    this.deps.post({ kind: 'backend', info });
    this.watchDeviceLoss();
    return info;
  }

  /**
   * A lost WebGPU device (driver reset, GPU removed, the tab backgrounded too
   * long) leaves tfjs unusable: fall back to the next backend and say so.
   */
  private watchDeviceLoss(): void {
    if (activeBackend() !== 'webgpu') return;
    const device = (tf.backend() as unknown as { device?: { lost?: Promise<{ message?: string; reason?: string }> } }).device;
    if (!device || this.watchedDevices.has(device)) return;
    this.watchedDevices.add(device);
    // Any loss while WebGPU is the active backend counts, 'destroyed' included:
    // this kernel never destroys the device it computes on (a backend switch
    // changes activeBackend() first), so a destroyed device is one the page
    // cannot use any more either (a code cell, a driver reset).
    void device.lost?.then(async (info) => {
      if (activeBackend() !== 'webgpu') return;
      this.deps.cancelRuns();
      const result = await initBackend({ order: ['webgl', 'wasm', 'cpu'], wasmPaths: await this.deps.wasmPaths() }).catch(() => undefined);
      const backend = result?.backend ?? activeBackend();
      this.deps.post({ kind: 'backend', info: { backend, tried: [{ name: 'webgpu', ok: false, error: `GPU device lost: ${info?.message || 'unknown reason'}` }, ...(result?.tried ?? [])] } });
      this.deps.post({ kind: 'notice', message: `The GPU (WebGPU) device was lost${info?.message ? ` (${info.message})` : ''}; the kernel switched to ${backend || 'no backend'}. Models on the GPU are gone: run the cells again.` });
    });
  }
}

/**
 * webgpu → webgl → wasm → cpu, except that a GPU backend running on a
 * software renderer (SwiftShader, llvmpipe: machines without a usable GPU)
 * is slower than wasm, so it is tried last. WebGL in a worker needs
 * OffscreenCanvas.
 */
async function automaticOrder(): Promise<{ order: BackendName[]; skipped: BackendAttempt[] }> {
  const software: BackendName[] = [];
  const skipped: BackendAttempt[] = [];
  try {
    const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<{ isFallbackAdapter?: boolean; info?: { isFallbackAdapter?: boolean } } | null> } }).gpu;
    const adapter = gpu ? await gpu.requestAdapter() : null;
    if (adapter && (adapter.isFallbackAdapter || adapter.info?.isFallbackAdapter)) {
      software.push('webgpu');
      skipped.push({ name: 'webgpu', ok: false, error: 'only a software (fallback) WebGPU adapter: slower than wasm, tried after it' });
    }
  } catch {
    // initBackend reports WebGPU's own failure.
  }
  try {
    if (typeof OffscreenCanvas === 'undefined') {
      skipped.push({ name: 'webgl', ok: false, error: 'WebGL needs OffscreenCanvas inside a worker, and this browser has none' });
    } else {
      const gl = new OffscreenCanvas(1, 1).getContext('webgl2') as WebGL2RenderingContext | null;
      const ext = gl?.getExtension('WEBGL_debug_renderer_info');
      const renderer = gl && ext ? String(gl.getParameter(ext.UNMASKED_RENDERER_WEBGL)) : '';
      if (/swiftshader|llvmpipe|software/i.test(renderer)) {
        software.push('webgl');
        skipped.push({ name: 'webgl', ok: false, error: `software WebGL (${renderer}): slower than wasm, tried after it` });
      }
    }
  } catch {
    // initBackend reports WebGL's own failure.
  }
  const hardware = (['webgpu', 'webgl'] as BackendName[]).filter((b) => !software.includes(b));
  return { order: [...hardware, 'wasm', 'cpu', ...software], skipped };
}
