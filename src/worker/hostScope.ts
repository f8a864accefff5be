// What the open notebook lets a sandboxed kernel reach through the app
// (hostBridge.ts): uploads its cells name, URLs its trusted cells load, and
// what the open notebook owns (saved models, runs, registered names).
import type { NotebookCell } from '../notebook/model.ts';
import type { TrustState } from './trust.ts';
import type { HostScope } from './hostBridge.ts';

/** Every string anywhere in a cell's params (file ids, URLs). */
function paramStrings(value: unknown, into: Set<string>, depth = 0): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (depth < 32 && typeof value === 'object' && value !== null) for (const v of Object.values(value)) paramStrings(v, into, depth + 1);
  return into;
}

/**
 * The notebooks a kernel may reach besides the open one: only the one it is
 * switching away from, until the kernel has taken the new one (its pending
 * saves of the old notebook's models finish first: kernel.worker.ts
 * openNotebook). After that the old notebook's models, runs and registered
 * names are out of reach: the set never just grows as notebooks are opened.
 */
export class KernelNotebooks implements Iterable<string> {
  private readonly ids = new Set<string>();

  /** The kernel starts taking notebook `id`; call the returned function once it has (or failed to). */
  switchTo(id: string): () => void {
    const before = [...this.ids];
    this.ids.add(id);
    return () => {
      for (const old of before) if (old !== id) this.ids.delete(old);
    };
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  [Symbol.iterator](): Iterator<string> {
    return this.ids[Symbol.iterator]();
  }
}

export function notebookScope(state: () => { cells: readonly NotebookCell[]; trust: TrustState; notebookId: string | null }, opened: Iterable<string>): HostScope {
  return {
    notebookIds() {
      const id = state().notebookId;
      const ids = new Set(opened);
      if (id) ids.add(id);
      return ids;
    },
    fileAllowed(id) {
      return state().cells.some((c) => paramStrings(c.params, new Set()).has(id));
    },
    urlAllowed(url) {
      const { cells, trust } = state();
      return cells.some((c) => (trust.notebook || trust.cells.includes(c.id)) && paramStrings(c.params, new Set()).has(url));
    },
  };
}

/** A kernel's message as the app shows it (Notice.from): one paragraph of plain text, at most 400 characters. */
export function kernelText(message: string): string {
  const flat = message.replace(/\s+/g, ' ').trim();
  return flat.length > 400 ? `${flat.slice(0, 399)}…` : flat;
}
