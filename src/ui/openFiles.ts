// Files dropped on the window or picked in the sidebar: notebooks open, data
// files (and downloaded model zips) are uploaded; anything else is refused
// with a notice. Loaded on first use, not with the first screen.
import type { Controller } from './controller.ts';
import { loadLater, t } from './i18n.ts';

// Data files for a load cell, and a downloaded model zip for a predict cell's modelFile.
const DATA_FILE = /\.(csv|tsv|txt|json|jsonl|zip)$/i;

export async function openFiles(controller: Controller, files: FileList | File[]): Promise<void> {
  // Its messages are in the later table (i18n-later.ts): a file may be dropped before the app has loaded it.
  await loadLater().catch(() => undefined);
  for (const file of Array.from(files)) {
    if (/\.ipynb$/i.test(file.name)) {
      try {
        await controller.openJson(await file.text(), file.name);
      } catch (error) {
        controller.notify(t('openFailed', { name: file.name, message: error instanceof Error ? error.message : String(error) }));
      }
    } else if (DATA_FILE.test(file.name)) {
      await controller.uploadFile(file).catch((e: Error) => controller.notify(e.message));
    } else {
      controller.notify(t('openFailed', { name: file.name, message: t('unsupportedFile') }));
    }
  }
}
