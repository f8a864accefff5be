// The notebook as data, changed only through named transactions. A
// transaction is a list of operations; each operation has an exact inverse,
// so undo is the inverse transaction (applied like any other edit) and redo
// is the transaction again — one mechanism for every edit kind.
import type { NotebookCell, NotebookDoc } from '../../notebook/model.ts';

/** The fields of a cell an edit may change (outputs come from runs, ids never change). */
export type CellFields = Pick<NotebookCell, 'kind' | 'title' | 'params' | 'jupyter'>;

export type Op =
  | { type: 'insert'; index: number; cell: NotebookCell }
  | { type: 'remove'; index: number; cell: NotebookCell }
  | { type: 'move'; from: number; to: number }
  | { type: 'cell'; id: string; before: Partial<CellFields>; after: Partial<CellFields> }
  | { type: 'title'; before: string; after: string };

export interface Transaction {
  /** What the user did: insert, delete, move, duplicate, params, title, markdown, kind, paste, drop-column… */
  name: string;
  ops: Op[];
  /** Cells to select after applying it (undo selects what it restored). */
  select?: string[];
  /** Edits with the same key made in quick succession are one undo step (typing). */
  coalesceKey?: string;
}

export function invertOp(op: Op): Op {
  switch (op.type) {
    case 'insert':
      return { type: 'remove', index: op.index, cell: op.cell };
    case 'remove':
      return { type: 'insert', index: op.index, cell: op.cell };
    case 'move':
      return { type: 'move', from: op.to, to: op.from };
    case 'cell':
      return { type: 'cell', id: op.id, before: op.after, after: op.before };
    case 'title':
      return { type: 'title', before: op.after, after: op.before };
  }
}

/** Cells an operation touches (for selection after undo/redo). */
function touched(op: Op): string[] {
  if (op.type === 'insert' || op.type === 'remove') return [op.cell.id];
  if (op.type === 'cell') return [op.id];
  return [];
}

export function invert(tx: Transaction): Transaction {
  const ops = [...tx.ops].reverse().map(invertOp);
  const restored = ops.filter((o) => o.type === 'insert' || o.type === 'cell').flatMap(touched);
  const moved = tx.ops.filter((o) => o.type === 'move').length ? tx.select : undefined;
  return { name: tx.name, ops, select: restored.length ? restored : moved };
}

export function applyOp(doc: NotebookDoc, op: Op): NotebookDoc {
  switch (op.type) {
    case 'insert': {
      const cells = [...doc.cells];
      cells.splice(Math.min(Math.max(0, op.index), cells.length), 0, op.cell);
      return { ...doc, cells };
    }
    case 'remove': {
      // By id, not trusting the index: the cell is where the document says it is.
      const i = doc.cells.findIndex((c) => c.id === op.cell.id);
      if (i < 0) throw new Error(`remove: no cell ${op.cell.id}`);
      return { ...doc, cells: doc.cells.filter((_, k) => k !== i) };
    }
    case 'move': {
      if (op.from < 0 || op.from >= doc.cells.length || op.to < 0 || op.to >= doc.cells.length) throw new Error(`move: ${op.from} → ${op.to} is outside the notebook`);
      const cells = [...doc.cells];
      const [cell] = cells.splice(op.from, 1);
      cells.splice(op.to, 0, cell);
      return { ...doc, cells };
    }
    case 'cell':
      return { ...doc, cells: doc.cells.map((c) => (c.id === op.id ? withFields(c, op.after) : c)) };
    case 'title':
      return { ...doc, title: op.after };
  }
}

/** Set fields; a field whose value is undefined is removed (an optional title cleared). */
function withFields(cell: NotebookCell, fields: Partial<CellFields>): NotebookCell {
  const next = { ...cell, ...fields };
  if ('title' in fields && fields.title === undefined) delete next.title;
  return next;
}

export function applyTransaction(doc: NotebookDoc, tx: Transaction): NotebookDoc {
  return tx.ops.reduce(applyOp, doc);
}

// --- builders: each edit the UI offers, as a transaction over the current doc ---

export function insertCells(doc: NotebookDoc, index: number, cells: NotebookCell[], name = 'insert'): Transaction {
  return { name, ops: cells.map((cell, k) => ({ type: 'insert', index: index + k, cell })), select: cells.map((c) => c.id) };
}

/** Remove cells (with their outputs, which live in the cell): highest index first, so each index is still right on undo. */
export function removeCells(doc: NotebookDoc, ids: string[], name = 'delete'): Transaction {
  const set = new Set(ids);
  const ops: Op[] = [];
  doc.cells.forEach((cell, index) => {
    if (set.has(cell.id)) ops.push({ type: 'remove', index, cell });
  });
  return { name, ops: ops.reverse() };
}

/** Move a contiguous block of cells up (delta -1) or down (+1); null when it cannot move. */
export function moveCells(doc: NotebookDoc, ids: string[], delta: -1 | 1): Transaction | null {
  const idx = ids.map((id) => doc.cells.findIndex((c) => c.id === id)).filter((i) => i >= 0).sort((a, b) => a - b);
  if (!idx.length) return null;
  const first = idx[0];
  const last = idx[idx.length - 1];
  if (delta < 0 && first === 0) return null;
  if (delta > 0 && last === doc.cells.length - 1) return null;
  // Moving a block by one = moving the neighbour across it.
  const op: Op = delta < 0 ? { type: 'move', from: first - 1, to: last } : { type: 'move', from: last + 1, to: first };
  return { name: 'move', ops: [op], select: idx.map((i) => doc.cells[i].id) };
}

export function editCell(doc: NotebookDoc, id: string, after: Partial<CellFields>, name: string): Transaction | null {
  const cell = doc.cells.find((c) => c.id === id);
  if (!cell) return null;
  const before: Partial<CellFields> = {};
  for (const k of Object.keys(after) as (keyof CellFields)[]) (before as Record<string, unknown>)[k] = cell[k];
  return { name, ops: [{ type: 'cell', id, before, after }], coalesceKey: `${name}:${id}` };
}

export function setTitle(doc: NotebookDoc, title: string): Transaction {
  return { name: 'title', ops: [{ type: 'title', before: doc.title, after: title }], coalesceKey: 'title' };
}
