// "Download model" (saved-models list): the model as portable files, made by
// the kernel worker (src/export/model-download.ts: a TensorFlow.js layers
// model, XGBoost JSON or a sequence model's weights, with model.meta.json and
// preprocessing.json), zipped into one download.
import type { Controller } from './controller.ts';
import { modelZip } from '../export/model-zip.ts';
import { downloadBlob } from './download.ts';
import { t } from './i18n.ts';

/** The file name downloaded, or null when the kernel has no such model (or its kind has no portable format). */
export async function downloadModel(controller: Controller, name: string): Promise<string | null> {
  const files = await controller.modelFiles(name);
  if (!files) return null;
  const { fileName, bytes } = modelZip(name, files);
  downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), fileName);
  return fileName;
}

/** The sidebar's download button: the model's zip, and a notice saying what was saved or why nothing was. */
export async function downloadModelWithNotice(controller: Controller, name: string): Promise<void> {
  try {
    const file = await downloadModel(controller, name);
    controller.notify(file ? t('modelDownloaded', { file }) : t('modelNotPortable', { name }), file ? 'info' : 'error');
  } catch (error) {
    controller.notify(error instanceof Error ? error.message : String(error));
  }
}
