// The files of the saved-models list's download (the kernel worker's
// modelFiles request): the model's portable files (portable.ts) with the
// fitted transforms found from the notebook's cells (preprocessing.ts).
// Tests call this too, so they check what the app downloads.
import type { CellState } from '../kernel/state.ts';
import type { Value } from '../core/values.ts';
import type { ZipEntry } from './zip.ts';
import { portableModelFiles } from './portable.ts';
import { modelLineage } from './preprocessing.ts';

export interface ModelSource {
  cells(): CellState[];
  getValue(name: string): Value | undefined;
}

/** null when there is no such model or its kind has no portable format. */
export async function modelDownloadFiles(kernel: ModelSource, name: string): Promise<ZipEntry[] | null> {
  const v = kernel.getValue(name);
  if (v?.type !== 'model') return null;
  return (await portableModelFiles(v.model, modelLineage(kernel.cells(), (n) => kernel.getValue(n), name))) ?? null;
}
