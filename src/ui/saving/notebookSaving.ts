// Saving of the open notebook in the app: autosave (autosave.ts) wired to
// the UI state, the other tabs (a BroadcastChannel) and the page's exit
// (pending.ts).
import { decodeNotebook } from '../../notebook/ipynbRead.ts';
import { newId, type NotebookRecord, type WorkbenchStore } from '../../store/types.ts';
import type { TrustState } from '../../worker/trust.ts';
import type { NotebookCell } from '../../notebook/model.ts';
import type { StateBox } from '../state.ts';
import { Autosave } from './autosave.ts';
import { recoverPending, writePending, type PendingStorage } from './pending.ts';
import { t } from '../i18n.ts';

export interface SavingHooks {
  /** The open notebook as a store record. */
  record(): NotebookRecord | undefined;
  /** Record trust hashes of the open notebook (before each write). */
  recordTrust(): Promise<void>;
  recordTrustOf(cells: NotebookCell[], trust: TrustState): Promise<void>;
  notify(message: string): void;
  /** A notebook saved for the first time: refresh the sidebar's list. */
  listChanged(): void;
}

function localStore(): PendingStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export class NotebookSaving {
  readonly tabId = newId('tab:');
  readonly autosave: Autosave;
  private channel: BroadcastChannel | undefined;

  constructor(private readonly box: StateBox, private readonly store: WorkbenchStore, private readonly hooks: SavingHooks) {
    this.autosave = new Autosave({
      store,
      tabId: this.tabId,
      notebookId: () => box.state.notebookId,
      // The document object is the edit token: every edit and output replaces it.
      snapshot: () => {
        const record = hooks.record();
        return record ? { record, version: box.state.doc } : null;
      },
      version: () => box.state.doc,
      beforeWrite: () => hooks.recordTrust(),
      broadcast: (m) => {
        try {
          this.channel?.postMessage(m);
        } catch {
          // closed channel
        }
      },
      onState: (save) => {
        box.set(save === 'saved' ? { save, saveError: undefined } : { save });
        const id = box.state.notebookId;
        if (save === 'saved' && id && !box.state.userNotebooks.some((n) => n.id === id)) hooks.listChanged();
      },
      onConflict: (message) => {
        box.set({ save: 'error', saveError: message, conflict: true });
        hooks.notify(message);
      },
      onError: (message) => {
        box.set({ save: 'error', saveError: message });
        hooks.notify(message);
      },
    });
    try {
      this.channel = new BroadcastChannel('ml-workbench');
      this.channel.onmessage = (e: MessageEvent) => {
        if (!this.autosave.isOtherTabSave(e.data)) return;
        box.set({ conflict: true });
        hooks.notify(t('savedInOtherTab'));
      };
    } catch {
      // No BroadcastChannel: the revision check in putNotebook still refuses to overwrite.
    }
  }

  get revision(): number | undefined {
    return this.autosave.revision;
  }

  /** Another notebook is open (its stored revision; undefined: new content). */
  reset(revision: number | undefined): void {
    this.autosave.reset(revision);
  }

  /** An edit or output: autosave soon. */
  schedule(): void {
    const save = this.box.state.save;
    if (save !== 'unsaved' && save !== 'saving') this.box.set({ save: 'unsaved' });
    this.autosave.schedule();
  }

  save(): Promise<void> {
    return this.autosave.save();
  }

  flush(): Promise<void> {
    return this.autosave.flush();
  }

  /** Leaving the page: unsaved work also goes to localStorage synchronously; the next start moves it into the store. */
  saveOnExit(): void {
    if (this.box.state.save === 'saved' && !this.autosave.pending) return;
    const record = this.hooks.record();
    const storage = localStore();
    if (record && storage && !this.box.state.conflict) writePending(storage, { ...record, trust: this.box.state.trust, baseRevision: this.autosave.revision, tab: this.tabId });
    void this.autosave.save();
  }

  /** At start: a notebook left unsaved by the last page goes into the store. */
  async recover(): Promise<void> {
    const storage = localStore();
    if (storage) await recoverPending(storage, this.store, async (p) => (p.trust ? this.hooks.recordTrustOf(decodeNotebook(p.ipynb).doc.cells, p.trust) : undefined));
  }
}
