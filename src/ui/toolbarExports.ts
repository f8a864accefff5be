// The toolbar's exports, loaded on the first click (not with the first screen):
// the HTML report and the Python notebook, each saying in a notice how it went.
import type { Controller, State } from './controller.ts';
import { t } from './i18n.ts';

/** The whole notebook with its latest outputs and figures as one HTML file (report.ts). */
export async function exportReport(controller: Controller, state: State): Promise<void> {
  const doc = state.doc;
  if (!doc) return;
  try {
    const outputs = Object.fromEntries(Object.entries(state.runs).map(([id, run]) => [id, run.outputs]));
    const { exportHtmlReport } = await import('./report.ts');
    const r = await exportHtmlReport(doc, outputs, state.backend ? [`backend ${state.backend}`] : []);
    controller.notify(t('reportSaved', { file: r.fileName }), 'info');
  } catch (error) {
    controller.notify(t('reportFailed', { message: error instanceof Error ? error.message : String(error) }));
  }
}

/** The notebook as pandas / scikit-learn / XGBoost / PyTorch code with its data files (exportPython.ts). */
export async function exportPython(controller: Controller, state: State): Promise<void> {
  const doc = state.doc;
  if (!doc) return;
  try {
    const { downloadPythonExport } = await import('./exportPython.ts');
    const r = await downloadPythonExport(doc, await controller.exportPython(doc));
    const saved = t('exportPythonSaved', { file: r.fileName, todos: r.todos });
    controller.notify(r.missing.length ? `${saved} ${t('exportPythonMissing', { files: r.missing.join(', ') })}` : saved, 'info');
  } catch (error) {
    controller.notify(t('exportPythonFailed', { message: error instanceof Error ? error.message : String(error) }));
  }
}
