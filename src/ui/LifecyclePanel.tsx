// The runs and registry panels: a right-hand drawer. Runs: filter, sort,
// search, select and compare (params diff, metrics, overlaid curves,
// parallel coordinates), delete, export and import. Registry: models by
// name with their versions, stage badges and the state machine's actions.
// Every train run links its saved model (artifact): the runs table shows
// it, and a selected run's model can be registered from here. Every label
// comes from i18n.ts (English, Korean). Loaded on first open (React.lazy),
// with the lifecycle engine. Its parts live in lifecyclePanel/: the runs
// comparison (RunsCompare.tsx), the registry (RegistryView.tsx) and the
// formatting both share (format.ts).
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { RUN_KINDS, type RunRecord } from '../lifecycle/runs.ts';
import { searchRuns } from '../lifecycle/runQuery.ts';
import type { LifecycleModel, LifecycleState } from './lifecycle.ts';
import { Compare } from './lifecyclePanel/RunsCompare.tsx';
import { RegistryView } from './lifecyclePanel/RegistryView.tsx';
import { artifactText, duration, metricNames, num, when } from './lifecyclePanel/format.ts';
import { downloadText } from './download.ts';
import { useLifecycleT } from './i18n-lifecycle.ts';

// --- the drawer ----------------------------------------------------------------

export default function LifecyclePanel({ model, state, notebookId }: { model: LifecycleModel; state: LifecycleState; notebookId: string | null }) {
  const t = useLifecycleT();
  return (
    <aside className="drawer" data-testid="lifecycle-panel" data-panel={state.panel ?? ''} aria-label={state.panel === 'registry' ? t('registryPanel') : t('runsPanel')}>
      <header className="drawer-head">
        <div className="tabs" role="tablist">
          <button type="button" role="tab" aria-selected={state.panel === 'runs'} className={`tab${state.panel === 'runs' ? ' active' : ''}`} onClick={() => model.open('runs')}>
            {t('runsPanel')}
          </button>
          <button type="button" role="tab" aria-selected={state.panel === 'registry'} className={`tab${state.panel === 'registry' ? ' active' : ''}`} onClick={() => model.open('registry')}>
            {t('registryPanel')}
          </button>
        </div>
        <button type="button" className="btn icon ghost" aria-label={t('close')} data-action="close-panel" onClick={() => model.open(null)}>
          ×
        </button>
      </header>
      {!state.loaded && <p className="muted loading">…</p>}
      {state.loaded && state.panel === 'runs' && <RunsView model={model} state={state} notebookId={notebookId} />}
      {state.loaded && state.panel === 'registry' && <RegistryView model={model} state={state} />}
    </aside>
  );
}

// --- runs ------------------------------------------------------------------------

type SortKey = 'notebook' | 'cell' | 'kind' | 'startedAt' | 'durationMs' | 'backend' | 'status' | `metric:${string}`;

function sortValue(r: RunRecord, key: SortKey): string | number | undefined {
  switch (key) {
    case 'notebook':
      return r.notebookTitle.toLowerCase();
    case 'cell':
      return r.output ?? r.cellId;
    case 'kind':
      return r.kind;
    case 'startedAt':
      return Date.parse(r.startedAt);
    case 'durationMs':
      return r.durationMs;
    case 'backend':
      return r.backend;
    case 'status':
      return r.status;
    default:
      return r.metrics[key.slice(7)];
  }
}

/** Runs lacking the key go last either way (a missing metric is not the worst). */
function sortBy(runs: readonly RunRecord[], key: SortKey, dir: 'asc' | 'desc'): RunRecord[] {
  const sign = dir === 'asc' ? 1 : -1;
  return runs
    .map((r, i) => ({ r, i, v: sortValue(r, key) }))
    .sort((a, b) => {
      if (a.v === undefined || b.v === undefined) return a.v === b.v ? a.i - b.i : a.v === undefined ? 1 : -1;
      if (a.v === b.v) return a.i - b.i;
      return (a.v < b.v ? -1 : 1) * sign;
    })
    .map((x) => x.r);
}

function RunsView({ model, state, notebookId }: { model: LifecycleModel; state: LifecycleState; notebookId: string | null }) {
  const t = useLifecycleT();
  const [notebook, setNotebook] = useState<string>('');
  const [kind, setKind] = useState<string>('');
  const [text, setText] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; dir: 'asc' | 'desc' }>({ key: 'startedAt', dir: 'desc' });
  const [selected, setSelected] = useState<string[]>([]);
  const importInput = useRef<HTMLInputElement>(null);
  const focusRow = useRef<HTMLTableRowElement>(null);

  const notebooks = useMemo(() => {
    const m = new Map<string, string>();
    for (const r of state.runs) m.set(r.notebookId, r.notebookTitle || r.notebookId || t('lcNoNotebook'));
    return [...m.entries()];
  }, [state.runs, t]);

  const shown = useMemo(() => {
    let list = state.runs.filter((r) => (!notebook || r.notebookId === notebook) && (!kind || r.kind === kind));
    if (text.trim()) list = searchRuns(list, text);
    return sortBy(list, sort.key, sort.dir);
  }, [state.runs, notebook, kind, text, sort]);

  const metrics = useMemo(() => metricNames(shown).slice(0, 4), [shown]);
  // Selections of deleted runs drop out.
  const chosen = useMemo(() => selected.map((id) => state.runs.find((r) => r.id === id)).filter((r): r is RunRecord => !!r), [selected, state.runs]);

  useEffect(() => {
    if (state.focusRun) focusRow.current?.scrollIntoView({ block: 'center' });
  }, [state.focusRun, shown]);

  const header = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return (
      <th aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button type="button" className="th-sort" data-sort={key} onClick={() => setSort({ key, dir: active && sort.dir === 'desc' ? 'asc' : 'desc' })}>
          {label}
          {active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
        </button>
      </th>
    );
  };

  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id]));
  const allShown = shown.length > 0 && shown.every((r) => selected.includes(r.id));

  return (
    <div className="runs-view" data-testid="runs-panel">
      <div className="panel-controls">
        <select className="input" aria-label={t('lcNotebook')} data-testid="runs-notebook" value={notebook} onChange={(e) => setNotebook(e.target.value)}>
          <option value="">{t('lcAllNotebooks')}</option>
          {notebookId && !notebooks.some(([id]) => id === notebookId) && <option value={notebookId}>{t('lcThisNotebook')}</option>}
          {notebooks.map(([id, title]) => (
            <option key={id} value={id}>
              {title}
              {id === notebookId ? t('lcOpenSuffix') : ''}
            </option>
          ))}
        </select>
        <select className="input" aria-label={t('lcKind')} data-testid="runs-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
          <option value="">{t('lcAllKinds')}</option>
          {RUN_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`lcKind_${k}`)}
            </option>
          ))}
        </select>
        <input className="input grow" type="search" placeholder={t('lcSearchPlaceholder')} aria-label={t('lcSearchRuns')} data-testid="runs-search" value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="panel-controls">
        <span className="muted small" data-testid="runs-count">
          {t('lcRunsCount', { shown: shown.length, total: state.runs.length, selected: chosen.length })}
        </span>
        <span className="toolbar-spacer" />
        <button type="button" className="btn small danger" data-action="delete-runs" disabled={chosen.length === 0} onClick={() => window.confirm(chosen.length === 1 ? t('lcDeleteOne') : t('lcDeleteMany', { n: chosen.length })) && void model.deleteRuns(chosen.map((r) => r.id)).then(() => setSelected([]))}>
          {t('delete')}
        </button>
        <button
          type="button"
          className="btn small"
          data-action="export-runs"
          disabled={state.runs.length === 0}
          onClick={() => void model.exportRuns(chosen.length ? chosen.map((r) => r.id) : undefined).then((json) => downloadText(json, 'ml-workbench-runs.json', 'application/json'))}
        >
          {t('lcExportJson')}
          {chosen.length ? ` (${chosen.length})` : ''}
        </button>
        <button type="button" className="btn small" data-action="import-runs" onClick={() => importInput.current?.click()}>
          {t('lcImport')}
        </button>
        <input
          ref={importInput}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="import-runs"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void file.text().then((json) => model.importRuns(json, file.name));
          }}
        />
      </div>
      {state.importMessage && (
        <p className={state.importMessage.ok ? 'small ok-text' : 'error-text small'} role={state.importMessage.ok ? 'status' : 'alert'} data-testid="import-message">
          {state.importMessage.text}
        </p>
      )}
      {state.runs.length === 0 ? (
        <p className="muted small">{t('lcNoRuns')}</p>
      ) : (
        <div className="panel-table-wrap">
          <table className="panel-table" data-testid="runs-table">
            <thead>
              <tr>
                <th>
                  <input type="checkbox" aria-label={t('lcSelectAll')} checked={allShown} onChange={() => setSelected(allShown ? [] : shown.map((r) => r.id))} />
                </th>
                {header('notebook', t('lcColNotebook'))}
                {header('cell', t('lcColCell'))}
                {header('kind', t('lcColKind'))}
                {header('startedAt', t('lcColStarted'))}
                {header('durationMs', t('lcColDuration'))}
                {header('backend', t('lcColBackend'))}
                <th>{t('lcColModel')}</th>
                {metrics.map((m) => (
                  <MetricHeader key={m} m={m} header={header} />
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => {
                const focused = state.focusRun === r.id;
                const artifact = artifactText(r, state.artifacts, t);
                return (
                  <tr key={r.id} data-run={r.id} className={`${selected.includes(r.id) ? 'selected' : ''}${focused ? ' focused' : ''}`} ref={focused ? focusRow : undefined}>
                    <td>
                      <input type="checkbox" aria-label={t('lcSelectRun', { id: r.id })} checked={selected.includes(r.id)} onChange={() => toggle(r.id)} />
                    </td>
                    <td title={r.notebookId}>{r.notebookTitle || '—'}</td>
                    <td title={`cell ${r.cellId}`}>{r.output ?? r.cellId}</td>
                    <td>
                      {t(`lcKind_${r.kind}`)}
                      {r.status !== 'finished' && <span className="badge stage-archived"> {t(`lcStatus_${r.status}`)}</span>}
                    </td>
                    <td title={r.id}>{when(r.startedAt)}</td>
                    <td className="num">{duration(r.durationMs)}</td>
                    <td>{r.backend}</td>
                    <td className={`artifact artifact-${artifact.state}`} data-testid="run-artifact" data-artifact={artifact.state} title={artifact.title}>
                      {artifact.text}
                    </td>
                    {metrics.map((m) => (
                      <td key={m} className="num">
                        {num(r.metrics[m])}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {chosen.length === 1 && <RunDetail key={chosen[0].id} run={chosen[0]} model={model} state={state} />}
      {chosen.length === 1 && <p className="muted small">{t('lcSelectAnother')}</p>}
      {chosen.length >= 2 && <Compare runs={chosen} />}
    </div>
  );
}

/** One selected run: its model artifact, and registering that model as the next version of a name. */
function RunDetail({ run, model, state }: { run: RunRecord; model: LifecycleModel; state: LifecycleState }) {
  const t = useLifecycleT();
  const [name, setName] = useState(run.output ?? '');
  const [busy, setBusy] = useState(false);
  const artifact = artifactText(run, state.artifacts, t);
  const canRegister = artifact.state === 'saved' && name.trim() !== '' && !busy;
  return (
    <section className="run-detail" data-testid="run-detail" data-run={run.id}>
      <h3>{t('lcRunDetail', { id: run.id })}</h3>
      <p className="small">
        <strong>{t('lcRunModel')}:</strong>{' '}
        <span data-testid="run-detail-artifact" data-artifact={artifact.state} title={artifact.title}>
          {artifact.text}
        </span>
        {run.modelRef && <code className="small muted"> {run.modelRef}</code>}
      </p>
      {run.modelRef && (
        <form
          className="panel-controls"
          onSubmit={(e) => {
            e.preventDefault();
            if (!canRegister) return;
            setBusy(true);
            void model.registerRun(run.id, name).finally(() => setBusy(false));
          }}
        >
          <input className="input grow" aria-label={t('lcRegisterName')} placeholder={t('lcRegisterName')} data-testid="register-run-name" value={name} onChange={(e) => setName(e.target.value)} />
          <button type="submit" className="btn small primary" data-action="register-run" disabled={!canRegister} title={t('lcRegisterHint')}>
            {t('lcRegisterRun')}
          </button>
        </form>
      )}
      {state.runMessage && (
        <p className={state.runMessage.ok ? 'small ok-text' : 'error-text small'} role={state.runMessage.ok ? 'status' : 'alert'} data-testid="run-message">
          {state.runMessage.text}
        </p>
      )}
    </section>
  );
}

function MetricHeader({ m, header }: { m: string; header: (key: SortKey, label: string) => ReactNode }) {
  return <>{header(`metric:${m}`, m)}</>;
}

