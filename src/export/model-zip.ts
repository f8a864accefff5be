// The one download a saved model becomes (the sidebar's download button):
// its portable files (portable.ts) in a folder named after the model, zipped
// uncompressed. portable-load.ts reads it back for a predict cell.
import { zipStored, type ZipEntry } from './zip.ts';

export function modelZip(name: string, files: readonly ZipEntry[]): { fileName: string; bytes: Uint8Array } {
  const base = name.replace(/[^\w.-]+/g, '_') || 'model';
  return { fileName: `${base}-model.zip`, bytes: zipStored(files.map((f) => ({ name: `${base}/${f.name}`, data: f.data }))) };
}
