// The bundled notebooks by file name.
import type { NotebookDoc } from '../../src/notebook/model.ts';
import { penguins } from './penguins.ts';
import { bankMarketing } from './bank-marketing.ts';

export function bundledNotebooks(): Record<string, NotebookDoc> {
  return {
    'penguins.ipynb': penguins(),
    'bank-marketing.ipynb': bankMarketing('en'),
    'bank-marketing.ko.ipynb': bankMarketing('ko'),
  };
}
