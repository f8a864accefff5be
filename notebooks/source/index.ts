// The bundled notebooks by file name.
import type { NotebookDoc } from '../../src/notebook/model.ts';
import { penguins } from './penguins.ts';

export function bundledNotebooks(): Record<string, NotebookDoc> {
  return {
    'penguins.ipynb': penguins(),
  };
}
