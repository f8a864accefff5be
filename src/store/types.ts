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
}

export interface FileRecord {
  id: string;
  name: string;
  type: string;
  size: number;
  blob: Blob;
  createdAt: number;
}

export interface ModelRecord {
  id: string;
  name: string;
  createdAt: number;
  artifacts: unknown;
}

export interface StorageEstimate {
  usage: number;
  quota: number;
  persisted: boolean;
}

export interface WorkbenchStore {
  listNotebooks(): Promise<Omit<NotebookRecord, 'ipynb'>[]>;
  getNotebook(id: string): Promise<NotebookRecord | undefined>;
  putNotebook(record: NotebookRecord): Promise<void>;
  deleteNotebook(id: string): Promise<void>;

  listFiles(): Promise<Omit<FileRecord, 'blob'>[]>;
  getFile(id: string): Promise<FileRecord | undefined>;
  putFile(record: FileRecord): Promise<void>;
  deleteFile(id: string): Promise<void>;

  getSetting<T>(key: string): Promise<T | undefined>;
  setSetting(key: string, value: unknown): Promise<void>;
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
