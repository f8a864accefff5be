// The stores a sandboxed kernel worker uses (docs/security.md, "Isolation"):
// the worker runs on an opaque origin and cannot open IndexedDB, so every
// read and write is a request to the app (src/worker/hostBridge.ts), which
// checks it and performs it on its own store. Only what the kernel needs is
// here; the rest of WorkbenchStore (notebooks, settings, the file list) is
// refused, so notebook code cannot reach it through this path either.
import type { HostOp, HostOpMap } from '../worker/protocol.ts';
import type { FileRecord, ModelInfo, ModelRecord, NotebookRecord, WorkbenchStore } from './types.ts';
import type { RunRecord, RunStore } from '../lifecycle/runs.ts';
import type { ModelVersion } from '../lifecycle/registry.ts';
import type { RegistryStore } from '../lifecycle/registryStore.ts';
import type { LifecycleStores } from './lifecycle.ts';
import type { Endpoint } from '../lifecycle/endpoint.ts';
import type { EndpointStore } from '../lifecycle/endpointStore.ts';

/** Send one host operation to the app and wait for its answer. */
export type HostCaller = <K extends HostOp>(op: K, ...args: HostOpMap[K]['args']) => Promise<HostOpMap[K]['result']>;

function refused(what: string): Promise<never> {
  return Promise.reject(new Error(`${what} is not available to the sandboxed kernel.`));
}

export class RemoteStore implements WorkbenchStore {
  constructor(private readonly call: HostCaller) {}

  listNotebooks(): Promise<Omit<NotebookRecord, 'ipynb'>[]> {
    return refused('Listing notebooks');
  }
  getNotebook(): Promise<NotebookRecord | undefined> {
    return refused('Reading notebooks');
  }
  putNotebook(): Promise<number> {
    return refused('Saving notebooks');
  }
  deleteNotebook(): Promise<void> {
    return refused('Deleting notebooks');
  }
  listFiles(): Promise<Omit<FileRecord, 'blob'>[]> {
    return refused('Listing uploaded files');
  }
  /** An upload the open notebook refers to, with its Blob (structured clone: blob.stream() works here). */
  getFile(id: string): Promise<FileRecord | undefined> {
    return this.call('getFile', id);
  }
  putFile(): Promise<void> {
    return refused('Uploading files');
  }
  deleteFile(): Promise<void> {
    return refused('Deleting uploaded files');
  }
  listModels(notebookId?: string): Promise<ModelInfo[]> {
    if (notebookId === undefined) return refused('Listing the models of every notebook');
    return this.call('listModels', notebookId);
  }
  getModel(id: string): Promise<ModelRecord | undefined> {
    return this.call('getModel', id);
  }
  putModel(record: ModelRecord): Promise<void> {
    return this.call('putModel', record);
  }
  deleteModel(): Promise<void> {
    return refused('Deleting saved models');
  }
  getSetting<T>(): Promise<T | undefined> {
    return refused('Reading settings');
  }
  setSetting(): Promise<void> {
    return refused('Writing settings');
  }
}

export class RemoteRunStore implements RunStore {
  constructor(private readonly call: HostCaller) {}
  list(): Promise<RunRecord[]> {
    return this.call('listRuns');
  }
  get(id: string): Promise<RunRecord | undefined> {
    return this.call('getRun', id);
  }
  put(run: RunRecord): Promise<void> {
    return this.call('putRun', run);
  }
  delete(): Promise<void> {
    return refused('Deleting runs');
  }
  exportJSON(): Promise<string> {
    return refused('Exporting runs');
  }
  importJSON(): Promise<number> {
    return refused('Importing runs');
  }
}

export class RemoteRegistryStore implements RegistryStore {
  constructor(private readonly call: HostCaller) {}
  list(name?: string): Promise<ModelVersion[]> {
    return name === undefined ? this.call('listVersions') : this.call('listVersions', name);
  }
  get(name: string, version: number): Promise<ModelVersion | undefined> {
    return this.call('getVersion', name, version);
  }
  putMany(versions: readonly ModelVersion[]): Promise<void> {
    return this.call('putVersions', [...versions]);
  }
  delete(): Promise<void> {
    return refused('Deleting registered versions');
  }
}

export class RemoteEndpointStore implements EndpointStore {
  constructor(private readonly call: HostCaller) {}
  list(): Promise<Endpoint[]> {
    return this.call('listEndpoints');
  }
  get(name: string): Promise<Endpoint | undefined> {
    return this.call('getEndpoint', name);
  }
  put(endpoint: Endpoint): Promise<void> {
    return this.call('putEndpoint', endpoint);
  }
}

export function remoteLifecycleStores(call: HostCaller): LifecycleStores {
  return { runs: new RemoteRunStore(call), registry: new RemoteRegistryStore(call), endpoints: new RemoteEndpointStore(call) };
}
