// Undo/redo history of one notebook: the transactions done, newest last.
// Undo hands back the inverse of the newest one; redo hands the undone one
// back. Quick edits with the same coalesce key (typing in one field) are one
// step. Histories are kept per notebook id, outside React, so they survive a
// re-render and switching notebooks.
import { invert, type Transaction } from './transactions.ts';

export const COALESCE_MS = 1000;
const LIMIT = 200;

interface Entry {
  tx: Transaction;
  at: number;
}

export class History {
  private past: Entry[] = [];
  private future: Transaction[] = [];

  constructor(private readonly now: () => number = Date.now) {}

  record(tx: Transaction): void {
    if (!tx.ops.length) return;
    this.future = [];
    const last = this.past[this.past.length - 1];
    const t = this.now();
    if (last && tx.coalesceKey && last.tx.coalesceKey === tx.coalesceKey && t - last.at < COALESCE_MS) {
      last.tx = { ...last.tx, ops: [...last.tx.ops, ...tx.ops], select: tx.select ?? last.tx.select };
      last.at = t;
      return;
    }
    this.past.push({ tx, at: t });
    if (this.past.length > LIMIT) this.past.shift();
  }

  /** The transaction that undoes the newest edit (apply it without recording), or undefined. */
  undo(): Transaction | undefined {
    const entry = this.past.pop();
    if (!entry) return undefined;
    this.future.push(entry.tx);
    return invert(entry.tx);
  }

  /** The transaction that redoes the newest undone edit, or undefined. */
  redo(): Transaction | undefined {
    const tx = this.future.pop();
    if (!tx) return undefined;
    // Not coalesced with a following edit: at = 0.
    this.past.push({ tx: { ...tx, coalesceKey: undefined }, at: 0 });
    return tx;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** Name of the edit undo would revert (for the notice). */
  get nextUndo(): string | undefined {
    return this.past[this.past.length - 1]?.tx.name;
  }
}

/** One history per notebook id. */
export class Histories {
  private byNotebook = new Map<string, History>();
  constructor(private readonly now: () => number = Date.now) {}

  of(notebookId: string): History {
    let h = this.byNotebook.get(notebookId);
    if (!h) this.byNotebook.set(notebookId, (h = new History(this.now)));
    return h;
  }

  forget(notebookId: string): void {
    this.byNotebook.delete(notebookId);
  }
}
