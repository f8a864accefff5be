// One cell: header (kind, title, status, duration, actions), its editor
// (markdown text, code, or the generated form) and its outputs.
import { lazy, memo, Suspense, useRef, useState } from 'react';
import type { NotebookCell } from '../notebook/model.ts';
import type { KindInfo } from '../worker/protocol.ts';
import type { ParamIssue } from '../kernel/params.ts';
import type { ValueSummary } from '../kernel/state.ts';
import type { Controller, CellRun } from './controller.ts';
import { Markdown } from './outputs/Markdown.tsx';
import { LiveTrainingCurves, Outputs } from './outputs/lazyOutputs.tsx';
import { useT, type MessageKey } from './i18n.ts';
import { kindLabel } from './i18n-kinds.ts';
import { mountsAsShell, shellText } from './cellShell.ts';
import { useNearViewport } from './nearViewport.ts';
import { issueText } from './i18n-issues.ts';
import { phaseText, progressMessage } from './i18n-progress.ts';
import type { ShownLeak } from './document/leakage.ts';

// The generated form loads when a cell's form is first opened, not with the first screen.
const ParamForm = lazy(() => import('./ParamForm.tsx').then((m) => ({ default: m.ParamForm })));
// Plain Jupyter cells (highlighted code, saved outputs) load with the first notebook that has one.
const JupyterCell = lazy(() => import('./outputs/jupyter/JupyterCell.tsx'));
// The code editor (a textarea until Monaco is in) loads with the first code cell, not with the first screen.
const CodeEditor = lazy(() => import('./CodeEditor.tsx').then((m) => ({ default: m.CodeEditor })));
// The Python twin's disclosure too (its Python editor loads only when it is opened).
const PythonTwin = lazy(() => import('./PythonTwin.tsx').then((m) => ({ default: m.PythonTwin })));

export interface CellViewProps {
  cell: NotebookCell;
  index: number;
  run: CellRun;
  kind: KindInfo | undefined;
  issues: ParamIssue[];
  selected: boolean;
  /** Selected with the cursor (Shift+Up/Down). */
  multiSelected?: boolean;
  /** Just inserted by the user: the form opens at once. */
  openForm?: boolean;
  editing: boolean;
  values: ValueSummary[];
  knownColumns: Record<string, string[]>;
  knownTypes: Record<string, Record<string, string>>;
  /** Columns an explore cell above flagged as leaking that this cell uses. */
  leaks: ShownLeak[];
  datasets: string[];
  files: { id: string; name: string }[];
  source: string;
  controller: Controller;
  onRunAdvance: (id: string) => void;
}

function Icon({ d }: { d: string }) {
  return (
    <svg width="15" height="15" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden>
      <path d={d} />
    </svg>
  );
}

function duration(ms: number | undefined): string {
  if (ms === undefined) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

function CellViewInner(props: CellViewProps) {
  const { cell, index, run, kind, issues, selected, editing, controller } = props;
  const t = useT();
  const [formOpen, setFormOpen] = useState(!!props.openForm);
  const isMarkdown = cell.kind === 'markdown';
  const isCode = cell.kind === 'code';
  const isForeign = cell.kind === 'foreign';
  const runnable = !isMarkdown && !isForeign && (kind?.runnable ?? true);
  const label = kindLabel(cell.kind, kind?.label ?? (isForeign ? `Jupyter ${cell.jupyter.cellType}` : cell.kind));
  const busy = run.status === 'running' || run.status === 'queued';
  const progress = run.progress;
  // Far from the screen a markdown or plain Jupyter cell is a light shell (cellShell.ts): the same article, its text only.
  const box = useRef<HTMLElement>(null);
  const near = useNearViewport(box);
  const wasFull = useRef(false);
  const shell = !wasFull.current && !near && !selected && !props.multiSelected && mountsAsShell(cell.kind);
  if (!shell) wasFull.current = true;

  return (
    <article
      ref={box}
      className={`cell kind-${cell.kind} cell-${run.status}${shell ? ' cell-shell' : ''}${selected ? ' selected' : ''}${props.multiSelected ? ' multi-selected' : ''}${editing ? ' editing' : ''}`}
      data-cell-id={cell.id}
      data-kind={cell.kind}
      data-status={run.status}
      aria-label={`${t('title')}: ${cell.title ?? label} (${index + 1})`}
      tabIndex={-1}
      onMouseDown={() => {
        if (!selected) controller.select(cell.id, 'command');
      }}
      onFocus={(e) => {
        const target = e.target as HTMLElement;
        if (target.matches('input, textarea, select, [contenteditable], .monaco-host *')) controller.select(cell.id, 'edit');
      }}
    >
      {shell ? <pre className="cell-shell-text">{shellText(cell)}</pre> : <>
      <header className="cell-header">
        <span className="cell-index" aria-hidden>[{index + 1}]</span>
        <span className={`kind-badge kind-${cell.kind}`} title={kind?.description}>{label}</span>
        <input
          className="cell-title"
          value={cell.title ?? ''}
          placeholder={kind?.description ? label : ''}
          aria-label={t('title')}
          onChange={(e) => controller.updateCell(cell.id, { title: e.target.value || undefined })}
        />
        {runnable && (
          <span className={`status status-${run.status}`} data-testid="status" title={run.staleReason ? t('staleBecause', { reason: run.staleReason }) : undefined}>
            {t(`status_${run.status}` as MessageKey)}
          </span>
        )}
        {runnable && run.durationMs !== undefined && !busy && <span className="duration muted">{duration(run.durationMs)}</span>}
        <span className="cell-actions">
          {runnable && (
            <>
              <button type="button" className="btn primary small run-cell" onClick={() => void controller.runCell(cell.id).catch(() => undefined)} title={`${t('runCell')} (Ctrl+Enter)`}>
                ▶ {t('runCell')}
              </button>
              <button type="button" className="btn small" onClick={() => void controller.runTo(cell.id).catch(() => undefined)} title={t('runTo')}>
                ⤓ <span className="sr-only">{t('runTo')}</span>
              </button>
            </>
          )}
          <button type="button" className="btn icon" onClick={() => controller.moveCell(cell.id, -1)} aria-label={t('moveUp')} title={t('moveUp')}>↑</button>
          <button type="button" className="btn icon" onClick={() => controller.moveCell(cell.id, 1)} aria-label={t('moveDown')} title={t('moveDown')}>↓</button>
          <button type="button" className="btn icon" onClick={() => controller.duplicateCell(cell.id)} aria-label={t('duplicate')} title={t('duplicate')}><Icon d="M8 8h11v11H8zM5 16V5h11" /></button>
          <button type="button" className="btn icon danger" onClick={() => controller.deleteCell(cell.id)} aria-label={t('deleteCell')} title={t('deleteCell')}><Icon d="M5 7h14M10 7V4h4v3M7 7l1 13h8l1-13" /></button>
        </span>
      </header>

      {props.leaks.map((l) => (
        <div key={l.column} className="leak-warning" role="alert" data-testid="leak-warning" data-column={l.column}>
          <span>{l.message}</span>
          {l.fixLabel && (
            <button type="button" className="btn small" data-action="drop-leak" onClick={() => controller.dropLeak(l)}>
              {l.fixLabel}
            </button>
          )}
        </div>
      ))}
      {run.status === 'stale' && run.staleReason && <p className="stale-note">{t('staleBecause', { reason: run.staleReason })}</p>}

      <div className="cell-body">
        {isMarkdown &&
          (editing && selected ? (
            <textarea
              className="input mono markdown-editor"
              autoFocus
              value={String(cell.params.text ?? '')}
              rows={Math.max(3, String(cell.params.text ?? '').split('\n').length + 1)}
              onChange={(e) => controller.editor.setParams(cell.id, { ...cell.params, text: e.target.value }, 'markdown')}
              aria-label="Markdown"
            />
          ) : (
            <div onDoubleClick={() => controller.select(cell.id, 'edit')}>
              <Markdown text={String(cell.params.text ?? '')} attachments={cell.jupyter.attachments} />
            </div>
          ))}
        {isCode && (
          <Suspense fallback={<pre className="text-output">{String(cell.params.code ?? '')}</pre>}>
            <CodeEditor
              value={String(cell.params.code ?? '')}
              label={`${label} ${index + 1}`}
              values={props.values}
              columns={props.knownColumns}
              onChange={(code) => controller.setParams(cell.id, { ...cell.params, code })}
              onRun={(advance) => (advance ? props.onRunAdvance(cell.id) : void controller.runCell(cell.id).catch(() => undefined))}
            />
          </Suspense>
        )}
        {isCode && (
          <Suspense fallback={null}>
            <PythonTwin
              value={String(cell.params.python ?? '')}
              label={`${label} ${index + 1}`}
              onChange={(python) => controller.setParams(cell.id, { ...cell.params, python })}
            />
          </Suspense>
        )}
        {isForeign && (
          <Suspense fallback={<pre className="text-output">{cell.jupyter.source}</pre>}>
            <JupyterCell cell={cell} />
          </Suspense>
        )}
        {!isMarkdown && !isCode && !isForeign && kind && (
          <div className="typed">
            <button type="button" className="source-summary" aria-expanded={formOpen} onClick={() => setFormOpen(!formOpen)} data-testid="toggle-form">
              <code>{props.source || cell.kind}</code>
              <span className="btn small">{formOpen ? t('done') : t('edit')}</span>
            </button>
            {issues.length > 0 && !formOpen && (
              <p className="field-error" role="alert">
                {issues[0].path}: {issueText(issues[0])}
              </p>
            )}
            {formOpen && (
              <Suspense fallback={<p className="muted loading">…</p>}>
              <ParamForm
                schema={kind.jsonSchema}
                kind={cell.kind}
                knownTypes={props.knownTypes}
                params={cell.params}
                onChange={(params) => controller.setParams(cell.id, params)}
                issues={issues}
                values={props.values}
                columnsOf={controller.columnsOf}
                knownColumns={props.knownColumns}
                datasets={props.datasets}
                files={props.files}
              />
              </Suspense>
            )}
          </div>
        )}
        {!kind && !isForeign && !isMarkdown && (
          <p className="field-error">{t('unknownKindNote', { kind: cell.kind })}</p>
        )}
      </div>

      {run.status === 'running' && (
        <div className="progress" role="status" aria-live="polite">
          <progress value={progress?.fraction ?? undefined} max={1} />
          <span className="muted">
            {progress?.phase ? phaseText(progress.phase) : t('status_running')}
            {progress?.epoch !== undefined ? ` · ${t('epoch')} ${progress.epoch}${progress.epochs ? `/${progress.epochs}` : ''}` : ''}
            {progress?.loss !== undefined ? ` · ${t('loss')} ${progress.loss.toFixed(4)}` : ''}
            {progress?.message ? ` · ${progressMessage(progress)}` : ''}
          </span>
        </div>
      )}
      {run.status === 'running' && run.live.length > 0 && <LiveTrainingCurves history={run.live} title={t('loss')} step={cell.params.model === 'gbdt' ? 'round' : 'epoch'} />}
      {cell.kind === 'modelcard' && run.outputs.some((o) => o.type === 'markdown') && (
        <div className="modelcard-actions">
          <button type="button" className="btn small" data-action="download-html" onClick={() => void import('./modelCardDownload.ts').then((m) => m.downloadModelCard(cell, run, controller))}>
            {t('downloadHtml')}
          </button>
        </div>
      )}
      <Outputs outputs={run.outputs} controller={controller} />
      </>}
    </article>
  );
}

export const CellView = memo(CellViewInner);
