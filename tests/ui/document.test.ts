import { describe, expect, it } from 'vitest';
import type { NotebookCell, NotebookDoc } from '../../src/notebook/model.ts';
import { StateBox } from '../../src/ui/state.ts';
import { DocumentEditor } from '../../src/ui/document/editor.ts';
import { CellClipboard } from '../../src/ui/document/clipboard.ts';
import { History } from '../../src/ui/document/history.ts';
import { applyTransaction, invert, moveCells, removeCells } from '../../src/ui/document/transactions.ts';
import { blankNotebook } from '../../src/ui/document/cells.ts';

let n = 0;
function cell(kind: string, params: Record<string, unknown> = {}, extra: Partial<NotebookCell> = {}): NotebookCell {
  return { id: `c${++n}`, kind, params, outputs: [], jupyter: { cellType: kind === 'markdown' ? 'markdown' : 'code', metadata: {}, source: '' }, ...extra };
}

function docOf(...cells: NotebookCell[]): NotebookDoc {
  return { ...blankNotebook('T'), cells };
}

function mapStorage() {
  const map = new Map<string, string>();
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
}

function setup(doc: NotebookDoc, notebookId = 'nb1', clipboard = new CellClipboard(mapStorage())) {
  const box = new StateBox();
  box.set({ doc, notebookId, selected: doc.cells[0]?.id ?? null });
  let edits = 0;
  const notices: { message: string; action?: { label: string; run: () => void } }[] = [];
  const editor = new DocumentEditor(
    box,
    {
      onEdited: () => void edits++,
      trustCell: () => undefined,
      newCell: (kind) => cell(kind),
      notify: (message, action) => notices.push({ message, action }),
      text: (key, k) => `${key}:${k ?? ''}`,
    },
    clipboard,
  );
  const ids = () => box.state.doc!.cells.map((c) => c.id);
  return { box, editor, ids, notices, edits: () => edits };
}

describe('transactions', () => {
  it('the inverse of a transaction restores the document exactly', () => {
    const a = cell('markdown', { text: 'a' });
    const b = cell('code', { code: 'b' });
    const c = cell('train', { epochs: 5 });
    const doc = docOf(a, b, c);
    for (const tx of [removeCells(doc, [a.id, c.id]), moveCells(doc, [b.id, c.id], -1)!, moveCells(doc, [a.id], 1)!]) {
      const after = applyTransaction(doc, tx);
      expect(after).not.toEqual(doc);
      expect(applyTransaction(after, invert(tx))).toEqual(doc);
    }
  });

  it('moves a block of selected cells by one', () => {
    const [a, b, c, d] = [cell('code'), cell('code'), cell('code'), cell('code')];
    const doc = docOf(a, b, c, d);
    expect(applyTransaction(doc, moveCells(doc, [b.id, c.id], 1)!).cells.map((x) => x.id)).toEqual([a.id, d.id, b.id, c.id]);
    expect(moveCells(doc, [a.id], -1)).toBeNull();
  });
});

describe('history: undo/redo over every edit kind', () => {
  it('insert, delete, move, duplicate, params, cell title, notebook title, markdown text, kind change', () => {
    const md = cell('markdown', { text: 'hello' });
    const code = cell('code', { code: 'x = 1' });
    const train = cell('train', { epochs: 5 }, { outputs: [{ type: 'text', text: 'trained' }] });
    const { box, editor, ids } = setup(docOf(md, code, train));
    const states: NotebookDoc[] = [box.state.doc!];
    const step = (f: () => void) => {
      f();
      states.push(box.state.doc!);
    };
    // Distinct steps (no coalescing between different edits).
    step(() => editor.insertCell('eda', { after: md.id }));
    step(() => editor.moveCell(code.id, -1));
    step(() => editor.duplicateCell(train.id));
    step(() => editor.setParams(train.id, { epochs: 50 }));
    step(() => editor.updateCell(train.id, { title: 'Fit' }));
    step(() => editor.setTitle('New title'));
    step(() => editor.setParams(md.id, { text: 'hello world' }, 'markdown'));
    step(() => editor.changeKind(code.id, 'markdown'));
    step(() => editor.deleteCells([train.id]));
    expect(new Set(states.map((s) => JSON.stringify(s))).size).toBe(states.length);
    for (let i = states.length - 2; i >= 0; i--) {
      expect(editor.undo()).toBe(true);
      expect(box.state.doc).toEqual(states[i]);
    }
    expect(editor.undo()).toBe(false);
    expect(box.state.canUndo).toBe(false);
    for (let i = 1; i < states.length; i++) {
      expect(editor.redo()).toBe(true);
      expect(box.state.doc).toEqual(states[i]);
    }
    expect(editor.redo()).toBe(false);
    expect(ids()).not.toContain(train.id);
  });

  it('delete then undo brings the cell back with its outputs (as shown in the run) and selects it', () => {
    const a = cell('code', { code: '1' });
    const b = cell('eda', { input: 'data' }, { outputs: [] });
    const { box, editor, notices } = setup(docOf(a, b));
    box.set({ runs: { [b.id]: { status: 'done', outputs: [{ type: 'text', text: 'profile' }], live: [] } } });
    editor.deleteCell(b.id);
    expect(box.state.doc!.cells.map((c) => c.id)).toEqual([a.id]);
    // The notice offers Undo.
    expect(notices[0].action?.label).toBe('undo:');
    notices[0].action!.run();
    const back = box.state.doc!.cells[1];
    expect(back.id).toBe(b.id);
    expect(back.outputs).toEqual([{ type: 'text', text: 'profile' }]);
    expect(box.state.runs[b.id].outputs).toEqual([{ type: 'text', text: 'profile' }]);
    expect(box.state.selected).toBe(b.id);
  });

  it('typing in one field is one undo step; a new edit clears redo', () => {
    let t = 0;
    const h = new History(() => t);
    const a = cell('code');
    const doc = docOf(a);
    const { box, editor } = setup(doc);
    // Quick edits of one field through the editor; the time window through History with a fake clock.
    for (const code of ['p', 'pr', 'pri', 'prin', 'print']) editor.setParams(a.id, { code });
    expect(editor.undo()).toBe(true);
    expect(box.state.doc!.cells[0].params).toEqual({});
    h.record({ name: 'params', ops: [{ type: 'title', before: 'a', after: 'b' }], coalesceKey: 'k' });
    t = 5000;
    h.record({ name: 'params', ops: [{ type: 'title', before: 'b', after: 'c' }], coalesceKey: 'k' });
    expect(h.undo()?.ops).toHaveLength(1);
    expect(h.canRedo).toBe(true);
    h.record({ name: 'title', ops: [{ type: 'title', before: 'b', after: 'x' }] });
    expect(h.canRedo).toBe(false);
  });

  it('keeps one history per notebook', () => {
    const a = cell('code');
    const { box, editor } = setup(docOf(a), 'nb1');
    editor.setTitle('changed in nb1');
    box.set({ notebookId: 'nb2', doc: docOf(cell('code')) });
    editor.syncHistoryFlags();
    expect(box.state.canUndo).toBe(false);
    expect(editor.undo()).toBe(false);
    box.set({ notebookId: 'nb1', doc: { ...docOf(a), title: 'changed in nb1' } });
    expect(editor.undo()).toBe(true);
    expect(box.state.doc!.title).toBe('T');
  });
});

describe('selection, M/Y and the clipboard', () => {
  it('Shift+Down/Up extends and shrinks a contiguous selection; delete and move act on it', () => {
    const cs = [cell('code'), cell('code'), cell('code'), cell('code')];
    const { box, editor, ids } = setup(docOf(...cs));
    editor.select(cs[1].id);
    editor.extendSelection(1);
    editor.extendSelection(1);
    expect(editor.selection()).toEqual([cs[1].id, cs[2].id, cs[3].id]);
    editor.extendSelection(-1);
    expect(editor.selection()).toEqual([cs[1].id, cs[2].id]);
    editor.moveCells(editor.selection(), -1);
    expect(ids()).toEqual([cs[1].id, cs[2].id, cs[0].id, cs[3].id]);
    editor.deleteCells(editor.selection());
    expect(ids()).toEqual([cs[0].id, cs[3].id]);
    editor.undo();
    expect(ids()).toEqual([cs[1].id, cs[2].id, cs[0].id, cs[3].id]);
    expect(box.state.selected).toBe(cs[1].id);
  });

  it('M and Y switch a cell between markdown and code, keeping the text', () => {
    const c = cell('code', { code: '# title' });
    const { box, editor } = setup(docOf(c));
    editor.changeKind(c.id, 'markdown');
    expect(box.state.doc!.cells[0]).toMatchObject({ kind: 'markdown', params: { text: '# title' }, jupyter: { cellType: 'markdown' } });
    editor.changeKind(c.id, 'code');
    expect(box.state.doc!.cells[0]).toMatchObject({ kind: 'code', params: { code: '# title' }, jupyter: { cellType: 'code' } });
  });

  it('copy/paste and cut/paste cells, also into another notebook (new ids, outputs kept)', () => {
    const storage = mapStorage();
    const a = cell('train', { epochs: 3 }, { outputs: [{ type: 'text', text: 'done' }] });
    const b = cell('code', { code: 'x' });
    const first = setup(docOf(a, b), 'nb1', new CellClipboard(storage));
    first.editor.select(a.id);
    first.editor.copy();
    first.editor.select(b.id);
    first.editor.paste();
    const pasted = first.box.state.doc!.cells[2];
    expect(pasted).toMatchObject({ kind: 'train', params: { epochs: 3 }, outputs: [{ type: 'text', text: 'done' }] });
    expect(pasted.id).not.toBe(a.id);
    // Another notebook (another editor, the same storage): X in one, V in the other.
    first.editor.select(b.id);
    first.editor.cut();
    expect(first.ids()).toEqual([a.id, pasted.id]);
    const other = setup(docOf(cell('markdown', { text: 'other' })), 'nb2', new CellClipboard(storage));
    other.editor.paste();
    expect(other.box.state.doc!.cells.map((c) => c.kind)).toEqual(['markdown', 'code']);
    expect(other.box.state.doc!.cells[1].params).toEqual({ code: 'x' });
  });

  it('pasting with an empty clipboard says so and changes nothing', () => {
    const { editor, notices, edits } = setup(docOf(cell('code')));
    editor.paste();
    expect(notices.map((x) => x.message)).toEqual(['nothingToPaste:']);
    expect(edits()).toBe(0);
  });
});
