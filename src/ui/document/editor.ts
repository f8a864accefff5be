// Every edit of the open notebook goes through here as a named transaction
// (transactions.ts): applied to the document, recorded in the notebook's
// history, then the kernel and autosave hear of it (onEdited). Undo/redo
// apply the inverse/original transaction the same way. Selection (cursor +
// Shift-extended range) and the cell clipboard live here too.
import { newCellId, type NotebookCell, type NotebookDoc } from '../../notebook/model.ts';
import { emptyRun, type CellRun, type StateBox } from '../state.ts';
import { Histories } from './history.ts';
import { CellClipboard } from './clipboard.ts';
import { applyTransaction, editCell, insertCells, moveCells, removeCells, setTitle, type CellFields, type Transaction } from './transactions.ts';

export interface EditorHooks {
  /** The document changed (sync the kernel, schedule a save). */
  onEdited(): void;
  /** The user wrote or edited this cell: it is trusted from now on. */
  trustCell(id: string): void;
  /** A new cell of a kind, wired to the cells above the index it goes to. */
  newCell(kind: string, index: number, doc: NotebookDoc): NotebookCell;
  /** Say what happened, with an optional action (Undo). */
  notify(message: string, action?: { label: string; run: () => void }): void;
  /** Localised text. */
  text(key: 'undo' | 'cellsDeleted' | 'nothingToPaste' | 'cellsCopied' | 'nothingToUndo', n?: number): string;
}

export type InsertAt = { before?: string; after?: string };

export class DocumentEditor {
  readonly histories = new Histories();
  readonly clipboard: CellClipboard;

  constructor(private readonly box: StateBox, private readonly hooks: EditorHooks, clipboard?: CellClipboard) {
    this.clipboard = clipboard ?? new CellClipboard();
  }

  private get doc(): NotebookDoc | null {
    return this.box.state.doc;
  }

  private history() {
    return this.histories.of(this.box.state.notebookId ?? '');
  }

  /** Refresh canUndo/canRedo (after opening another notebook too). */
  syncHistoryFlags(): void {
    const h = this.history();
    if (h.canUndo !== this.box.state.canUndo || h.canRedo !== this.box.state.canRedo) this.box.set({ canUndo: h.canUndo, canRedo: h.canRedo });
  }

  /** Apply a transaction; record it unless it is an undo/redo. */
  apply(tx: Transaction, record = true): void {
    const doc = this.doc;
    if (!doc || !tx.ops.length) return;
    const next = applyTransaction(doc, tx);
    // Cells that come (back) into the document show their saved outputs until run again.
    let runs: Record<string, CellRun> | undefined;
    for (const op of tx.ops) {
      if (op.type === 'insert' && !this.box.state.runs[op.cell.id]) (runs ??= { ...this.box.state.runs })[op.cell.id] = emptyRun(op.cell.outputs);
    }
    if (record) this.history().record(tx);
    const h = this.history();
    const patch: Parameters<StateBox['set']>[0] = { doc: next, save: 'unsaved', canUndo: h.canUndo, canRedo: h.canRedo };
    if (runs) patch.runs = runs;
    if (tx.select?.length) {
      const [first, ...rest] = tx.select.filter((id) => next.cells.some((c) => c.id === id));
      if (first) Object.assign(patch, { selected: first, extraSelected: rest });
    }
    this.box.set(patch);
    this.hooks.onEdited();
  }

  undo(): boolean {
    const tx = this.history().undo();
    if (!tx) return false;
    this.apply(tx, false);
    this.fixSelection();
    return true;
  }

  redo(): boolean {
    const tx = this.history().redo();
    if (!tx) return false;
    this.apply(tx, false);
    this.fixSelection();
    return true;
  }

  /** After cells vanished, the cursor moves to a cell that exists. */
  private fixSelection(): void {
    const cells = this.doc?.cells ?? [];
    const s = this.box.state;
    if (s.selected && cells.some((c) => c.id === s.selected)) return;
    this.box.set({ selected: cells[0]?.id ?? null, extraSelected: [] });
  }

  // --- edits -----------------------------------------------------------------

  /** Insert a new cell (wired to the cells above); `params` override its defaults in the same edit. */
  insertCell(kind: string, at: InsertAt = {}, params?: Record<string, unknown>): string {
    const doc = this.doc;
    if (!doc) return '';
    let index = doc.cells.length;
    if (at.before) index = Math.max(0, doc.cells.findIndex((c) => c.id === at.before));
    else if (at.after) index = doc.cells.findIndex((c) => c.id === at.after) + 1 || doc.cells.length;
    const made = this.hooks.newCell(kind, index, doc);
    const cell = params ? { ...made, params: { ...made.params, ...params } } : made;
    this.hooks.trustCell(cell.id);
    this.box.set({ runs: { ...this.box.state.runs, [cell.id]: emptyRun() }, fresh: cell.id });
    this.apply(insertCells(doc, index, [cell]));
    return cell.id;
  }

  deleteCells(ids: string[]): void {
    const doc = this.doc;
    if (!doc) return;
    // The cells as they look now, outputs included: undo restores them as they were.
    const withOutputs = { ...doc, cells: doc.cells.map((c) => ({ ...c, outputs: this.box.state.runs[c.id]?.outputs ?? c.outputs })) };
    const tx = removeCells(withOutputs, ids);
    if (!tx.ops.length) return;
    const first = Math.min(...tx.ops.map((o) => (o.type === 'remove' ? o.index : Infinity)));
    const remaining = doc.cells.filter((c) => !ids.includes(c.id));
    this.box.set({ selected: remaining[Math.min(first, remaining.length - 1)]?.id ?? null, extraSelected: [] });
    this.box.set({ doc: withOutputs });
    this.apply(tx);
    this.hooks.notify(this.hooks.text('cellsDeleted', tx.ops.length), { label: this.hooks.text('undo'), run: () => this.undo() });
  }

  deleteCell(id: string): void {
    this.deleteCells([id]);
  }

  moveCells(ids: string[], delta: -1 | 1): void {
    const doc = this.doc;
    const tx = doc && moveCells(doc, ids, delta);
    if (tx) this.apply(tx);
  }

  moveCell(id: string, delta: number): void {
    this.moveCells([id], delta < 0 ? -1 : 1);
  }

  duplicateCell(id: string): void {
    const doc = this.doc;
    const i = doc ? doc.cells.findIndex((c) => c.id === id) : -1;
    if (!doc || i < 0) return;
    const copy: NotebookCell = { ...structuredClone(doc.cells[i]), id: newCellId(), outputs: [] };
    if (this.box.state.trust.cells.includes(id)) this.hooks.trustCell(copy.id);
    this.apply({ ...insertCells(doc, i + 1, [copy], 'duplicate') });
  }

  /** Params (and code, markdown text) edits coalesce while typing in one cell. */
  setParams(id: string, params: Record<string, unknown>, name = 'params'): void {
    const doc = this.doc;
    if (!doc) return;
    this.hooks.trustCell(id);
    const tx = editCell(doc, id, { params }, name);
    if (tx) this.apply(tx);
  }

  /** Several cells' params in one edit (one undo step), e.g. dropping a leaking column everywhere. */
  setManyParams(name: string, edits: { id: string; params: Record<string, unknown> }[]): void {
    const doc = this.doc;
    if (!doc) return;
    const ops = edits.flatMap((e) => editCell(doc, e.id, { params: e.params }, name)?.ops ?? []);
    for (const e of edits) this.hooks.trustCell(e.id);
    if (ops.length) this.apply({ name, ops, select: [edits[0].id] });
  }

  updateCell(id: string, patch: Partial<Pick<NotebookCell, 'params' | 'title'>>): void {
    const doc = this.doc;
    const tx = doc && editCell(doc, id, patch, 'title' in patch && !('params' in patch) ? 'cell-title' : 'params');
    if (tx) this.apply(tx);
  }

  setTitle(title: string): void {
    const doc = this.doc;
    if (doc && doc.title !== title) this.apply(setTitle(doc, title));
  }

  /** M / Y: a markdown cell becomes a code cell and back, keeping its text. Typed cells keep their kind. */
  changeKind(id: string, to: 'markdown' | 'code'): void {
    const doc = this.doc;
    const cell = doc?.cells.find((c) => c.id === id);
    if (!doc || !cell || cell.kind === to || (cell.kind !== 'markdown' && cell.kind !== 'code')) return;
    const text = String(cell.kind === 'markdown' ? cell.params.text ?? '' : cell.params.code ?? '');
    const after: Partial<CellFields> = {
      kind: to,
      params: to === 'markdown' ? { text } : { code: text },
      jupyter: { ...cell.jupyter, cellType: to, source: to === 'markdown' ? text : '' },
    };
    const tx = editCell(doc, id, after, 'kind');
    if (!tx) return;
    if (to === 'code') this.hooks.trustCell(id);
    this.box.set({ runs: { ...this.box.state.runs, [id]: emptyRun() } });
    this.apply({ ...tx, coalesceKey: undefined });
  }

  // --- selection and clipboard ---------------------------------------------

  /** The cursor and the cells selected with it, in document order. */
  selection(): string[] {
    const s = this.box.state;
    const ids = new Set([...(s.selected ? [s.selected] : []), ...s.extraSelected]);
    return (this.doc?.cells ?? []).filter((c) => ids.has(c.id)).map((c) => c.id);
  }

  select(id: string | null, mode = this.box.state.mode): void {
    const s = this.box.state;
    if (id !== s.selected || mode !== s.mode || s.extraSelected.length) this.box.set({ selected: id, mode, extraSelected: [] });
  }

  /** Shift+Up/Down: move the cursor and keep the cells it passed selected (a contiguous range). */
  extendSelection(delta: -1 | 1): void {
    const cells = this.doc?.cells ?? [];
    const s = this.box.state;
    const i = cells.findIndex((c) => c.id === s.selected);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= cells.length) return;
    // The range runs from an anchor (the end away from the cursor) to the cursor.
    const selected = this.selection().map((id) => cells.findIndex((c) => c.id === id));
    const lo = Math.min(...selected);
    const hi = Math.max(...selected);
    const anchor = i === lo ? hi : lo;
    const range = cells.slice(Math.min(anchor, j), Math.max(anchor, j) + 1).map((c) => c.id);
    this.box.set({ selected: cells[j].id, extraSelected: range.filter((id) => id !== cells[j].id), mode: 'command' });
  }

  copy(ids = this.selection()): void {
    const cells = (this.doc?.cells ?? []).filter((c) => ids.includes(c.id)).map((c) => ({ ...c, outputs: this.box.state.runs[c.id]?.outputs ?? c.outputs }));
    if (cells.length) this.clipboard.copy(cells);
  }

  cut(ids = this.selection()): void {
    this.copy(ids);
    this.deleteCells(ids);
  }

  /** V: the clipboard's cells after the cursor (or at the end). Pasting is the user's act, like typing: the cells are trusted. */
  paste(): void {
    const doc = this.doc;
    if (!doc) return;
    const cells = this.clipboard.paste();
    if (!cells.length) {
      this.hooks.notify(this.hooks.text('nothingToPaste'));
      return;
    }
    const s = this.box.state;
    const index = s.selected ? doc.cells.findIndex((c) => c.id === s.selected) + 1 : doc.cells.length;
    for (const c of cells) this.hooks.trustCell(c.id);
    this.apply(insertCells(doc, index, cells, 'paste'));
  }
}
