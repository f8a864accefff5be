// Autosave of the open notebook: single-flight (one write in flight; edits
// made meanwhile are written once it settles, as the latest state), with
// revisions so two tabs never overwrite each other, and no false conflict in
// one tab (this tab's own revisions never count as another tab's).
import { RevisionConflictError, type NotebookRecord, type WorkbenchStore } from '../../store/types.ts';
import { t } from '../i18n.ts';

export interface SavedMessage {
  type: 'saved';
  id: string;
  revision: number;
  tab: string;
}

/** What the saver needs from the app (the controller in the browser, fakes in tests). */
export interface AutosaveHost {
  store: Pick<WorkbenchStore, 'putNotebook'>;
  tabId: string;
  /** The open notebook's id now (a save finishing after a switch must not adopt its revision). */
  notebookId(): string | null;
  /** The open notebook as a record, and a token that changes with every edit (null: nothing open). */
  snapshot(): { record: NotebookRecord; version: unknown } | null;
  /** The edit token now: equal to the snapshot's when nothing changed during the write. */
  version(): unknown;
  /** Runs before each write (trust hashes are recorded first). */
  beforeWrite?(): Promise<void>;
  /** Tell other tabs. */
  broadcast?(message: SavedMessage): void;
  onState(state: 'saving' | 'saved' | 'unsaved', error?: undefined): void;
  onConflict(message: string): void;
  onError(message: string): void;
}

/** Autosave: 400 ms after the last edit, never later than ~900 ms after the first unsaved one. */
export const DEBOUNCE_MS = 400;
export const MAX_DELAY_MS = 900;

export class Autosave {
  /** Revision of the open notebook as stored when this tab last read or wrote it; undefined: the next save overwrites (new content). */
  revision: number | undefined;
  /** Another tab saved the open notebook: no more writes until reload or save-as-copy. */
  conflict = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private dirtySince: number | undefined;
  private inFlight: Promise<void> | undefined;
  private again = false;
  /** Revisions this tab wrote, per notebook id (their broadcasts, or late ones, are not conflicts). */
  private own = new Map<string, Set<number>>();

  constructor(private readonly host: AutosaveHost) {}

  /** A new notebook is open: its stored revision (undefined for new content). */
  reset(revision: number | undefined): void {
    this.cancelTimer();
    this.revision = revision;
    this.conflict = false;
  }

  /** Whether a write is pending or in flight. */
  get pending(): boolean {
    return this.timer !== undefined || this.inFlight !== undefined;
  }

  schedule(): void {
    const now = Date.now();
    this.dirtySince ??= now;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.save(), Math.max(0, Math.min(DEBOUNCE_MS, this.dirtySince + MAX_DELAY_MS - now)));
  }

  cancelTimer(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.dirtySince = undefined;
  }

  /** Write now if a save is scheduled; resolves when everything is written. */
  async flush(): Promise<void> {
    if (this.timer !== undefined) await this.save();
    else await this.inFlight;
  }

  /** Write the latest state. A call while a write is in flight resolves after one more write that includes its edits. */
  save(): Promise<void> {
    this.cancelTimer();
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    const run = (async () => {
      try {
        do {
          this.again = false;
          await this.writeOnce();
        } while (this.again && !this.conflict);
      } finally {
        this.inFlight = undefined;
      }
    })();
    this.inFlight = run;
    return run;
  }

  private async writeOnce(): Promise<void> {
    const snap = this.host.snapshot();
    if (!snap || this.conflict) return;
    const { record } = snap;
    const id = record.id;
    this.host.onState('saving');
    try {
      await this.host.beforeWrite?.();
      const revision = await this.host.store.putNotebook({ ...record, writer: this.host.tabId }, this.revision === undefined ? {} : { expectedRevision: this.revision });
      this.ownOf(id).add(revision);
      if (this.host.notebookId() === id) this.revision = revision;
      this.host.broadcast?.({ type: 'saved', id, revision, tab: this.host.tabId });
      // Edits made during the write are written by the next pass (again) or the scheduled timer.
      this.host.onState(this.host.version() === snap.version ? 'saved' : 'unsaved');
    } catch (error) {
      if (error instanceof RevisionConflictError) {
        this.conflict = true;
        this.host.onConflict(t('saveConflict'));
        return;
      }
      // A full disk (StoreFullError) writes nothing: the last good save stays as it was.
      this.host.onError(error instanceof Error ? error.message : String(error));
    }
  }

  private ownOf(id: string): Set<number> {
    let s = this.own.get(id);
    if (!s) this.own.set(id, (s = new Set()));
    return s;
  }

  /** A message from another tab: true when it saved the notebook open here (a conflict), never for this tab's own revisions. */
  isOtherTabSave(data: unknown): boolean {
    const m = data as Partial<SavedMessage> | null;
    if (!m || m.type !== 'saved' || typeof m.id !== 'string' || typeof m.revision !== 'number' || m.tab === this.host.tabId) return false;
    if (m.id !== this.host.notebookId() || this.conflict) return false;
    if (m.revision === this.revision || this.ownOf(m.id).has(m.revision)) return false;
    // An older revision than ours is a stale message, not a newer save.
    if (this.revision !== undefined && m.revision < this.revision) return false;
    this.conflict = true;
    return true;
  }
}
