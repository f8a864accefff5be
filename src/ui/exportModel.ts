// "Download model" (saved-models list): the model as portable files, made by
// the kernel worker (src/export/portable.ts: a TensorFlow.js layers model or
// XGBoost JSON, with model.meta.json), zipped into one download.
import type { Controller } from './controller.ts';
import { zipStored } from '../export/zip.ts';
import { downloadBlob } from './download.ts';

/** The file name downloaded, or null when the kernel has no such model (or its kind has no portable format). */
export async function downloadModel(controller: Controller, name: string): Promise<string | null> {
  const files = await controller.modelFiles(name);
  if (!files) return null;
  const base = name.replace(/[^\w.-]+/g, '_') || 'model';
  const zip = zipStored(files.map((f) => ({ name: `${base}/${f.name}`, data: f.data })));
  const fileName = `${base}-model.zip`;
  downloadBlob(new Blob([zip as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), fileName);
  return fileName;
}
