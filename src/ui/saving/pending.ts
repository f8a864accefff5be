// Leaving the page: an IndexedDB write started in pagehide may not commit
// before the document goes away, so unsaved work is also written
// synchronously to localStorage; the next start moves it into the store.
import { newId, RevisionConflictError, type NotebookRecord, type WorkbenchStore } from '../../store/types.ts';
import type { TrustState } from '../../worker/trust.ts';

/** localStorage key of a notebook saved synchronously on leaving the page. */
export const PENDING_KEY = 'ml-workbench:pending-save';

export interface PendingSave extends NotebookRecord {
  trust?: TrustState;
  /** The revision this tab's edits were made on. */
  baseRevision?: number;
  /** The tab that left: a stored revision written by it is its own, not another tab's. */
  tab?: string;
}

export interface PendingStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function writePending(storage: PendingStorage, pending: PendingSave): void {
  try {
    storage.setItem(PENDING_KEY, JSON.stringify(pending));
  } catch {
    // Too big for localStorage, or storage disabled: the IndexedDB write still runs.
  }
}

/**
 * Move a pending save into the store when it is newer than the stored one.
 * A stored revision written by the same tab after the base (its own write
 * that was in flight when the page went away) is not a conflict: the
 * pending state is newer and replaces it. A revision from another tab is
 * kept, and the pending edits become a "(recovered)" copy.
 */
export async function recoverPending(storage: PendingStorage, store: Pick<WorkbenchStore, 'getNotebook' | 'putNotebook'>, recordTrust: (pending: PendingSave) => Promise<void>): Promise<void> {
  let raw: string | null = null;
  try {
    raw = storage.getItem(PENDING_KEY);
  } catch {
    return;
  }
  if (!raw) return;
  try {
    const pending = JSON.parse(raw) as PendingSave;
    const { trust: _trust, baseRevision, tab, ...record } = pending;
    const current = await store.getNotebook(record.id);
    if (!current || current.updatedAt < record.updatedAt) {
      await recordTrust(pending).catch(() => undefined);
      let expected = baseRevision;
      if (expected !== undefined && current && tab && current.writer === tab && (current.revision ?? 0) > expected) expected = current.revision ?? 0;
      try {
        await store.putNotebook({ ...record, writer: tab }, expected === undefined ? {} : { expectedRevision: expected });
      } catch (error) {
        if (!(error instanceof RevisionConflictError)) throw error;
        // Another tab saved it meanwhile: keep both (the unsaved edits as a copy).
        await store.putNotebook({ ...record, id: newId('user:'), title: `${record.title} (recovered)`, origin: undefined, revision: undefined });
      }
    }
  } catch {
    // A broken leftover is dropped.
  }
  try {
    storage.removeItem(PENDING_KEY);
  } catch {
    // ignore
  }
}
