// Starting a kernel: in the sandboxed frame when the build has one and it
// answers, else (offline, an old browser, the dev server, ?isolation=off)
// on the app's origin as before, where trust stays the only gate.
import sandboxUrls from 'virtual:kernel-sandbox';
import { KernelClient, type HostHandler } from './client.ts';
import { sandboxedTransport } from './sandbox.ts';
import type { RequestMap } from './protocol.ts';
import type { HostDeps } from './hostBridge.ts';

/** The frame must say it is ready within this; it loads in well under a second online (a busy machine gets slack). */
const FRAME_TIMEOUT_MS = 8000;
/** The kernel in it must answer its first request within this (parsing the script included). */
const INIT_TIMEOUT_MS = 30_000;

export interface KernelStart {
  client: KernelClient;
  init: RequestMap['init']['result'];
  /** Why the kernel runs on the app's origin, when isolation was wanted but not had. */
  fallback?: string;
}

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(what)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** Host calls of a sandboxed kernel, checked by hostBridge.ts (loaded on the first call: it carries zod). */
function lazyHost(deps: () => HostDeps): HostHandler {
  let bridge: Promise<HostHandler> | undefined;
  return async (call) => {
    bridge ??= import('./hostBridge.ts').then((m) => m.hostBridge(deps()));
    return (await bridge)(call);
  };
}

/** `?isolation=off` runs the kernel on the app's origin (comparing both modes, debugging). */
function isolationWanted(): boolean {
  return new URLSearchParams(location.search).get('isolation') !== 'off';
}

/**
 * `isolation: false` starts the kernel on the app's origin on purpose: the
 * sandboxed frame's worker has no WebGPU (navigator.gpu is not exposed on
 * its opaque origin, measured in Chromium 156), so a user who picks WebGPU
 * trades the sandbox for the GPU (controller.ts asks first).
 */
export async function startKernel(deps: () => HostDeps, options: { isolation?: boolean } = {}): Promise<KernelStart> {
  let fallback: string | undefined;
  if (sandboxUrls && isolationWanted() && options.isolation !== false) {
    try {
      const client = new KernelClient(await sandboxedTransport(sandboxUrls, { timeoutMs: FRAME_TIMEOUT_MS }), lazyHost(deps));
      try {
        return { client, init: await withTimeout(client.request('init', {}), INIT_TIMEOUT_MS, `the sandboxed kernel did not answer within ${INIT_TIMEOUT_MS / 1000} s`) };
      } catch (error) {
        client.terminate();
        throw error;
      }
    } catch (error) {
      fallback = error instanceof Error ? error.message : String(error);
    }
  }
  const client = new KernelClient();
  return { client, init: await client.request('init', {}), fallback };
}
