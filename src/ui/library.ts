// What the browser keeps beside the open notebook: the user's notebooks and
// uploaded files (lists for the sidebar), the open notebook's saved models,
// and the storage estimate.
import { newId, type FileRecord, type WorkbenchStore } from '../store/types.ts';
import { storageEstimate } from '../store/idb.ts';
import type { StateBox } from './state.ts';
import { t } from './i18n.ts';

export class Library {
  constructor(private readonly box: StateBox, private readonly store: WorkbenchStore, private readonly notify: (message: string, kind?: 'error' | 'info') => void) {}

  async refreshLists(): Promise<void> {
    const [userNotebooks, files] = await Promise.all([this.store.listNotebooks(), this.store.listFiles()]);
    this.box.set({ userNotebooks, files });
    await this.refreshModels();
    void this.refreshStorage();
  }

  async refreshModels(): Promise<void> {
    const id = this.box.state.notebookId;
    const models = id ? await this.store.listModels(id).catch(() => []) : [];
    if (id === this.box.state.notebookId) this.box.set({ models });
  }

  async deleteModel(id: string): Promise<void> {
    await this.store.deleteModel(id);
    await this.refreshModels();
    void this.refreshStorage();
  }

  async deleteModelsOf(notebookId: string): Promise<void> {
    const models = await this.store.listModels(notebookId).catch(() => []);
    await Promise.all(models.map((m) => this.store.deleteModel(m.id).catch(() => undefined)));
  }

  async refreshStorage(): Promise<void> {
    const storage = await storageEstimate().catch(() => undefined);
    if (storage) this.box.set({ storage });
  }

  async uploadFile(file: File): Promise<FileRecord> {
    const record: FileRecord = { id: newId('file:'), name: file.name, type: file.type, size: file.size, blob: file, createdAt: Date.now() };
    await this.store.putFile(record);
    await this.refreshLists();
    this.notify(t('uploaded', { name: file.name }), 'info');
    return record;
  }

  async deleteFile(id: string): Promise<void> {
    await this.store.deleteFile(id);
    await this.refreshLists();
  }
}

/** A value name from a file name: bank-additional.csv → bank_additional. */
export function valueNameOf(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '').replace(/[^A-Za-z0-9_]/g, '_').replace(/^(\d)/, '_$1') || 'data';
}
