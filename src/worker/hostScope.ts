// What the open notebook lets a sandboxed kernel reach through the app
// (hostBridge.ts): uploads its cells name, URLs its trusted cells load, and
// the saved models of the notebooks opened in this tab.
import type { NotebookCell } from '../notebook/model.ts';
import type { TrustState } from './trust.ts';
import type { HostScope } from './hostBridge.ts';

/** Every string anywhere in a cell's params (file ids, URLs). */
function paramStrings(value: unknown, into: Set<string>, depth = 0): Set<string> {
  if (typeof value === 'string') into.add(value);
  else if (depth < 32 && typeof value === 'object' && value !== null) for (const v of Object.values(value)) paramStrings(v, into, depth + 1);
  return into;
}

export function notebookScope(state: () => { cells: readonly NotebookCell[]; trust: TrustState; notebookId: string | null }, opened: ReadonlySet<string>): HostScope {
  return {
    notebookIds() {
      const id = state().notebookId;
      return id ? new Set([...opened, id]) : opened;
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
