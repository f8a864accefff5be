// What an engine host (Node runner, Web Worker, tests) gives the kernel:
// byte sources for the load cell and the tfjs backend in use. The engine
// never reaches the network, the file system or storage by itself.

export interface DatasetInfo {
  name: string;
  /** File name with extension, used to pick the parser (penguins.json). */
  file: string;
  description: string;
}

export interface HostServices {
  /** Bundled datasets (shipped with the app or an npm package). */
  listDatasets(): DatasetInfo[];
  readDataset(name: string): Promise<Uint8Array>;
  /** A URL on the app's own origin (a path like /data/x.csv); hosts refuse others. */
  fetchSameOrigin(url: string, signal?: AbortSignal): Promise<Uint8Array>;
  /** Bytes the user supplied (an upload), by the id the UI stored them under. */
  readUserFile(id: string): Promise<Uint8Array>;
  /**
   * Optional: the same upload as pieces (in a browser, a Blob's stream()), so
   * a file of hundreds of MB is parsed as it is read instead of being held
   * whole. The load cell prefers it when present; readUserFile stays required.
   */
  readUserFileStream?(id: string, signal?: AbortSignal): Promise<UserFileStream>;
  /** Name of the active tfjs backend (webgpu, webgl, wasm, cpu). */
  backend(): string;
  /** Optional: what a cell may hold before it is stopped with a clear message (a browser tab dies long before Node does). */
  memoryBudget?: MemoryBudget;
}

/** Limits a host sets so that a memory-hungry cell fails with a message instead of taking the tab down. */
export interface MemoryBudget {
  /** Values (rows × columns) one table may hold. */
  tableCells: number;
  /** Bytes of tfjs tensors alive at once. */
  tensorBytes: number;
}

/** An upload read in pieces: `size` (bytes, when known) lets the load cell report progress. */
export interface UserFileStream {
  chunks: AsyncIterable<Uint8Array>;
  size?: number;
}

export class UnavailableError extends Error {}

/** Host services for code paths that need none: every source is refused clearly. */
export const noHostServices: HostServices = {
  listDatasets: () => [],
  readDataset: async (name) => {
    throw new UnavailableError(`No bundled dataset named "${name}" in this host.`);
  },
  fetchSameOrigin: async (url) => {
    throw new UnavailableError(`This host cannot fetch "${url}".`);
  },
  readUserFile: async (id) => {
    throw new UnavailableError(`No uploaded file with id "${id}" in this host.`);
  },
  backend: () => 'cpu',
};
