// The shell: sidebar, toolbar, notebook, notices, drag-and-drop of files.
import { lazy, Suspense, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Controller } from './controller.ts';
import { Sidebar } from './Sidebar.tsx';
import { Toolbar } from './Toolbar.tsx';
import { Notebook } from './Notebook.tsx';
import { useT } from './i18n.ts';

// The runs and registry panels (tables, compare views, Plotly) load when first opened.
const LifecyclePanel = lazy(() => import('./LifecyclePanel.tsx'));
// The course gallery (cards with measured run times) loads on a first visit or when asked for.
// It takes the notebook's place: a first visit lands on it, while the app still opens the
// first course behind it, so window.workbench (ready, cells(), runAll()) works as before.
const Gallery = lazy(() => import('./Gallery.tsx').then((m) => ({ default: m.Gallery })));

/** localStorage: the gallery was seen (closed, a card or another notebook opened), so later visits open on the notebook. */
const GALLERY_SEEN = 'mlwb.gallerySeen';

function firstVisit(): boolean {
  try {
    return localStorage.getItem(GALLERY_SEEN) !== '1';
  } catch {
    return true;
  }
}

export function App({ controller }: { controller: Controller }) {
  const state = useSyncExternalStore(controller.subscribe, controller.getState);
  const t = useT();
  const [dragging, setDragging] = useState(false);
  const lifecycle = useSyncExternalStore(controller.lifecycle.subscribe, controller.lifecycle.getState);
  const [galleryOpen, setGalleryOpen] = useState(firstVisit);
  const [sidebarOpen, setSidebarOpen] = useState(true);
  const closeGallery = () => {
    setGalleryOpen(false);
    try {
      localStorage.setItem(GALLERY_SEEN, '1');
    } catch {
      // Not remembered: the next visit shows the gallery again.
    }
  };
  // Any notebook opened after the first (a card, the sidebar, a file, window.workbench.open) leaves the gallery.
  const opened = useRef(state.opened);
  useEffect(() => {
    if (state.opened === opened.current) return;
    opened.current = state.opened;
    closeGallery();
  }, [state.opened]);
  // The gallery starts at its top, not where the notebook it replaces was scrolled to.
  const workspace = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (galleryOpen && workspace.current) workspace.current.scrollTop = 0;
  }, [galleryOpen]);

  // Opening dropped or picked files (openFiles.ts) loads on first use, not with the first screen.
  const openFiles = async (files: FileList | File[]) => (await import('./openFiles.ts')).openFiles(controller, files);

  return (
    <div
      className={`app${dragging ? ' dragging' : ''}${lifecycle.panel ? ' with-drawer' : ''}${sidebarOpen ? '' : ' sidebar-collapsed'}`}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes('Files')) {
          e.preventDefault();
          setDragging(true);
        }
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        if (e.dataTransfer.files.length) void openFiles(e.dataTransfer.files);
      }}
    >
      <Sidebar controller={controller} state={state} onOpenFiles={(f) => void openFiles(f)} onShowGallery={() => setGalleryOpen(true)} />
      <div className="workspace" ref={workspace}>
        <header className="workspace-head">
          <button
            type="button" className="btn icon ghost sidebar-toggle" data-action="toggle-sidebar" aria-controls="sidebar" aria-expanded={sidebarOpen}
            aria-label={sidebarOpen ? t('hideSidebar') : t('showSidebar')} title={sidebarOpen ? t('hideSidebar') : t('showSidebar')} onClick={() => setSidebarOpen(!sidebarOpen)}
          >
            ☰
          </button>
          <Toolbar controller={controller} state={state} galleryOpen={galleryOpen} />
        </header>
        {galleryOpen ? (
          <Suspense fallback={<main className="gallery" aria-busy="true" />}>
            <Gallery controller={controller} state={state} onClose={closeGallery} />
          </Suspense>
        ) : (
          <Notebook controller={controller} state={state} />
        )}
      </div>
      {lifecycle.panel && (
        <Suspense fallback={<aside className="drawer" data-testid="lifecycle-loading"><p className="muted loading">…</p></aside>}>
          <LifecyclePanel model={controller.lifecycle} state={lifecycle} notebookId={state.notebookId} />
        </Suspense>
      )}
      <div className="notices" aria-live="assertive">
        {state.notices.map((n) => (
          <div key={n.id} className={`notice notice-${n.kind}${n.from !== undefined ? ' notice-kernel' : ''}`} role={n.kind === 'error' ? 'alert' : 'status'} data-from={n.from !== undefined ? 'kernel' : 'app'}>
            {n.from !== undefined ? (
              <span>
                <small className="notice-from">{t('kernelSays', { title: n.from })}</small>
                <q className="kernel-text">{n.message}</q>
              </span>
            ) : (
              <span>{n.message}</span>
            )}
            {n.action && (
              <button
                type="button"
                className="btn small"
                data-action="notice-action"
                onClick={() => {
                  n.action?.run();
                  controller.dismiss(n.id);
                }}
              >
                {n.action.label}
              </button>
            )}
            <button type="button" className="btn icon ghost" aria-label={t('close')} onClick={() => controller.dismiss(n.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
      {dragging && <div className="drop-overlay">{t('dropHere')}</div>}
    </div>
  );
}
