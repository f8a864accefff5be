// The IndexedDB store (idb). Versioned schema: each version's upgrade step
// runs in order, so an old database is brought up to date on open. Works in
// the main thread and in the kernel worker (which reads uploaded files).
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { RunRecord } from '../lifecycle/runs.ts';
import type { ModelVersion } from '../lifecycle/registry.ts';
import type { Endpoint } from '../lifecycle/endpoint.ts';
import { RevisionConflictError, StoreFullError, type FileRecord, type ModelInfo, type ModelRecord, type NotebookRecord, type StorageEstimate, type WorkbenchStore } from './types.ts';

export const DB_NAME = 'ml-workbench';
export const DB_VERSION = 5;

interface Schema extends DBSchema {
  notebooks: { key: string; value: NotebookRecord; indexes: { updatedAt: number } };
  files: { key: string; value: FileRecord; indexes: { createdAt: number } };
  models: { key: string; value: ModelRecord; indexes: { notebookId: string } };
  settings: { key: string; value: { key: string; value: unknown } };
  /** Tracked runs (src/lifecycle/runs.ts), by id. */
  runs: { key: string; value: RunRecord; indexes: { notebookId: string; startedAt: string } };
  /** Registered model versions (src/lifecycle/registry.ts), by [name, version]. */
  registry: { key: [string, number]; value: ModelVersion; indexes: { name: string } };
  /** Deployed endpoints (src/lifecycle/endpoint.ts): config history and request log, by name. */
  endpoints: { key: string; value: Endpoint };
}

export type WorkbenchDb = IDBPDatabase<Schema>;

export function openWorkbenchDb(): Promise<IDBPDatabase<Schema>> {
  return openDB<Schema>(DB_NAME, DB_VERSION, {
    // A newer version opened elsewhere (another tab after an update): let it upgrade.
    blocking(_current, _blocked, event) {
      (event.target as IDBDatabase).close();
    },
    upgrade(db, oldVersion, _newVersion, tx) {
      // v1: notebooks, files, settings.
      if (oldVersion < 1) {
        const nb = db.createObjectStore('notebooks', { keyPath: 'id' });
        nb.createIndex('updatedAt', 'updatedAt');
        db.createObjectStore('files', { keyPath: 'id' });
        db.createObjectStore('settings', { keyPath: 'key' });
      }
      // v2: models store; files get a createdAt index.
      if (oldVersion < 2) {
        db.createObjectStore('models', { keyPath: 'id' });
        tx.objectStore('files').createIndex('createdAt', 'createdAt');
      }
      // v3: saved models are found by notebook.
      if (oldVersion < 3) {
        tx.objectStore('models').createIndex('notebookId', 'notebookId');
      }
      // v4: the ML lifecycle: tracked runs and the model registry.
      if (oldVersion < 4) {
        const runs = db.createObjectStore('runs', { keyPath: 'id' });
        runs.createIndex('notebookId', 'notebookId');
        runs.createIndex('startedAt', 'startedAt');
        const registry = db.createObjectStore('registry', { keyPath: ['name', 'version'] });
        registry.createIndex('name', 'name');
      }
      // v5: endpoints (deploy, invoke and monitor cells).
      if (oldVersion < 5) {
        db.createObjectStore('endpoints', { keyPath: 'name' });
      }
    },
  });
}

export function isQuota(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED');
}

export class IdbStore implements WorkbenchStore {
  private db: Promise<IDBPDatabase<Schema>>;
  constructor() {
    this.db = openWorkbenchDb();
  }

  private async write(what: string, fn: (db: IDBPDatabase<Schema>) => Promise<unknown>): Promise<void> {
    try {
      await fn(await this.db);
    } catch (error) {
      // A failed put aborts its transaction: nothing half-written remains.
      if (isQuota(error)) throw new StoreFullError(what);
      throw error;
    }
  }

  async listNotebooks() {
    const all = await (await this.db).getAll('notebooks');
    return all.map(({ ipynb: _ipynb, ...rest }) => rest).sort((a, b) => b.updatedAt - a.updatedAt);
  }
  async getNotebook(id: string) {
    return (await this.db).get('notebooks', id);
  }
  /** One readwrite transaction: read the stored revision, compare, write revision + 1 (atomic across tabs). */
  async putNotebook(record: NotebookRecord, options: { expectedRevision?: number } = {}): Promise<number> {
    let revision = 0;
    await this.write(`the notebook "${record.title}"`, async (db) => {
      const tx = db.transaction('notebooks', 'readwrite');
      try {
        const stored = (await tx.store.get(record.id))?.revision ?? 0;
        if (options.expectedRevision !== undefined && stored !== options.expectedRevision) throw new RevisionConflictError(stored);
        revision = options.expectedRevision !== undefined ? stored + 1 : Math.max(stored + 1, record.revision ?? 0);
        await tx.store.put({ ...record, revision });
        await tx.done;
      } catch (error) {
        try {
          tx.abort();
        } catch {
          // already finished or aborted
        }
        tx.done.catch(() => undefined);
        throw error;
      }
    });
    return revision;
  }
  async deleteNotebook(id: string) {
    await (await this.db).delete('notebooks', id);
  }
  async listFiles() {
    const all = await (await this.db).getAll('files');
    return all.map(({ blob: _blob, ...rest }) => rest).sort((a, b) => b.createdAt - a.createdAt);
  }
  async getFile(id: string) {
    return (await this.db).get('files', id);
  }
  putFile(record: FileRecord) {
    return this.write(`the file "${record.name}"`, (db) => db.put('files', record));
  }
  async deleteFile(id: string) {
    await (await this.db).delete('files', id);
  }
  async listModels(notebookId?: string): Promise<ModelInfo[]> {
    const db = await this.db;
    const all = notebookId === undefined ? await db.getAll('models') : await db.getAllFromIndex('models', 'notebookId', notebookId);
    return all.map(({ artifacts: _a, ...rest }) => rest).sort((a, b) => b.createdAt - a.createdAt);
  }
  async getModel(id: string) {
    return (await this.db).get('models', id);
  }
  putModel(record: ModelRecord) {
    return this.write(`the model "${record.name}"`, (db) => db.put('models', record));
  }
  async deleteModel(id: string) {
    await (await this.db).delete('models', id);
  }
  async getSetting<T>(key: string): Promise<T | undefined> {
    return (await (await this.db).get('settings', key))?.value as T | undefined;
  }
  setSetting(key: string, value: unknown) {
    return this.write(`the setting "${key}"`, (db) => db.put('settings', { key, value }));
  }
}

/** Usage against quota, and whether the browser keeps our data under pressure. */
export async function storageEstimate(): Promise<StorageEstimate | undefined> {
  if (!navigator.storage?.estimate) return undefined;
  const { usage = 0, quota = 0 } = await navigator.storage.estimate();
  const persisted = (await navigator.storage.persisted?.()) ?? false;
  return { usage, quota, persisted };
}

export async function requestPersistence(): Promise<boolean> {
  try {
    if (await navigator.storage?.persisted?.()) return true;
    return (await navigator.storage?.persist?.()) ?? false;
  } catch {
    return false;
  }
}
