// Persistence interface shared by the IndexedDB store (browser, worker) and
// the in-memory store (tests). Records are plain data; files are Blobs.

export interface NotebookRecord {
  /** Store key: "user:<random>" for the user's notebooks, "course:<file>" for a copy of a course notebook. */
  id: string;
  title: string;
  /** The notebook as .ipynb JSON text (serializeNotebook). */
  ipynb: string;
  updatedAt: number;
  /** For copies of a bundled course notebook: its file name, for "reset to original". */
  origin?: string;
  /** Bumped by every save: two tabs never silently overwrite each other (putNotebook's expectedRevision). */
  revision?: number;
  /** The tab (page load) that wrote this revision: a tab's own earlier write is never "another tab's" (src/ui/saving/). */
  writer?: string;
}

export interface FileRecord {
  id: string;
  name: string;
  type: string;
  size: number;
  blob: Blob;
  createdAt: number;
}

/** A trained model saved by the kernel worker, keyed by notebook id + value name. */
export interface ModelRecord {
  /** `${notebookId}::${name}` (modelKey). */
  id: string;
  notebookId: string;
  /** The kernel value name (the train cell's output). */
  name: string;
  /** modelType: linear, logistic, mlp, gbdt, ... */
  kind: string;
  /** Id of the cell that produced it. */
  cellId: string;
  /** Approximate bytes of the artifacts. */
  size: number;
  createdAt: number;
  /** Serialized model (src/worker/models.ts): plain data and typed arrays. */
  artifacts: unknown;
}

export type ModelInfo = Omit<ModelRecord, 'artifacts'>;

export function modelKey(notebookId: string, name: string): string {
  return `${notebookId}::${name}`;
}

export interface StorageEstimate {
  usage: number;
  quota: number;
  persisted: boolean;
}

export interface WorkbenchStore {
  listNotebooks(): Promise<Omit<NotebookRecord, 'ipynb'>[]>;
  getNotebook(id: string): Promise<NotebookRecord | undefined>;
  /**
   * Write a notebook in one transaction. With expectedRevision, the write
   * happens only if the stored record's revision is that one (0: none
   * stored) and stores revision + 1; otherwise it throws RevisionConflictError
   * and writes nothing. Returns the stored revision.
   */
  putNotebook(record: NotebookRecord, options?: { expectedRevision?: number }): Promise<number>;
  deleteNotebook(id: string): Promise<void>;

  listFiles(): Promise<Omit<FileRecord, 'blob'>[]>;
  getFile(id: string): Promise<FileRecord | undefined>;
  putFile(record: FileRecord): Promise<void>;
  deleteFile(id: string): Promise<void>;

  /** Saved models (without artifacts), newest first; of one notebook when given. */
  listModels(notebookId?: string): Promise<ModelInfo[]>;
  getModel(id: string): Promise<ModelRecord | undefined>;
  putModel(record: ModelRecord): Promise<void>;
  deleteModel(id: string): Promise<void>;

  getSetting<T>(key: string): Promise<T | undefined>;
  setSetting(key: string, value: unknown): Promise<void>;
}

/** Another tab saved this notebook since we read it: nothing was written. */
export class RevisionConflictError extends Error {
  constructor(readonly stored: number) {
    super('This notebook was changed in another tab or window since it was opened here; nothing was overwritten.');
    this.name = 'RevisionConflictError';
  }
}

/** Raised when the disk is full: nothing was written. */
export class StoreFullError extends Error {
  constructor(what: string) {
    super(`Storage is full: ${what} could not be saved. Free space by deleting notebooks or uploaded files.`);
    this.name = 'StoreFullError';
  }
}

export function newId(prefix: string): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return prefix + Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
