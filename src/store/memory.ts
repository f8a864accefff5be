// An in-memory WorkbenchStore for tests and for browsers without IndexedDB.
import { RevisionConflictError, type FileRecord, type ModelInfo, type ModelRecord, type NotebookRecord, type WorkbenchStore } from './types.ts';

export class MemoryStore implements WorkbenchStore {
  private notebooks = new Map<string, NotebookRecord>();
  private files = new Map<string, FileRecord>();
  private settings = new Map<string, unknown>();
  private models = new Map<string, ModelRecord>();

  async listNotebooks() {
    return [...this.notebooks.values()].map(({ ipynb: _ipynb, ...rest }) => rest).sort((a, b) => b.updatedAt - a.updatedAt);
  }
  async getNotebook(id: string) {
    const r = this.notebooks.get(id);
    return r ? { ...r } : undefined;
  }
  async putNotebook(record: NotebookRecord, options: { expectedRevision?: number } = {}) {
    const stored = this.notebooks.get(record.id)?.revision ?? 0;
    if (options.expectedRevision !== undefined && stored !== options.expectedRevision) throw new RevisionConflictError(stored);
    const revision = options.expectedRevision !== undefined ? stored + 1 : Math.max(stored + 1, record.revision ?? 0);
    this.notebooks.set(record.id, { ...record, revision });
    return revision;
  }
  async deleteNotebook(id: string) {
    this.notebooks.delete(id);
  }
  async listFiles() {
    return [...this.files.values()].map(({ blob: _blob, ...rest }) => rest).sort((a, b) => b.createdAt - a.createdAt);
  }
  async getFile(id: string) {
    return this.files.get(id);
  }
  async putFile(record: FileRecord) {
    this.files.set(record.id, record);
  }
  async deleteFile(id: string) {
    this.files.delete(id);
  }
  async listModels(notebookId?: string): Promise<ModelInfo[]> {
    return [...this.models.values()]
      .filter((m) => notebookId === undefined || m.notebookId === notebookId)
      .map(({ artifacts: _a, ...rest }) => rest)
      .sort((a, b) => b.createdAt - a.createdAt);
  }
  async getModel(id: string) {
    return this.models.get(id);
  }
  async putModel(record: ModelRecord) {
    this.models.set(record.id, record);
  }
  async deleteModel(id: string) {
    this.models.delete(id);
  }
  async getSetting<T>(key: string): Promise<T | undefined> {
    return this.settings.get(key) as T | undefined;
  }
  async setSetting(key: string, value: unknown) {
    this.settings.set(key, value);
  }
}
