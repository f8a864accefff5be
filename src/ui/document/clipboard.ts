// The cell clipboard (C/X/V): outside the notebook, so cells paste into
// another notebook too. Kept in localStorage as JSON (shared by this app's
// tabs) and, where the browser allows it, on the system clipboard as the same
// JSON; in memory when storage is disabled.
import { newCellId, type NotebookCell } from '../../notebook/model.ts';

export const CLIPBOARD_KEY = 'ml-workbench:cell-clipboard';
const FORMAT = 'ml-workbench/cells@1';

interface ClipboardData {
  format: typeof FORMAT;
  cells: NotebookCell[];
}

/** Where the clipboard lives; tests pass a Map-backed one. */
export interface ClipboardStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function defaultStorage(): ClipboardStorage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

export class CellClipboard {
  private memory: string | null = null;
  constructor(private readonly storage: ClipboardStorage | undefined = defaultStorage()) {}

  copy(cells: NotebookCell[]): void {
    const text = JSON.stringify({ format: FORMAT, cells } satisfies ClipboardData);
    this.memory = text;
    try {
      this.storage?.setItem(CLIPBOARD_KEY, text);
    } catch {
      // Full or disabled storage: the in-memory copy still pastes in this tab.
    }
    try {
      void navigator.clipboard?.writeText(text).catch(() => undefined);
    } catch {
      // No clipboard API here (tests, insecure context).
    }
  }

  /** Fresh copies of the clipboard's cells (new ids), or [] when it holds none. */
  paste(): NotebookCell[] {
    let text: string | null = null;
    try {
      text = this.storage?.getItem(CLIPBOARD_KEY) ?? null;
    } catch {
      text = null;
    }
    text ??= this.memory;
    return text ? parseCells(text) : [];
  }
}

/** Cells from clipboard JSON; anything else gives []. Every pasted cell gets a new id. */
export function parseCells(text: string): NotebookCell[] {
  try {
    const data = JSON.parse(text) as Partial<ClipboardData>;
    if (data?.format !== FORMAT || !Array.isArray(data.cells)) return [];
    return data.cells
      .filter((c): c is NotebookCell => !!c && typeof c === 'object' && typeof c.kind === 'string' && !!c.params && typeof c.params === 'object' && !!c.jupyter)
      .map((c) => ({ ...structuredClone(c), id: newCellId(), outputs: Array.isArray(c.outputs) ? structuredClone(c.outputs) : [] }));
  } catch {
    return [];
  }
}
