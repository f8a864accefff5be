// Notices: the app's short messages (errors stay until dismissed, info fades).
import type { Notice, StateBox } from './state.ts';

const INFO_MS = 4000;
const ACTION_MS = 10_000;

export class Notices {
  private nextId = 0;
  constructor(private readonly box: StateBox) {}

  notify(message: string, kind: Notice['kind'] = 'error', action?: Notice['action']): number {
    const id = ++this.nextId;
    // One "Undo" at a time: a newer undoable edit replaces the older offer (undo reverts the newest edit).
    const kept = action ? this.box.state.notices.filter((n) => !n.action) : this.box.state.notices;
    this.box.set({ notices: [...kept, { id, kind, message, action }] });
    if (kind === 'info') setTimeout(() => this.dismiss(id), action ? ACTION_MS : INFO_MS);
    return id;
  }

  dismiss(id: number): void {
    if (this.box.state.notices.some((n) => n.id === id)) this.box.set({ notices: this.box.state.notices.filter((n) => n.id !== id) });
  }
}
