// Notices: the app's short messages (errors stay until dismissed, info fades).
import { kernelText } from '../worker/hostScope.ts';
import type { Notice, StateBox } from './state.ts';

const INFO_MS = 4000;
const ACTION_MS = 10_000;

export class Notices {
  private nextId = 0;
  constructor(private readonly box: StateBox) {}

  /** `from`: a kernel's words (quoted under its notebook's title, flattened and cut). */
  notify(message: string, kind: Notice['kind'] = 'error', extra: { action?: Notice['action']; from?: string } = {}): number {
    const { action, from } = extra;
    const id = ++this.nextId;
    // One "Undo" at a time: a newer undoable edit replaces the older offer (undo reverts the newest edit).
    const kept = action ? this.box.state.notices.filter((n) => !n.action) : this.box.state.notices;
    const notice: Notice = from === undefined ? { id, kind, message, action } : { id, kind, message: kernelText(message), from };
    this.box.set({ notices: [...kept, notice] });
    if (kind === 'info') setTimeout(() => this.dismiss(id), action ? ACTION_MS : INFO_MS);
    return id;
  }

  dismiss(id: number): void {
    if (this.box.state.notices.some((n) => n.id === id)) this.box.set({ notices: this.box.state.notices.filter((n) => n.id !== id) });
  }
}
