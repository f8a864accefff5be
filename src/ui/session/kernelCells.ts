// What the kernel is sent of the notebook's cells. The kernel never reads a
// cell's Jupyter extras beyond its source (plain Jupyter cells are kept, not
// run; trust hashes kind and params), so saved Jupyter outputs and markdown
// attachments (most of a 4 MB notebook: base64 plots) stay in the page rather
// than being copied to the worker on open and on every edit.
import type { NotebookCell } from '../../notebook/model.ts';

export function kernelCells(cells: readonly NotebookCell[]): NotebookCell[] {
  return cells.map((c) => {
    const { outputs, attachments, ...rest } = c.jupyter;
    return outputs === undefined && attachments === undefined ? c : { ...c, jupyter: rest };
  });
}
