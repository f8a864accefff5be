// New cells and notebooks as data.
import { newCellId, type NotebookCell, type NotebookDoc } from '../../notebook/model.ts';
import type { KindInfo } from '../../worker/protocol.ts';

/** A cell of a kind with the kind's default params (wiring.ts fills its inputs from the cells above). */
export function newCell(kind: string, kinds: KindInfo[]): NotebookCell {
  const info = kinds.find((k) => k.kind === kind);
  const params = structuredClone(info?.defaults ?? {});
  return {
    id: newCellId(),
    kind,
    params,
    outputs: [],
    jupyter: { cellType: kind === 'markdown' ? 'markdown' : 'code', metadata: {}, source: kind === 'markdown' ? String(params.text ?? '') : '' },
  };
}

export function blankNotebook(title: string): NotebookDoc {
  return { title, cells: [], metadata: {}, workbench: {}, nbformatMinor: 5 };
}

export function welcomeNotebook(): NotebookDoc {
  const doc = blankNotebook('Welcome');
  const md: NotebookCell = {
    id: newCellId(),
    kind: 'markdown',
    params: { text: '# Welcome to ML Workbench\n\nOpen a course notebook from the sidebar, or add cells below.' },
    outputs: [],
    jupyter: { cellType: 'markdown', metadata: {}, source: '' },
  };
  doc.cells.push(md);
  return doc;
}
