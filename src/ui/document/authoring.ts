// The editing side of the UI as one module that loads just after the first
// screen (the shell stays within its size budget, docs/app.md): the
// document editor wired to new-cell wiring, the leakage notes with their
// text, and the authoring messages.
import type { NotebookDoc } from '../../notebook/model.ts';
import type { CellRun, StateBox } from '../state.ts';
import { at, type AuthoringKey } from '../i18n-authoring.ts';
import { newCell } from './cells.ts';
import { DocumentEditor } from './editor.ts';
import { dropLeakEdits, leaksByCell, type Leak, type ShownLeak, type TableInfo } from './leakage.ts';
import { knownTables, wireNewCell } from './wiring.ts';

export interface AuthoringDeps {
  onEdited(): void;
  trustCell(id: string): void;
  notify(message: string, action?: { label: string; run: () => void }): void;
}

export function createAuthoring(box: StateBox, deps: AuthoringDeps) {
  const editor = new DocumentEditor(box, {
    ...deps,
    newCell: (kind, index, doc) => wireNewCell(newCell(kind, box.state.kinds), index, doc, { kinds: box.state.kinds, tableColumns: box.state.tableColumns }),
    text: (key, n) => at(key, { n: n ?? 0 }),
  });
  const tables = (): TableInfo => ({ columns: box.state.tableColumns, types: box.state.tableTypes });
  return {
    editor,
    text: (key: AuthoringKey, vars: Record<string, string | number> = {}) => at(key, vars),
    /** Leaks to show per cell id, with their text and, where a fix applies, its label. */
    leaks(doc: NotebookDoc, runs: Record<string, CellRun>): Record<string, ShownLeak[]> {
      const out: Record<string, ShownLeak[]> = {};
      for (const [id, leaks] of Object.entries(leaksByCell(doc, runs, tables()))) {
        out[id] = leaks.map((l) => ({
          ...l,
          message: at('leakageWarning', { column: l.column, why: l.why }),
          fixLabel: dropLeakEdits(doc, l, tables()).length ? at('leakageDrop', { column: l.column }) : undefined,
        }));
      }
      return out;
    },
    /** Columns of every table a cell can name, split parts included before the split has run. */
    tables: (doc: NotebookDoc) => knownTables(doc, box.state.tableColumns, box.state.tableTypes),
    /** Drop a leaking column from every later train cell's features: one undoable edit. */
    dropLeak(leak: Leak): void {
      const doc = box.state.doc;
      if (!doc) return;
      editor.setManyParams('drop-column', dropLeakEdits(doc, leak, tables()));
      deps.notify(at('leakageDropped', { column: leak.column }), { label: at('undo'), run: () => editor.undo() });
    },
  };
}

export type Authoring = ReturnType<typeof createAuthoring>;
