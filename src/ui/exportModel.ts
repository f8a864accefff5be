// "Download model" (saved-models list): the model as portable files, made by
// the kernel worker (src/export/model-download.ts: a TensorFlow.js layers
// model, XGBoost JSON or a sequence model's weights, with model.meta.json and
// preprocessing.json), zipped into one download.
import type { Controller } from './controller.ts';
import { modelZip } from '../export/model-zip.ts';
import { downloadBlob } from './download.ts';

/** The file name downloaded, or null when the kernel has no such model (or its kind has no portable format). */
export async function downloadModel(controller: Controller, name: string): Promise<string | null> {
  const files = await controller.modelFiles(name);
  if (!files) return null;
  const { fileName, bytes } = modelZip(name, files);
  downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), fileName);
  return fileName;
}
