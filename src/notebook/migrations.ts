// Upgrades of the workbench metadata inside notebook files. Every change to
// the format bumps FORMAT_VERSION and adds the step from the version before,
// so a notebook handed out last term still opens.
import { NotebookFormatError } from './errors.ts';
import { FORMAT_VERSION, type NotebookDoc } from './model.ts';

type Migration = (doc: NotebookDoc) => NotebookDoc;

/** MIGRATIONS[v] turns a version-v document into version v+1. */
const MIGRATIONS: Record<number, Migration> = {
  // Version 0 (pre-release files) had no formatVersion and named the output
  // table of load cells `name` instead of `output`.
  0: (doc) => ({
    ...doc,
    cells: doc.cells.map((cell) => {
      if (cell.kind !== 'load' || !('name' in cell.params) || 'output' in cell.params) return cell;
      const { name, ...rest } = cell.params;
      return { ...cell, params: { ...rest, output: name } };
    }),
  }),
};

export function migrateWorkbenchMetadata(doc: NotebookDoc): NotebookDoc {
  const raw = doc.workbench.formatVersion;
  let version = raw === undefined ? 0 : raw;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new NotebookFormatError(`metadata.workbench.formatVersion must be a whole number, not ${JSON.stringify(raw)}.`, 'metadata.workbench.formatVersion');
  }
  if (version > FORMAT_VERSION) {
    throw new NotebookFormatError(
      `This notebook was written by a newer ML Workbench (format ${version}; this one reads up to ${FORMAT_VERSION}). Update the workbench to open it.`,
      'metadata.workbench.formatVersion',
    );
  }
  let out = doc;
  while (version < FORMAT_VERSION) {
    out = MIGRATIONS[version](out);
    version++;
  }
  const { formatVersion: _drop, ...rest } = out.workbench;
  return { ...out, workbench: rest };
}
