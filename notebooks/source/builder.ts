// A small builder for the bundled notebooks: each notebook is written as
// code (so the English and Korean versions share one structure and the
// files stay canonical), then serialized with the workbench's own codec.
import type { NotebookCell, NotebookDoc } from '../../src/notebook/model.ts';

export class NotebookBuilder {
  private cells: NotebookCell[] = [];
  private counts = new Map<string, number>();

  constructor(private readonly title: string, private readonly metadata: Record<string, unknown> = {}) {}

  private id(kind: string): string {
    const n = (this.counts.get(kind) ?? 0) + 1;
    this.counts.set(kind, n);
    return `${kind}-${n}`;
  }

  md(text: string): this {
    const trimmed = text.replace(/^\n+|\s+$/g, '').replace(/^ {4}/gm, '');
    this.cells.push({ id: this.id('md'), kind: 'markdown', params: { text: trimmed }, outputs: [], jupyter: { cellType: 'markdown', metadata: {}, source: trimmed } });
    return this;
  }

  cell(kind: string, params: Record<string, unknown>, title?: string): this {
    const cell: NotebookCell = { id: this.id(kind), kind, params, outputs: [], jupyter: { cellType: 'code', metadata: {}, source: '' } };
    if (title) cell.title = title;
    this.cells.push(cell);
    return this;
  }

  /** A JavaScript code cell; `python` is its Python twin for "Export as Python notebook". */
  code(code: string, title?: string, python?: string): this {
    const trim = (s: string) => s.replace(/^\n+|\s+$/g, '');
    return this.cell('code', python ? { code: trim(code), python: trim(python) } : { code: trim(code) }, title);
  }

  build(): NotebookDoc {
    return { title: this.title, cells: this.cells, metadata: this.metadata, workbench: {}, nbformatMinor: 5 };
  }
}
