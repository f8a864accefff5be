// Choosing the tfjs backend: try the fastest first and fall back. tfjs
// reports an unavailable backend in two ways: setBackend() throws when the
// name was never registered (webgl/webgpu in Node) and resolves false when
// the backend is registered but its init fails (no WebGPU adapter), leaving
// the previous backend active. Both count as "not ok" here.
import { tf } from './tf.ts';
import { patchWasmMatMul } from './wasm-matmul.ts';
import { patchWasmCopyKernels } from './wasm-copy-kernels.ts';
import { patchWasmSliceKernels } from './wasm-slice-kernels.ts';
import { patchWasmBroadcastKernels } from './wasm-broadcast-kernels.ts';
import { CellError } from '../core/errors.ts';

export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

export const DEFAULT_BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

export interface BackendAttempt {
  name: BackendName;
  ok: boolean;
  error?: string;
}

export interface BackendInitResult {
  /** The backend now active. */
  backend: string;
  /** Every backend tried, in order, up to and including the one that worked. */
  tried: BackendAttempt[];
}

export interface BackendOptions {
  order?: BackendName[];
  /**
   * Where the WASM binaries are (tfjs setWasmPaths): a prefix or a map of
   * file name → URL. Browsers need it (Vite `?url` imports); Node does not:
   * the package's Node entry finds the .wasm beside itself.
   */
  wasmPaths?: Record<string, string> | string;
}

// Importing a backend package registers it with tfjs; do it once, on demand,
// so that hosts that never use WASM or WebGPU never load them.
const loaded = new Map<BackendName, Promise<void>>();

async function loadBackend(name: BackendName, options: BackendOptions): Promise<void> {
  let p = loaded.get(name);
  if (!p) {
    p = (async () => {
      if (name === 'wasm') {
        const wasm = await import('@tensorflow/tfjs-backend-wasm');
        if (options.wasmPaths !== undefined) wasm.setWasmPaths(options.wasmPaths);
        patchWasmCopyKernels();
        patchWasmSliceKernels();
        patchWasmBroadcastKernels();
        patchWasmMatMul();
      } else if (name === 'webgpu') {
        await import('@tensorflow/tfjs-backend-webgpu');
      }
      // cpu and webgl come with '@tensorflow/tfjs'.
    })();
    loaded.set(name, p);
    // A failed import may be retried later (e.g. after a network blip).
    p.catch(() => loaded.delete(name));
  }
  return p;
}

/** Try one backend; on failure the previously active backend stays. */
async function trySet(name: BackendName, options: BackendOptions): Promise<BackendAttempt> {
  try {
    await loadBackend(name, options);
    if (!(name in tf.engine().registryFactory)) {
      return { name, ok: false, error: `backend "${name}" is not available in this environment` };
    }
    const ok = await tf.setBackend(name);
    if (ok && tf.getBackend() === name) {
      await tf.ready();
      return { name, ok: true };
    }
    return { name, ok: false, error: `backend "${name}" failed to initialise` };
  } catch (error) {
    return { name, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Activate the first backend in `order` (default webgpu → webgl → wasm →
 * cpu) that initialises, and report every attempt.
 */
export async function initBackend(options: BackendOptions = {}): Promise<BackendInitResult> {
  const order = options.order ?? [...DEFAULT_BACKEND_ORDER];
  const tried: BackendAttempt[] = [];
  for (const name of order) {
    const attempt = await trySet(name, options);
    tried.push(attempt);
    if (attempt.ok) return { backend: name, tried };
  }
  const errors = tried.map((t) => `${t.name}: ${t.error ?? 'failed'}`).join('; ');
  throw CellError.coded('backend.none', { detail: errors });
}

/** Switch to one backend; throws with the reason if it is unavailable. */
export async function switchBackend(name: BackendName, options: BackendOptions = {}): Promise<string> {
  const attempt = await trySet(name, options);
  if (!attempt.ok) throw CellError.coded('backend.switchFailed', { name, detail: attempt.error ?? 'failed' });
  return name;
}

/** The active backend's name ('cpu' etc.), or '' if none is set up yet. */
export function activeBackend(): string {
  return tf.getBackend() ?? '';
}
