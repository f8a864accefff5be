// Run controls, the lifecycle panels, the HTML report and Python exports, backend selector and save state.
import type { Controller, State } from './controller.ts';
import type { BackendName } from '../ml/backend.ts';
import { useState, useSyncExternalStore } from 'react';
import { useT } from './i18n.ts';
import { toolbarActions } from './toolbarActions.ts';

const BACKENDS: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** `galleryOpen`: the course gallery is shown in the notebook's place (the run, restart and export actions wait; toolbarActions.ts). */
export function Toolbar({ controller, state, galleryOpen = false }: { controller: Controller; state: State; galleryOpen?: boolean }) {
  const t = useT();
  const can = toolbarActions(state, galleryOpen);
  const saveText = state.save === 'saved' ? t('saved') : state.save === 'saving' ? t('saving') : state.save === 'error' ? t('saveError') : t('unsaved');
  const tried = new Map(state.backendTried.map((a) => [a.name, a]));
  const lifecycle = useSyncExternalStore(controller.lifecycle.subscribe, controller.lifecycle.getState);
  const [exporting, setExporting] = useState(false);
  /** The whole notebook with its latest outputs and figures as one HTML file (toolbarExports.ts, loaded on first use). */
  const exportReport = async () => {
    if (!state.doc) return;
    setExporting(true);
    try {
      await (await import('./toolbarExports.ts')).exportReport(controller, state);
    } finally {
      setExporting(false);
    }
  };
  /** The notebook as pandas / scikit-learn / XGBoost / PyTorch code with its data files (toolbarExports.ts, loaded on first use). */
  const exportPython = async () => {
    if (state.doc) await (await import('./toolbarExports.ts')).exportPython(controller, state);
  };
  return (
    <div className="toolbar" role="toolbar" aria-label="Notebook">
      <button type="button" className="btn primary" data-action="run-all" onClick={() => void controller.runAll().catch(() => undefined)} disabled={!can.run}>
        ▶▶ {t('runAll')}
      </button>
      <button type="button" className="btn" data-action="run-next" title={t('runNextTitle')} onClick={() => void controller.runNext().catch(() => undefined)} disabled={!can.run}>
        ▶ {t('runNext')}
      </button>
      <button type="button" className="btn danger" data-action="stop" onClick={() => controller.cancel()} disabled={!can.stop}>
        ■ {t('stop')}
      </button>
      <button type="button" className="btn" data-action="restart" title={t('restartTitle')} onClick={() => void controller.restart()} disabled={!can.restart}>
        ↻ {t('restart')}
      </button>
      <span className="toolbar-spacer" />
      <button type="button" className={`btn${lifecycle.panel === 'runs' ? ' active' : ''}`} data-action="runs-panel" aria-pressed={lifecycle.panel === 'runs'} onClick={() => controller.lifecycle.toggle('runs')}>
        {t('runsPanel')}
      </button>
      <button type="button" className={`btn${lifecycle.panel === 'registry' ? ' active' : ''}`} data-action="registry-panel" aria-pressed={lifecycle.panel === 'registry'} onClick={() => controller.lifecycle.toggle('registry')}>
        {t('registryPanel')}
      </button>
      <button type="button" className="btn" data-action="export-report" title={t('exportReportTitle')} disabled={!can.exportDoc || exporting} aria-busy={exporting} onClick={() => void exportReport()}>
        {exporting ? t('exportingReport') : t('exportReport')}
      </button>
      <button type="button" className="btn" data-action="export-python" title={t('exportPythonTitle')} disabled={!can.exportDoc} onClick={() => void exportPython()}>
        {t('exportPython')}
      </button>
      <label className="backend">
        <span>{t('backend')}</span>
        <select
          className="input"
          data-testid="backend"
          value={state.backend}
          onChange={(e) => void controller.switchBackend(e.target.value as BackendName)}
          disabled={!state.backend}
        >
          {!state.backend && <option value="">…</option>}
          {BACKENDS.map((b) => {
            const a = tried.get(b);
            const failed = a && !a.ok;
            return (
              <option key={b} value={b} title={a?.error}>
                {b}
                {failed ? ' (unavailable)' : ''}
              </option>
            );
          })}
        </select>
      </label>
      {/* Every save text stacked in one cell, only the current one visible: the badge keeps the width of the longest, so the toolbar never re-wraps as the state changes. */}
      <span className={`save-state save-${state.save}`} data-testid="save-state" role="status" title={state.saveError}>
        <span className="save-text">{saveText}</span>
        {[t('saved'), t('saving'), t('saveError'), t('unsaved')].map((text) => (
          <span key={text} className="save-reserve" aria-hidden>{text}</span>
        ))}
      </span>
    </div>
  );
}
