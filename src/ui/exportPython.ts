// "Export as Python notebook": the open notebook as a Jupyter notebook in
// pandas / scikit-learn / XGBoost / PyTorch (src/export/python), zipped with
// the data files it reads (the bundled and generated datasets, fetched from
// this app's own origin), so it runs on a laptop, Colab or SageMaker.
// The kernel worker makes the export (it holds the cell kinds, and tfjs
// with them, which this page must not load); this module only packs it.
import type { NotebookDoc } from '../notebook/model.ts';
import type { PythonExport } from '../export/python/notebook.ts';
import { toIpynb } from '../export/python/format.ts';
import { zipStored, type ZipEntry } from '../export/zip.ts';
import { DATASETS } from '../datasets/catalog.ts';
import { datasetUrl } from '../datasets/browser.ts';
import { downloadBlob, safeFileName } from './download.ts';

export interface PythonExportResult {
  fileName: string;
  todos: number;
  /** Data files the notebook reads that are not in the download (uploads, URLs): the student copies them beside it. */
  missing: string[];
}

export async function downloadPythonExport(doc: NotebookDoc, exported: PythonExport): Promise<PythonExportResult> {
  const base = safeFileName(doc.title || 'notebook', 'ipynb').replace(/\.ipynb$/, '');
  const entries: ZipEntry[] = [{ name: `${base}/${base}.ipynb`, data: toIpynb(doc, exported) }];
  const missing: string[] = [];
  for (const file of exported.files) {
    const entry = DATASETS.find((d) => file === `datasets/${d.file}`);
    const url = entry ? datasetUrl(entry.path) : undefined;
    if (!url) {
      missing.push(file);
      continue;
    }
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${entry!.name}: HTTP ${response.status} for ${url}`);
    entries.push({ name: `${base}/${file}`, data: new Uint8Array(await response.arrayBuffer()) });
  }
  const fileName = `${base}-python.zip`;
  downloadBlob(new Blob([zipStored(entries) as Uint8Array<ArrayBuffer>], { type: 'application/zip' }), fileName);
  return { fileName, todos: exported.todos.length, missing };
}
