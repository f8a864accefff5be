// The open notebook: title, cells in order, add-cell bar, keyboard commands.
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef } from 'react';
import type { Controller, State } from './controller.ts';
import { emptyRun } from './controller.ts';
import { CellView } from './CellView.tsx';
import { useT } from './i18n.ts';
import { blockedCells } from '../worker/trust.ts';
import { isTyping } from './typing.ts';

// The add-cell menu (steps, search, both languages) loads just after the first screen.
const AddCellMenu = lazy(() => import('./AddCellMenu.tsx').then((m) => ({ default: m.AddCellMenu })));

export function Notebook({ controller, state }: { controller: Controller; state: State }) {
  const t = useT();
  const doc = state.doc;
  const root = useRef<HTMLDivElement>(null);

  // Column names of each named table as the kernel last showed it (controller.noteTables keeps
  // the same object while nothing changes, so progress events re-render only the running cell).
  // Split parts get the columns of the table they are split from until the split has run.
  const known = useMemo(() => (doc ? controller.knownTables(doc) : { columns: state.tableColumns, types: state.tableTypes }), [controller, doc, state.tableColumns, state.tableTypes]);
  const knownColumns = known.columns;
  const datasets = useMemo(() => state.datasets.map((d) => d.name), [state.datasets]);
  const files = useMemo(() => state.files.map((f) => ({ id: f.id, name: f.name })), [state.files]);

  const runAdvance = useCallback((id: string) => {
    void controller.runCell(id).catch(() => undefined);
    const cells = controller.state.doc?.cells ?? [];
    const i = cells.findIndex((c) => c.id === id);
    const next = cells[i + 1];
    if (next) controller.select(next.id, 'command');
    else controller.select(controller.insertCell(cells[i]?.kind === 'markdown' ? 'markdown' : 'code', { after: id }), 'command');
  }, [controller]);

  // The command-mode keys load just after the notebook mounts (notebookKeys.ts), not with the first screen.
  useEffect(() => {
    let live = true;
    let onKey: ((e: KeyboardEvent) => void) | undefined;
    void import('./notebookKeys.ts').then((m) => {
      if (!live) return;
      onKey = m.notebookKeys(controller, root, runAdvance);
      window.addEventListener('keydown', onKey);
    });
    return () => {
      live = false;
      if (onKey) window.removeEventListener('keydown', onKey);
    };
  }, [controller, runAdvance]);

  useEffect(() => {
    if (!state.selected || state.mode !== 'command') return;
    const el = root.current?.querySelector<HTMLElement>(`[data-cell-id="${state.selected}"]`);
    if (el && !isTyping(document.activeElement)) {
      el.focus({ preventScroll: true });
      // Scroll only when the cell is out of view (keyboard moves), never under a click.
      const r = el.getBoundingClientRect();
      if (r.bottom < 60 || r.top > window.innerHeight) el.scrollIntoView({ block: 'nearest' });
    }
  }, [state.selected, state.mode]);

  const leaks = useMemo(() => (doc ? controller.leaks(doc, state.runs) : {}), [controller, doc, state.runs, state.tableColumns, state.tableTypes]);
  const blocked = useMemo(() => (doc ? blockedCells(doc.cells, state.trust).length : 0), [doc, state.trust]);
  if (!doc) return <main className="notebook empty">{t('kernelStarting')}</main>;
  return (
    <main className="notebook" ref={root} aria-label={doc.title || t('untitled')}>
      {/* A one-line title that wraps (a long course title is not cut at 1024 px): a textarea sized to its text, Enter ends the edit. */}
      <textarea
        className="notebook-title"
        rows={1}
        value={doc.title}
        placeholder={t('untitled')}
        aria-label={t('title')}
        onChange={(e) => controller.setTitle(e.target.value.replace(/\s*[\r\n]+\s*/g, ' '))}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            e.currentTarget.blur();
          }
        }}
      />
      {state.conflict && (
        <div className="trust-banner conflict-banner" role="alert" data-testid="conflict-banner">
          <span>{t('conflictBanner')}</span>
          <button type="button" className="btn small" data-action="reload-notebook" onClick={() => void controller.reloadNotebook()}>
            {t('reloadNotebook')}
          </button>
          <button type="button" className="btn primary small" data-action="save-copy" onClick={() => void controller.saveAsCopy()}>
            {t('saveAsCopy')}
          </button>
        </div>
      )}
      {!state.persistent && (
        <div className="trust-banner" role="status" data-testid="memory-banner">
          <span>{t('memoryOnly')}</span>
        </div>
      )}
      {blocked > 0 && (
        <div className="trust-banner" role="alert" data-testid="trust-banner">
          <span>{t('untrustedBanner')}</span>
          <span className="muted">{t('blockedCells', { n: blocked })}</span>
          <button type="button" className="btn primary small" data-action="trust" onClick={() => void controller.trust()}>
            {t('trust')}
          </button>
        </div>
      )}
      {doc.cells.length === 0 && <p className="muted">{t('noCells')}</p>}
      {doc.cells.map((cell, i) => (
        <div key={cell.id} className="cell-slot">
          <CellView
            cell={cell}
            index={i}
            run={state.runs[cell.id] ?? emptyRun(cell.outputs)}
            kind={state.kinds.find((k) => k.kind === cell.kind)}
            issues={state.issues[cell.id] ?? EMPTY}
            selected={state.selected === cell.id}
            multiSelected={state.extraSelected.includes(cell.id)}
            openForm={state.fresh === cell.id}
            editing={state.selected === cell.id && state.mode === 'edit'}
            values={state.values}
            knownColumns={knownColumns}
            knownTypes={known.types}
            leaks={leaks[cell.id] ?? NO_LEAKS}
            datasets={datasets}
            files={files}
            source={controller.sourceOf(cell.id)}
            controller={controller}
            onRunAdvance={runAdvance}
          />
        </div>
      ))}
      <Suspense fallback={<div className="add-cell" />}>
        <AddCellMenu kinds={state.kinds} previousKind={doc.cells[doc.cells.length - 1]?.kind} onAdd={(kind) => controller.insertCell(kind)} />
      </Suspense>
      <p className="shortcuts muted">{t('shortcuts')} · {controller.text('shortcutsMore')}</p>
    </main>
  );
}

const EMPTY: never[] = [];
const NO_LEAKS: never[] = [];
