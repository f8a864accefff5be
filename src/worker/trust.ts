// Trust (the Jupyter model): a notebook that came from outside (a file, a
// drop, window.workbench.open, a link) may hold code. Its *active* cells —
// code cells, and any cell that loads a URL — do not run until the user
// trusts the notebook, or writes/edits that cell themselves. Used by the UI
// (banner, which cells to mark) and by the kernel worker (the guard that
// refuses to run a blocked cell). Pure: no DOM, no storage.
import type { NotebookCell } from '../notebook/model.ts';
import type { ErrorOutput } from '../core/outputs.ts';

/** Whether params hold a `{type: 'url', ...}` source anywhere (load cells today; any future cell kind too). */
function hasUrlSource(value: unknown, depth = 0): boolean {
  if (depth > 6 || typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some((v) => hasUrlSource(v, depth + 1));
  const record = value as Record<string, unknown>;
  if (record.type === 'url') return true;
  return Object.values(record).some((v) => hasUrlSource(v, depth + 1));
}

/** A cell that runs code or reaches for a URL: blocked in an untrusted notebook. */
export function isActiveCell(cell: Pick<NotebookCell, 'kind' | 'params'>): boolean {
  return cell.kind === 'code' || hasUrlSource(cell.params);
}

export interface TrustState {
  /** The whole notebook is trusted (bundled, made here, or trusted by the user). */
  notebook: boolean;
  /** Cells trusted one by one (written or edited by the user). */
  cells: string[];
}

export const TRUST_HINT = 'Click "Trust" in the banner above the notebook to run its code and URL loads (only if you trust where it came from), or edit this cell yourself.';

/** The error output of a cell the guard refused to run. */
export function blockedOutput(cell: Pick<NotebookCell, 'kind'>): ErrorOutput {
  const what = cell.kind === 'code' ? 'code cell' : 'cell loads a URL and';
  return {
    type: 'error',
    message: `Not run: this ${what} came from a notebook you have not trusted (it was opened from a file, a drop or a link).`,
    hint: TRUST_HINT,
  };
}

/** The cells that would be blocked now. */
export function blockedCells(cells: readonly NotebookCell[], trust: TrustState): NotebookCell[] {
  if (trust.notebook) return [];
  const ok = new Set(trust.cells);
  return cells.filter((c) => isActiveCell(c) && !ok.has(c.id));
}

/** JSON with object keys sorted (the canonical form hashed for trust). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v) && !ArrayBuffer.isView(v)) {
      const sorted: Record<string, unknown> = {};
      for (const k of Object.keys(v as Record<string, unknown>).sort()) sorted[k] = (v as Record<string, unknown>)[k];
      return sorted;
    }
    return v;
  });
}

/**
 * What trust is about: the cells' kinds and params in order (what runs),
 * not outputs, ids, titles or metadata (they run nothing).
 */
export function canonicalNotebook(cells: readonly Pick<NotebookCell, 'kind' | 'params'>[]): string {
  return canonicalJson({ format: 'ml-workbench-trust/1', cells: cells.map((c) => ({ kind: c.kind, params: c.params })) });
}

export function canonicalCell(cell: Pick<NotebookCell, 'kind' | 'params'>): string {
  return canonicalJson({ format: 'ml-workbench-trust-cell/1', kind: cell.kind, params: cell.params });
}

/** sha-256 hex via crypto.subtle; undefined where it is missing (an insecure context): trust is then not remembered. */
export async function sha256(text: string): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return undefined;
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text) as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
