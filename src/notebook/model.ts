// The notebook document as the workbench holds it. It is a normalised view of
// a Jupyter notebook (nbformat 4.5): every Jupyter field the workbench does
// not use is kept in `jupyter` so that reading then writing loses nothing.
import type { CellOutput } from '../core/outputs.ts';

/** Version of the workbench metadata inside the .ipynb; bump it with a migration. */
export const FORMAT_VERSION = 1;

/** Kind of a cell the workbench shows but never runs (plain Jupyter code, raw cells). */
export const FOREIGN_KIND = 'foreign';
export const MARKDOWN_KIND = 'markdown';
export const CODE_KIND = 'code';

/** nbformat's cell types; a newer nbformat's own (kept verbatim, shown as raw) are any other string. */
export type JupyterCellType = 'code' | 'markdown' | 'raw' | (string & {});

export interface JupyterExtras {
  cellType: JupyterCellType;
  /** Cell metadata other than `workbench`, verbatim. */
  metadata: Record<string, unknown>;
  /** Source as found in the file; the truth for markdown, code and foreign cells. */
  source: string;
  /** Outputs of foreign code cells, verbatim (workbench cells keep theirs in `outputs`). */
  outputs?: unknown[];
  executionCount?: number | null;
  attachments?: unknown;
  /** Any other top-level key of the cell object, verbatim. */
  extra?: Record<string, unknown>;
  /** The file held the source as one string rather than nbformat's list of lines, or had none (a newer nbformat's cell type). */
  sourceForm?: 'string' | 'absent';
  /** The file's cell had no `outputs` key (raw cells). */
  noOutputs?: boolean;
}

export interface NotebookCell {
  /** nbformat 4.5 cell id: 1–64 of [a-zA-Z0-9-_]. */
  id: string;
  /** Cell kind: markdown, load, eda, ..., code, or foreign. */
  kind: string;
  /** Optional short title shown in the cell header. */
  title?: string;
  /** Params of a typed cell, validated by its kind's schema. */
  params: Record<string, unknown>;
  /** Outputs of the last run, saved with the notebook. */
  outputs: CellOutput[];
  jupyter: JupyterExtras;
}

export interface NotebookDoc {
  title: string;
  cells: NotebookCell[];
  /** Notebook metadata other than `title` and `workbench`, verbatim (kernelspec, authors, ...). */
  metadata: Record<string, unknown>;
  /** Workbench notebook-level settings other than formatVersion, verbatim. */
  workbench: Record<string, unknown>;
  nbformatMinor: number;
  /** Top-level keys other than cells/metadata/nbformat/nbformat_minor, verbatim. */
  extra?: Record<string, unknown>;
}

/** A Jupyter-valid cell id. */
export function newCellId(random: () => number = Math.random): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let id = '';
  for (let i = 0; i < 12; i++) id += alphabet[Math.floor(random() * alphabet.length)];
  return id;
}

export const CELL_ID_PATTERN = /^[a-zA-Z0-9-_]{1,64}$/;
