// The runs and registry panels: a right-hand drawer. Runs: filter, sort,
// search, select and compare (params diff, metrics, overlaid curves,
// parallel coordinates), delete, export and import. Registry: models by
// name with their versions, stage badges and the state machine's actions.
// Every train run links its saved model (artifact): the runs table shows
// it, and a selected run's model can be registered from here. Every label
// comes from i18n.ts (English, Korean). Loaded on first open (React.lazy),
// with the lifecycle engine.
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { RUN_KINDS, type RunRecord } from '../lifecycle/runs.ts';
import { ALLOWED, type ModelVersion, type Stage } from '../lifecycle/registry.ts';
import { paramsDiff, searchRuns } from '../lifecycle/runQuery.ts';
import type { LifecycleModel, LifecycleState } from './lifecycle.ts';
import { Figure } from './outputs/Figure.tsx';
import { downloadText } from './download.ts';
import { useLifecycleT, type LifecycleKey, type LifecycleT } from './i18n-lifecycle.ts';
import type { MessageKey } from './i18n.ts';

// --- formatting ---------------------------------------------------------------

function num(v: number | undefined): string {
  if (v === undefined || !Number.isFinite(v)) return '—';
  if (Number.isInteger(v)) return String(v);
  return Math.abs(v) >= 1000 || Math.abs(v) < 0.001 ? v.toPrecision(4) : v.toFixed(4);
}

function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

function when(iso: string): string {
  return new Date(iso).toLocaleString();
}

function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

type T = LifecycleT;

/** The model a run produced, as the runs table shows it: kind and size, "not saved (kind)", or missing here. */
function artifactText(r: RunRecord, artifacts: readonly string[] | null, t: T): { text: string; state: 'saved' | 'missing' | 'not-saved' | 'none'; title?: string } {
  if (r.modelRef) {
    if (artifacts && !artifacts.includes(r.modelRef)) return { text: t('lcArtifactMissing'), state: 'missing', title: r.modelRef };
    const type = r.model?.type ?? r.kind;
    return { text: r.model?.bytes !== undefined ? t('lcArtifact', { type, size: bytes(r.model.bytes) }) : type, state: 'saved', title: t('lcArtifactTitle', { ref: r.modelRef }) };
  }
  if (r.model) return { text: t('lcModelNotSaved', { type: r.model.type }), state: 'not-saved', title: r.model.error };
  return { text: t('lcNoModel'), state: 'none' };
}

function paramText(v: unknown): string {
  if (v === undefined) return '—';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Metrics most worth a column, in this order, then the rest alphabetically. */
const HEADLINE = ['val_accuracy', 'accuracy', 'roc_auc', 'val_loss', 'loss', 'f1', 'rmse', 'mae', 'r2'];
/** Metrics where lower is better (for highlighting the best run). */
const LOWER_BETTER = /loss|error|rmse|mae|mse|logloss|brier/i;

function metricNames(runs: readonly RunRecord[]): string[] {
  const all = new Set(runs.flatMap((r) => Object.keys(r.metrics)));
  return [...HEADLINE.filter((m) => all.has(m)), ...[...all].filter((m) => !HEADLINE.includes(m)).sort()];
}

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

// --- compare ---------------------------------------------------------------------

function runLabel(r: RunRecord, i: number): string {
  return `#${i + 1} ${r.output ?? r.kind}`;
}

function Compare({ runs }: { runs: RunRecord[] }) {
  const t = useLifecycleT();
  const diff = useMemo(() => new Set(paramsDiff(runs).map((c) => c.param)), [runs]);
  const params = useMemo(() => [...new Set(runs.flatMap((r) => Object.keys(r.params)))].sort((a, b) => Number(diff.has(b)) - Number(diff.has(a)) || a.localeCompare(b)), [runs, diff]);
  const metrics = useMemo(() => metricNames(runs), [runs]);
  const curveKeys = useMemo(() => [...new Set(runs.flatMap((r) => r.curves.flatMap((c) => Object.keys(c))))].filter((k) => k !== 'epoch' && k !== 'round').sort((a, b) => (a === 'loss' ? -1 : b === 'loss' ? 1 : a.localeCompare(b))), [runs]);
  const [curve, setCurve] = useState<string>('');
  const curveKey = curveKeys.includes(curve) ? curve : (curveKeys[0] ?? '');
  const [pcMetric, setPcMetric] = useState<string>('');
  const pcKey = metrics.includes(pcMetric) ? pcMetric : (metrics[0] ?? '');
  const [onlyDiff, setOnlyDiff] = useState(false);

  const best = (m: string): number | undefined => {
    const values = runs.map((r) => r.metrics[m]).filter((v): v is number => v !== undefined);
    if (values.length < 2) return undefined;
    return LOWER_BETTER.test(m) ? Math.min(...values) : Math.max(...values);
  };

  const spec = useMemo(() => {
    if (!curveKey) return undefined;
    return {
      data: runs.map((r, i) => ({
        type: 'scatter',
        mode: 'lines+markers',
        name: runLabel(r, i),
        x: r.curves.map((c, k) => c.epoch ?? c.round ?? k + 1),
        y: r.curves.map((c) => c[curveKey] ?? null),
      })),
      layout: { height: 300, margin: { l: 50, r: 10, t: 30, b: 40 }, xaxis: { title: { text: t('lcEpochAxis') } }, yaxis: { title: { text: curveKey } }, legend: { orientation: 'h' } },
    };
  }, [runs, curveKey, t]);

  return (
    <section className="compare" data-testid="compare">
      <h3>{t('lcCompareRuns', { n: runs.length })}</h3>
      <h4>
        {t('lcParameters')}{' '}
        <label className="small muted">
          <input type="checkbox" checked={onlyDiff} onChange={(e) => setOnlyDiff(e.target.checked)} /> {t('lcOnlyDiffering', { n: diff.size })}
        </label>
      </h4>
      <div className="panel-table-wrap">
        <table className="panel-table" data-testid="params-diff">
          <thead>
            <tr>
              <th>{t('lcParam')}</th>
              {runs.map((r, i) => (
                <th key={r.id} title={r.id}>
                  {runLabel(r, i)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {params
              .filter((p) => !onlyDiff || diff.has(p))
              .map((p) => (
                <tr key={p} data-param={p} className={diff.has(p) ? 'differs' : ''}>
                  <th scope="row">{p}</th>
                  {runs.map((r) => (
                    <td key={r.id} className="mono">
                      {paramText(r.params[p])}
                    </td>
                  ))}
                </tr>
              ))}
          </tbody>
        </table>
      </div>

      <h4>{t('lcMetrics')}</h4>
      <div className="panel-table-wrap">
        <table className="panel-table" data-testid="metrics-compare">
          <thead>
            <tr>
              <th>{t('lcMetric')}</th>
              {runs.map((r, i) => (
                <th key={r.id}>{runLabel(r, i)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {metrics.map((m) => {
              const b = best(m);
              return (
                <tr key={m} data-metric={m}>
                  <th scope="row">{m}</th>
                  {runs.map((r) => (
                    <td key={r.id} className={`num${b !== undefined && r.metrics[m] === b ? ' best' : ''}`}>
                      {num(r.metrics[m])}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      {curveKeys.length > 0 && (
        <>
          <h4>
            {t('lcCurves')}{' '}
            <select className="input small" aria-label={t('lcCurve')} value={curveKey} onChange={(e) => setCurve(e.target.value)}>
              {curveKeys.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </h4>
          {spec && <Figure spec={spec as never} title={t('lcByEpoch', { key: curveKey })} />}
        </>
      )}

      {pcKey && (
        <>
          <h4>
            {t('lcParamsAgainst')}{' '}
            <select className="input small" aria-label={t('lcMetric')} value={pcKey} onChange={(e) => setPcMetric(e.target.value)}>
              {metrics.map((k) => (
                <option key={k}>{k}</option>
              ))}
            </select>
          </h4>
          <ParallelCoordinates runs={runs} params={[...diff].filter((p) => runs.every((r) => r.params[p] === undefined || typeof r.params[p] !== 'object'))} metric={pcKey} />
        </>
      )}
    </section>
  );
}

// --- parallel coordinates (SVG: the cartesian Plotly bundle has no parcoords) -----

interface Axis {
  name: string;
  /** Position 0..1 (bottom..top) of a run's value, or undefined when missing. */
  at(r: RunRecord): number | undefined;
  ticks: { at: number; label: string }[];
}

function axisFor(name: string, get: (r: RunRecord) => unknown, runs: RunRecord[]): Axis {
  const values = runs.map(get).filter((v) => v !== undefined && v !== null);
  if (values.length && values.every((v) => typeof v === 'number')) {
    const nums = values as number[];
    const lo = Math.min(...nums);
    const hi = Math.max(...nums);
    const span = hi - lo || 1;
    const pos = (v: number) => (hi === lo ? 0.5 : (v - lo) / span);
    return {
      name,
      at: (r) => {
        const v = get(r);
        return typeof v === 'number' ? pos(v) : undefined;
      },
      ticks: hi === lo ? [{ at: 0.5, label: num(lo) }] : [{ at: 0, label: num(lo) }, { at: 1, label: num(hi) }],
    };
  }
  const cats = [...new Set(values.map((v) => paramText(v)))].sort();
  const pos = (i: number) => (cats.length === 1 ? 0.5 : i / (cats.length - 1));
  return {
    name,
    at: (r) => {
      const v = get(r);
      if (v === undefined || v === null) return undefined;
      const i = cats.indexOf(paramText(v));
      return i < 0 ? undefined : pos(i);
    },
    ticks: cats.map((c, i) => ({ at: pos(i), label: c.length > 12 ? c.slice(0, 11) + '…' : c })),
  };
}

function ParallelCoordinates({ runs, params, metric }: { runs: RunRecord[]; params: string[]; metric: string }) {
  const t = useLifecycleT();
  const axes = [...params.map((p) => axisFor(p, (r) => r.params[p], runs)), axisFor(metric, (r) => r.metrics[metric], runs)];
  const W = Math.max(320, axes.length * 130);
  const H = 240;
  const top = 28;
  const bottom = 24;
  const left = 50;
  const right = 50;
  const x = (i: number) => (axes.length === 1 ? W / 2 : left + (i * (W - left - right)) / (axes.length - 1));
  const y = (p: number) => top + (1 - p) * (H - top - bottom);
  const m = axes[axes.length - 1];
  const color = (r: RunRecord) => {
    const p = m.at(r);
    if (p === undefined) return '#9aa4b2';
    // Low → high: blue → red.
    return `hsl(${Math.round(220 - 220 * p)}, 70%, 45%)`;
  };
  return (
    <div className="parcoords">
      {params.length === 0 && <p className="muted small">{t('lcNoScalarDiff')}</p>}
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('lcParcoords', { params: params.join(', '), metric })} data-testid="parcoords">
        {axes.map((a, i) => (
          <g key={a.name}>
            <line x1={x(i)} x2={x(i)} y1={y(0)} y2={y(1)} stroke="#8792a2" />
            <text x={x(i)} y={14} textAnchor="middle" fontSize={12} fontWeight={i === axes.length - 1 ? 700 : 400}>
              {a.name}
            </text>
            {a.ticks.map((tk) => (
              <text key={tk.label + tk.at} x={x(i) + 5} y={y(tk.at) + 4} fontSize={10} fill="#5b6676">
                {tk.label}
              </text>
            ))}
          </g>
        ))}
        {runs.map((r, k) => {
          const pts = axes.map((a, i) => {
            const p = a.at(r);
            return p === undefined ? null : `${x(i)},${y(p)}`;
          });
          return (
            <polyline key={r.id} points={pts.filter(Boolean).join(' ')} fill="none" stroke={color(r)} strokeWidth={2} opacity={0.85} data-run={r.id}>
              <title>{`${runLabel(r, k)}: ${metric} ${num(r.metrics[metric])}`}</title>
            </polyline>
          );
        })}
      </svg>
    </div>
  );
}

// --- registry ---------------------------------------------------------------------

const ACTIONS: { stage: Stage; label: MessageKey | LifecycleKey }[] = [
  { stage: 'staging', label: 'lcToStaging' },
  { stage: 'production', label: 'lcToProduction' },
  { stage: 'none', label: 'lcToNone' },
  { stage: 'archived', label: 'lcToArchived' },
];

const stageName = (t: T, stage: Stage) => t(`lcStage_${stage}`);

function RegistryView({ model, state }: { model: LifecycleModel; state: LifecycleState }) {
  const t = useLifecycleT();
  const names = useMemo(() => [...new Set(state.versions.map((v) => v.name))].sort(), [state.versions]);
  const runIds = useMemo(() => new Set(state.runs.map((r) => r.id)), [state.runs]);
  return (
    <div className="registry-view" data-testid="registry-panel">
      {state.registryError && (
        <p className="error-text small" role="alert" data-testid="registry-error">
          {state.registryError}
        </p>
      )}
      {names.length === 0 && <p className="muted small">{t('lcNoRegistered')}</p>}
      {names.map((name) => {
        const versions = state.versions.filter((v) => v.name === name).sort((a, b) => b.version - a.version);
        const production = versions.find((v) => v.stage === 'production');
        return (
          <section key={name} className="registered-model" data-model-name={name}>
            <header className="registered-head">
              <h3>{name}</h3>
              <span className="muted small">
                {versions.length === 1 ? t('lcVersionsOne') : t('lcVersionsMany', { n: versions.length })}
                {production ? t('lcProductionVersion', { version: production.version }) : ''}
              </span>
              <span className="toolbar-spacer" />
              <code className="small" title={t('lcUseInPredict')}>
                registry:{name}@production
              </code>
              <button type="button" className="btn small" data-action="rollback" onClick={() => void model.rollback(name)}>
                {t('lcRollback')}
              </button>
            </header>
            {versions.map((v) => (
              <VersionRow key={v.version} v={v} model={model} hasRun={runIds.has(v.runId)} />
            ))}
          </section>
        );
      })}
    </div>
  );
}

function VersionRow({ v, model, hasRun }: { v: ModelVersion; model: LifecycleModel; hasRun: boolean }) {
  const t = useLifecycleT();
  const metrics = metricNames([{ metrics: v.metrics } as RunRecord]).slice(0, 5);
  return (
    <div className="version" data-version={v.version} data-stage={v.stage}>
      <div className="version-head">
        <strong>v{v.version}</strong>
        <span className={`badge stage-${v.stage}`} data-testid="stage-badge">
          {stageName(t, v.stage)}
        </span>
        <span className="muted small">{when(v.createdAt)}</span>
        <span className="toolbar-spacer" />
        {ACTIONS.filter((a) => a.stage !== v.stage).map((a) => (
          <button
            key={a.stage}
            type="button"
            className={`btn small${ALLOWED[v.stage].includes(a.stage) ? '' : ' not-allowed'}`}
            data-action={`stage-${a.stage}`}
            title={ALLOWED[v.stage].includes(a.stage) ? t('lcMoveTo', { version: v.version, stage: stageName(t, a.stage) }) : t('lcAllowedFrom', { stage: stageName(t, v.stage), allowed: ALLOWED[v.stage].map((x) => stageName(t, x)).join(', ') })}
            onClick={() => void model.transition(v.name, v.version, a.stage)}
          >
            {a.stage === 'production' ? '▲ ' : ''}
            {t(a.label)}
          </button>
        ))}
      </div>
      {v.description && <p className="small">{v.description}</p>}
      <div className="version-meta small">
        {metrics.map((m) => (
          <span key={m} className="chip">
            {m} {num(v.metrics[m])}
          </span>
        ))}
        {Object.entries(v.tags).map(([k, val]) => (
          <span key={k} className="chip tag">
            {k}={val}
          </span>
        ))}
        <button type="button" className="btn small ghost" data-action="show-run" disabled={!hasRun} title={hasRun ? t('lcShowRun') : t('lcRunNotHere')} onClick={() => model.showRun(v.runId)}>
          {t('lcRunLink', { id: v.runId })}
        </button>
        {!v.modelRef && <span className="muted">{t('lcNoSavedModel')}</span>}
      </div>
      <details className="small">
        <summary>{t('lcHistory')}</summary>
        <ol>
          {v.history.map((h, i) => (
            <li key={i}>
              {stageName(t, h.stage)} · {when(h.at)}
              {h.note ? ` · ${h.note}` : ''}
            </li>
          ))}
        </ol>
      </details>
    </div>
  );
}

