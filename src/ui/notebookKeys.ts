// The notebook's keyboard commands (Jupyter's command mode: A/B insert,
// D D delete, M/Y kind, C/X/V clipboard, Z undo, arrows and J/K to move,
// Shift+Enter run and advance, Ctrl+S save). A chunk of its own that the
// notebook loads when it mounts: the first screen paints without it.
import type { RefObject } from 'react';
import type { Controller } from './controller.ts';
import { isTyping } from './typing.ts';

/** The window's keydown handler for the notebook under `root`; `runAdvance` runs a cell and selects the next. */
export function notebookKeys(controller: Controller, root: RefObject<HTMLElement | null>, runAdvance: (id: string) => void): (e: KeyboardEvent) => void {
  // The time of the first D of D D (delete).
  const lastD = { current: 0 };
  return (e: KeyboardEvent) => {
    const c = controller.state;
    const sel = c.selected;
    const typing = isTyping(document.activeElement);
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key.toLowerCase() === 's') {
      e.preventDefault();
      void controller.saveNow();
      return;
    }
    if (e.key === 'Enter' && (e.shiftKey || mod) && sel) {
      // Inside Monaco the editor's own commands handle these.
      if (document.activeElement?.closest('.monaco-host')) return;
      e.preventDefault();
      if (e.shiftKey) runAdvance(sel);
      else void controller.runCell(sel).catch(() => undefined);
      if (typing) (document.activeElement as HTMLElement).blur();
      return;
    }
    if (e.key === 'Escape') {
      if (typing) (document.activeElement as HTMLElement).blur();
      controller.select(sel, 'command');
      return;
    }
    // Undo/redo of notebook edits; inside a text field the field's own undo wins.
    if (!typing && mod && !e.altKey && (e.key.toLowerCase() === 'z' || e.key.toLowerCase() === 'y')) {
      e.preventDefault();
      const redo = e.key.toLowerCase() === 'y' || e.shiftKey;
      if (redo) controller.redo();
      else controller.undo();
      return;
    }
    if (typing || !sel || mod || e.altKey) return;
    const cells = c.doc?.cells ?? [];
    const i = cells.findIndex((x) => x.id === sel);
    if (e.shiftKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown' || e.key === 'K' || e.key === 'J')) {
      e.preventDefault();
      controller.editor.extendSelection(e.key === 'ArrowUp' || e.key === 'K' ? -1 : 1);
      return;
    }
    switch (e.key) {
      case 'z':
      case 'Z':
        e.preventDefault();
        if (e.shiftKey) controller.redo();
        else controller.undo();
        break;
      case 'm':
      case 'M':
        e.preventDefault();
        controller.editor.changeKind(sel, 'markdown');
        break;
      case 'y':
      case 'Y':
        e.preventDefault();
        controller.editor.changeKind(sel, 'code');
        break;
      case 'c':
      case 'C':
        e.preventDefault();
        controller.copyCells();
        break;
      case 'x':
      case 'X':
        e.preventDefault();
        controller.editor.cut();
        break;
      case 'v':
      case 'V':
        e.preventDefault();
        controller.editor.paste();
        break;
      case 'Enter': {
        e.preventDefault();
        controller.select(sel, 'edit');
        const el = root.current?.querySelector<HTMLElement>(`[data-cell-id="${sel}"] textarea, [data-cell-id="${sel}"] .monaco-host textarea, [data-cell-id="${sel}"] .cell-body input`);
        el?.focus();
        break;
      }
      case 'a':
      case 'A':
        e.preventDefault();
        controller.insertCell('code', { before: sel });
        break;
      case 'b':
      case 'B':
        e.preventDefault();
        controller.insertCell('code', { after: sel });
        break;
      case 'd':
      case 'D': {
        const now = Date.now();
        if (now - lastD.current < 600) {
          e.preventDefault();
          controller.editor.deleteCells(controller.editor.selection());
          lastD.current = 0;
        } else lastD.current = now;
        break;
      }
      case 'ArrowUp':
      case 'k':
        if (i > 0) {
          e.preventDefault();
          controller.select(cells[i - 1].id, 'command');
        }
        break;
      case 'ArrowDown':
      case 'j':
        if (i >= 0 && i < cells.length - 1) {
          e.preventDefault();
          controller.select(cells[i + 1].id, 'command');
        }
        break;
    }
  };
}
