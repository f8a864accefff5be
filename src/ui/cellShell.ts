// A markdown or plain Jupyter cell far from the screen mounts as a light
// shell: its article (the same element, classes, id and label, so
// selection, keyboard moves and counts of cells work) with only its text
// (what find-in-page can reach), no header, editor or outputs. Mounting the
// full cells of a 1,000-cell notebook took most of its first second (bench
// app/open-4mb-notebook). CellView fills the article in once the cell comes
// near the viewport (nearViewport.ts), is selected, or is printed
// (beforeprint renders every cell), and keeps it filled.
import type { NotebookCell } from '../notebook/model.ts';

/** The kinds that mount as a shell while far from the screen: the text-only ones (no pickers or editors to keep alive). */
export function mountsAsShell(kind: string): boolean {
  return kind === 'markdown' || kind === 'foreign';
}

/** The text a shell shows: a markdown cell's text, a Jupyter cell's source. */
export function shellText(cell: NotebookCell): string {
  return cell.kind === 'markdown' ? String(cell.params.text ?? '') : cell.jupyter.source;
}
