// Trust of notebooks and single cells, remembered by content hash in the
// settings store (like Jupyter's signatures): what was trusted here opens
// trusted again; anything else opens untrusted (src/worker/trust.ts).
import type { NotebookCell } from '../../notebook/model.ts';
import type { WorkbenchStore } from '../../store/types.ts';
import { canonicalCell, canonicalNotebook, isActiveCell, sha256, type TrustState } from '../../worker/trust.ts';

/** Settings key of the trusted content hashes (notebooks and single cells), newest last. */
export const TRUST_KEY = 'trusted';
export const TRUST_MAX = 2000;

export class TrustStore {
  private trustedHashes: Promise<string[]> | undefined;
  private bundledHashes: Promise<Set<string>> | undefined;
  /** Hashes already recorded for the open notebook (nothing to write when unchanged). */
  private recorded = new Set<string>();

  /** bundledNotebooks: the course notebooks' cells (their content opened by window.workbench.open() is trusted). */
  constructor(private readonly store: Pick<WorkbenchStore, 'getSetting' | 'setSetting'>, private readonly bundledNotebooks: () => Promise<NotebookCell[][]>) {}

  /** Another notebook is open: its hashes are checked afresh. */
  resetRecorded(): void {
    this.recorded = new Set();
  }

  private list(): Promise<string[]> {
    this.trustedHashes ??= this.store.getSetting<string[]>(TRUST_KEY).then((v) => (Array.isArray(v) ? v.filter((h) => typeof h === 'string') : []), () => []);
    return this.trustedHashes;
  }

  private bundled(): Promise<Set<string>> {
    this.bundledHashes ??= this.bundledNotebooks()
      .then((all) => Promise.all(all.map((cells) => sha256(canonicalNotebook(cells)).catch(() => undefined))))
      .then((hashes) => new Set(hashes.filter((h): h is string => !!h)));
    return this.bundledHashes;
  }

  /** Whether these cells are a bundled course notebook's content. */
  async isBundled(cells: NotebookCell[]): Promise<boolean> {
    const hash = await sha256(canonicalNotebook(cells));
    return !!hash && (await this.bundled()).has(hash);
  }

  /** Trust of a document from the store: the whole notebook if its content hash was trusted, else the cells whose content was. */
  async trustFor(cells: NotebookCell[]): Promise<TrustState> {
    const known = new Set(await this.list());
    const hash = await sha256(canonicalNotebook(cells));
    if (hash && known.has(hash)) return { notebook: true, cells: [] };
    const trusted: string[] = [];
    for (const c of cells) {
      if (!isActiveCell(c)) continue;
      const h = await sha256(canonicalCell(c));
      if (h && known.has(h)) trusted.push(c.id);
    }
    return { notebook: false, cells: trusted };
  }

  /** Remember what is trusted now (the notebook's hash, or its trusted cells' hashes). */
  async record(cells: NotebookCell[], trust: TrustState): Promise<void> {
    const hashes: string[] = [];
    if (trust.notebook) {
      const h = await sha256(canonicalNotebook(cells));
      if (h) hashes.push(h);
    } else {
      const ok = new Set(trust.cells);
      for (const c of cells) {
        if (!ok.has(c.id) || !isActiveCell(c)) continue;
        const h = await sha256(canonicalCell(c));
        if (h) hashes.push(h);
      }
    }
    const fresh = hashes.filter((h) => !this.recorded.has(h));
    if (!fresh.length) return;
    const list = await this.list();
    const next = [...list.filter((h) => !fresh.includes(h)), ...fresh].slice(-TRUST_MAX);
    this.trustedHashes = Promise.resolve(next);
    await this.store.setSetting(TRUST_KEY, next);
    for (const h of fresh) this.recorded.add(h);
  }
}

/** The user wrote or edited a cell: it is trusted from now on (a trusted notebook needs nothing). */
export function withTrustedCell(trust: TrustState, id: string): TrustState {
  return trust.notebook || trust.cells.includes(id) ? trust : { ...trust, cells: [...trust.cells, id] };
}
