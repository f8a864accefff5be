// Host services of the sandboxed kernel: on an opaque origin the worker can
// fetch nothing of the app's, so bundled datasets, same-origin URLs and the
// tfjs WASM binaries come from the app (host calls, src/worker/hostBridge.ts).
// Uploads come through RemoteStore.getFile, which browserHost already uses.
import type { HostServices } from '../core/host.ts';
import { checkAborted } from '../core/errors.ts';
import type { HostCaller } from '../store/remote.ts';

/** `base` with its network reads replaced by host calls (everything else, streaming uploads included, stays). */
export function remoteHostServices<H extends HostServices>(base: H, call: HostCaller): H {
  return {
    ...base,
    readDataset: (name: string) => call('readDataset', name),
    async fetchSameOrigin(url: string, signal?: AbortSignal) {
      checkAborted(signal);
      const bytes = await call('fetchSameOrigin', url);
      checkAborted(signal);
      return bytes;
    },
  };
}

let wasmPaths: Promise<Record<string, string>> | undefined;

/** tfjs setWasmPaths for the sandbox: the app's WASM binaries as blob: URLs of this worker (fetched once). */
export function remoteWasmPaths(call: HostCaller): Promise<Record<string, string>> {
  wasmPaths ??= call('wasmBinaries').then((binaries) =>
    Object.fromEntries(Object.entries(binaries).map(([name, bytes]) => [name, URL.createObjectURL(new Blob([bytes], { type: 'application/wasm' }))])),
  );
  wasmPaths.catch(() => (wasmPaths = undefined));
  return wasmPaths;
}
