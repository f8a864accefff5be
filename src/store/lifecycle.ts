// The ML lifecycle's stores in IndexedDB: tracked runs (RunStore), the
// model registry (RegistryStore) and endpoints (EndpointStore), in the
// `runs`, `registry` and `endpoints` object stores of the workbench
// database (v4; endpoints since v5, see idb.ts). They behave like the engine's
// MemoryRunStore / MemoryRegistryStore (the reference): records are
// validated before anything is written, and a batch (an import, a
// registry transition) is written in one transaction, so a failure leaves
// nothing half-done. Used by the kernel worker (cells record runs and
// register models) and the main thread (runs and registry panels).
import { parseRunExport, serializeRuns, validateRun, type RunRecord, type RunStore } from '../lifecycle/runs.ts';
import { modelVersionSchema, type ModelVersion } from '../lifecycle/registry.ts';
import type { RegistryStore } from '../lifecycle/registryStore.ts';
import { MemoryRunStore } from '../lifecycle/memoryRunStore.ts';
import { MemoryRegistryStore } from '../lifecycle/registryStore.ts';
import { endpointSchema, type Endpoint } from '../lifecycle/endpoint.ts';
import { MemoryEndpointStore, type EndpointStore } from '../lifecycle/endpointStore.ts';
import { isQuota, openWorkbenchDb, type WorkbenchDb } from './idb.ts';
import { StoreFullError } from './types.ts';

async function guarded<T>(what: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (isQuota(error)) throw new StoreFullError(what);
    throw error;
  }
}

function newestFirst(a: RunRecord, b: RunRecord): number {
  return Date.parse(b.startedAt) - Date.parse(a.startedAt);
}

export class IdbRunStore implements RunStore {
  constructor(private readonly db: Promise<WorkbenchDb> = openWorkbenchDb()) {}

  async list(): Promise<RunRecord[]> {
    return (await (await this.db).getAll('runs')).sort(newestFirst);
  }

  /** The runs of one notebook (by the notebookId index), newest first. */
  async listByNotebook(notebookId: string): Promise<RunRecord[]> {
    return (await (await this.db).getAllFromIndex('runs', 'notebookId', notebookId)).sort(newestFirst);
  }

  async get(id: string): Promise<RunRecord | undefined> {
    return (await this.db).get('runs', id);
  }

  async put(run: RunRecord): Promise<void> {
    const valid = validateRun(run);
    await guarded(`the run "${valid.id}"`, async () => {
      await (await this.db).put('runs', valid);
    });
  }

  /** Insert or replace many runs in one transaction (all validated first); with replace, the store is cleared in the same transaction. */
  async putMany(runs: readonly RunRecord[], options: { replace?: boolean } = {}): Promise<void> {
    const valid = runs.map((r) => validateRun(r));
    await guarded(`${valid.length} runs`, async () => {
      const tx = (await this.db).transaction('runs', 'readwrite');
      const writes: Promise<unknown>[] = [];
      if (options.replace) writes.push(tx.store.clear());
      for (const r of valid) writes.push(tx.store.put(r));
      await Promise.all([...writes, tx.done]);
    });
  }

  async delete(id: string): Promise<void> {
    await (await this.db).delete('runs', id);
  }

  /** Delete several runs in one transaction. */
  async deleteMany(ids: readonly string[]): Promise<void> {
    const tx = (await this.db).transaction('runs', 'readwrite');
    await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done]);
  }

  async exportJSON(): Promise<string> {
    return serializeRuns(await this.list());
  }

  async importJSON(text: string, options: { replace?: boolean } = {}): Promise<number> {
    // Parse and validate the whole file before touching the store: a bad file changes nothing.
    const file = parseRunExport(text);
    await this.putMany(file.runs, options);
    return file.runs.length;
  }
}

export class IdbRegistryStore implements RegistryStore {
  constructor(private readonly db: Promise<WorkbenchDb> = openWorkbenchDb()) {}

  async list(name?: string): Promise<ModelVersion[]> {
    const db = await this.db;
    // The [name, version] key keeps them sorted by name, then version.
    return name === undefined ? db.getAll('registry') : db.getAllFromIndex('registry', 'name', name).then((v) => v.sort((a, b) => a.version - b.version));
  }

  async get(name: string, version: number): Promise<ModelVersion | undefined> {
    return (await this.db).get('registry', [name, version]);
  }

  async putMany(versions: readonly ModelVersion[]): Promise<void> {
    // Validate all first so a bad record writes nothing.
    const parsed = versions.map((v) => modelVersionSchema.parse(v));
    await guarded('the model registry', async () => {
      const tx = (await this.db).transaction('registry', 'readwrite');
      await Promise.all([...parsed.map((v) => tx.store.put(v)), tx.done]);
    });
  }

  async delete(name: string, version: number): Promise<void> {
    await (await this.db).delete('registry', [name, version]);
  }
}

export class IdbEndpointStore implements EndpointStore {
  constructor(private readonly db: Promise<WorkbenchDb> = openWorkbenchDb()) {}

  async list(): Promise<Endpoint[]> {
    return (await this.db).getAll('endpoints');
  }

  async get(name: string): Promise<Endpoint | undefined> {
    return (await this.db).get('endpoints', name);
  }

  async put(endpoint: Endpoint): Promise<void> {
    // Validate first so a bad record writes nothing.
    const valid = endpointSchema.parse(endpoint);
    await guarded(`the endpoint "${valid.name}"`, async () => {
      await (await this.db).put('endpoints', valid);
    });
  }
}

export interface LifecycleStores {
  runs: RunStore;
  registry: RegistryStore;
  endpoints: EndpointStore;
}

/** IndexedDB stores where the browser has IndexedDB, the engine's memory stores otherwise. */
export function lifecycleStores(): LifecycleStores {
  if (typeof indexedDB === 'undefined') return { runs: new MemoryRunStore(), registry: new MemoryRegistryStore(), endpoints: new MemoryEndpointStore() };
  const db = openWorkbenchDb();
  return { runs: new IdbRunStore(db), registry: new IdbRegistryStore(db), endpoints: new IdbEndpointStore(db) };
}
