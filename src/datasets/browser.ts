// Host services for the browser (the kernel worker): bundled datasets are
// Vite `?url` assets of the app's own origin, same-origin URLs are fetched,
// uploaded files are Blobs read from IndexedDB (whole, or streamed in
// pieces for the load cell: readUserFileStream). Nothing leaves the origin.
import type { HostServices, MemoryBudget, UserFileStream } from '../core/host.ts';
import { CellError, checkAborted } from '../core/errors.ts';
import { DATASETS, findDataset } from './catalog.ts';
import type { WorkbenchStore } from '../store/types.ts';
import type { LifecycleServices } from '../lifecycle/host.ts';
// vega-datasets' exports map blocks the bare specifier: import the files by path.
import penguinsUrl from '../../node_modules/vega-datasets/data/penguins.json?url';
import seattleUrl from '../../node_modules/vega-datasets/data/seattle-weather.csv?url';
import carsUrl from '../../node_modules/vega-datasets/data/cars.json?url';

/** Asset URLs by catalog path. Datasets under public/ need no entry: they are served as they are. */
const ASSET_URLS: Record<string, string> = {
  'node_modules/vega-datasets/data/penguins.json': penguinsUrl,
  'node_modules/vega-datasets/data/seattle-weather.csv': seattleUrl,
  'node_modules/vega-datasets/data/cars.json': carsUrl,
};

// Project data files (if any) are bundled by glob, so new catalog entries under data/ need no code here.
const DATA_URLS = import.meta.glob('../../data/**/*.{csv,tsv,json,jsonl}', { query: '?url', import: 'default', eager: true }) as Record<string, string>;

export function datasetUrl(path: string): string | undefined {
  if (ASSET_URLS[path]) return ASSET_URLS[path];
  const viaGlob = DATA_URLS[`../../${path}`];
  if (viaGlob) return viaGlob;
  if (path.startsWith('public/')) return '/' + path.slice('public/'.length);
  return undefined;
}

function origin(): string {
  return (globalThis as unknown as { location: { origin: string } }).location.origin;
}

/** `source`: what the student asked for (a bundled dataset's name or the URL as written), for the message. */
async function fetchBytes(url: string, source: { dataset?: string; url?: string }, signal?: AbortSignal): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    const detail = error instanceof Error ? error.message : String(error);
    throw (source.dataset !== undefined
      ? CellError.coded('host.datasetFetchFailed', { name: source.dataset, detail }, { cause: error })
      : CellError.coded('host.urlFetchFailed', { url: source.url ?? url, detail }, { cause: error }));
  }
  const status = `${response.status} ${response.statusText}`.trim();
  if (!response.ok) throw (source.dataset !== undefined
      ? CellError.coded('host.datasetHttp', { name: source.dataset, status })
      : CellError.coded('host.urlHttp', { url: source.url ?? url, status }));
  return new Uint8Array(await response.arrayBuffer());
}

/** The stored Blob of an upload, or the message that it is gone. */
async function uploadBlob(store: () => Promise<WorkbenchStore>, id: string): Promise<Blob> {
  const record = await (await store()).getFile(id);
  if (!record) throw CellError.coded('host.noUpload', { id });
  return record.blob;
}

/**
 * A Blob's bytes as the pieces its stream() gives (about 64 KB each), so a
 * large upload is parsed as it is read. A cancel cancels the reader at once
 * (a pending read then ends): the iteration throws CancelledError rather than
 * ending, so a cancelled read never passes for the end of the file. Stopping
 * the iteration early (a parse error) cancels the reader too.
 */
export function blobChunks(blob: Blob, signal?: AbortSignal): UserFileStream['chunks'] {
  return {
    async *[Symbol.asyncIterator]() {
      checkAborted(signal);
      const reader = blob.stream().getReader();
      const cancel = () => void reader.cancel().catch(() => undefined);
      signal?.addEventListener('abort', cancel, { once: true });
      let finished = false;
      try {
        for (;;) {
          const { done, value } = await reader.read();
          checkAborted(signal);
          if (done) {
            finished = true;
            return;
          }
          yield value;
        }
      } finally {
        signal?.removeEventListener('abort', cancel);
        if (!finished) cancel();
      }
    },
  };
}

/**
 * The worker's host. `lifecycle` adds the ML lifecycle services (run and
 * registry stores in IndexedDB, saving/loading registered models, the open
 * notebook): train/tune/crossval cells record runs and register cells
 * register versions through them.
 */
export function browserHost(options: { store: () => Promise<WorkbenchStore>; backend: () => string; lifecycle?: LifecycleServices; memoryBudget?: MemoryBudget }): HostServices & LifecycleServices {
  return {
    ...options.lifecycle,
    memoryBudget: options.memoryBudget,
    listDatasets: () => DATASETS.map(({ name, file, description }) => ({ name, file, description })),
    async readDataset(name) {
      const entry = findDataset(name);
      if (!entry) throw CellError.coded('host.noDataset', { name, datasets: DATASETS.map((d) => d.name).join(', ') });
      const url = datasetUrl(entry.path);
      if (!url) throw CellError.coded('host.notBundled', { name });
      return fetchBytes(new URL(url, origin()).href, { dataset: name });
    },
    async fetchSameOrigin(url, signal) {
      let resolved: URL;
      try {
        resolved = new URL(url, origin());
      } catch {
        throw CellError.coded('host.badUrl', { url });
      }
      if (resolved.origin !== origin()) throw CellError.coded('host.otherOrigin', { url });
      return fetchBytes(resolved.href, { url }, signal);
    },
    async readUserFile(id) {
      return new Uint8Array(await (await uploadBlob(options.store, id)).arrayBuffer());
    },
    async readUserFileStream(id, signal) {
      const blob = await uploadBlob(options.store, id);
      return { chunks: blobChunks(blob, signal), size: blob.size };
    },
    backend: options.backend,
  };
}
