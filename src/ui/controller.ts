// The UI's facade: one object that components and window.workbench call,
// composed of domain modules that own the logic (docs/app.md, "Inside ui/"):
// document/ (edits as transactions, undo, selection, clipboard), session/
// (the kernel), saving/ (autosave, other tabs), trust/, gallery/ (course
// notebooks). It wires them together and opens/closes notebooks.
import { kernelCells } from './session/kernelCells.ts';
import { decodeNotebook } from '../notebook/ipynbRead.ts';
import type { NotebookWriter } from '../notebook/ipynbWrite.ts';
import type { PythonExport } from '../export/python/notebook.ts';
import type { NotebookCell, NotebookDoc } from '../notebook/model.ts';
import type { CellOutput } from '../core/outputs.ts';
import type { BackendName } from '../ml/backend.ts';
import type { IsolationMode } from '../worker/protocol.ts';
import type { TablePage, TablePageRequest } from '../data/tablePage.ts';
import { newId, type FileRecord, type NotebookRecord, type WorkbenchStore } from '../store/types.ts';
import { requestPersistence } from '../store/idb.ts';
import { Library, valueNameOf } from './library.ts';
import { blockedCells, type TrustState } from '../worker/trust.ts';
import { LifecycleModel } from './lifecycle.ts';
import { getLang, loadLater, t } from './i18n.ts';
import { emptyRun, StateBox, type CellRun, type Notice, type State } from './state.ts';
import { Notices } from './notices.ts';
import type { DocumentEditor, InsertAt } from './document/editor.ts';
import type { Authoring } from './document/authoring.ts';
import type { Leak, ShownLeak } from './document/leakage.ts';
import type { AuthoringKey } from './i18n-authoring.ts';
import { welcomeNotebook } from './document/cells.ts';
import { KernelSession, BACKEND_NAMES, pageHasWebGPU } from './session/kernelSession.ts';
import { crashedCellOutputs, takeCrashMark, type RunningCell } from './session/crashMark.ts';
import { NotebookSaving } from './saving/notebookSaving.ts';
import { TrustStore, withTrustedCell } from './trust/trustStore.ts';
import { allCourseTexts, courseEntries, courseTitles, firstCourse } from './gallery/course.ts';
import type { GalleryHost } from './gallery/notebooks.ts';
import { afterPaint, mark } from './opening.ts';

export type { CellRun, CourseEntry, Notice, SaveState, State } from './state.ts';
export { emptyRun } from './state.ts';
export { blankNotebook, newCell, welcomeNotebook } from './document/cells.ts';

export class Controller {
  private readonly box = new StateBox();
  private readonly notices = new Notices(this.box);
  private readonly library: Library;
  private readonly gallery: GalleryHost;
  /** Editing (document/authoring.ts), the .ipynb writer and the later messages (i18n-later.ts), loaded just after the first screen; start() waits for them. */
  private authoring: Authoring | undefined;
  private writer: NotebookWriter | undefined;
  private readonly authoringReady: Promise<void>;
  readonly session: KernelSession;
  readonly saving: NotebookSaving;
  private readonly trustStore: TrustStore;
  private sources: Record<string, string> = {};
  readonly ready: Promise<void>;
  /** Runs and registry (panels, window.workbench.runs/registry). */
  readonly lifecycle = new LifecycleModel((m) => this.notify(m), (m) => this.notify(m, 'info'));

  constructor(readonly store: WorkbenchStore, options: { persistent?: boolean } = {}) {
    this.box.set({ course: courseEntries(), persistent: options.persistent !== false });
    this.library = new Library(this.box, store, (m, kind) => this.notify(m, kind));
    this.trustStore = new TrustStore(store, async () => (await allCourseTexts()).flatMap((text) => {
      try {
        return [decodeNotebook(text).doc.cells];
      } catch {
        return [];
      }
    }));
    // No notebook opens before both are in (openDoc needs the editor), so a document is always writable.
    this.authoringReady = Promise.all([import('./document/authoring.ts'), import('../notebook/ipynbWrite.ts'), loadLater()]).then(([m, writer]) => {
      this.writer = writer.serializeNotebook;
      this.authoring = m.createAuthoring(this.box, {
        onEdited: () => this.edited(),
        trustCell: (id) => this.box.set({ trust: withTrustedCell(this.box.state.trust, id) }),
        notify: (message, action) => this.notices.notify(message, 'info', { action }),
      });
    });
    this.session = new KernelSession(this.box, {
      store,
      notify: (m, kind) => this.notify(m, kind),
      kernelSays: (m) => this.notify(m, 'error', this.state.doc?.title.trim() || this.state.notebookId || 'untitled'),
      setCellOutputs: (id, outputs) => this.setCellOutputs(id, outputs),
      syncKernel: () => this.syncKernel(),
      refreshModels: () => this.refreshModels(),
      refreshStorage: () => void this.refreshStorage(),
      lifecycleChanged: () => this.lifecycle.changed(),
      setBackendSetting: (name) => this.store.setSetting('backend', name).catch(() => undefined),
    });
    this.saving = new NotebookSaving(this.box, store, {
      record: () => this.record(),
      recordTrust: () => this.recordTrust(),
      recordTrustOf: (cells, trust) => this.trustStore.record(cells, trust),
      notify: (m) => this.notify(m),
      listChanged: () => void this.refreshLists(),
    });

    this.gallery = {
      store: this.store,
      openDoc: (doc, options) => this.openDoc(doc, options),
      // Gallery actions run inside whileOpening already: the unqueued open, or they would wait for themselves.
      openStored: (id) => this.openStoredNow(id),
      refreshLists: () => this.refreshLists(),
      notify: (m, kind) => this.notify(m, kind),
      forget: async (id) => {
        await this.library.deleteModelsOf(id);
        this.editor.histories.forget(id);
      },
      isBundled: (doc) => this.trustStore.isBundled(doc.cells),
      kinds: () => this.state.kinds,
      course: () => this.state.course,
      openNotebookId: () => this.state.notebookId,
    };
    this.ready = this.start();
  }

  // --- state and notices ----------------------------------------------------

  get state(): State {
    return this.box.state;
  }

  subscribe = (listener: () => void): (() => void) => this.box.subscribe(listener);
  getState = (): State => this.box.state;

  /** `from`: a kernel's words, shown under that notebook's title (never as the app's own voice). */
  notify(message: string, kind: Notice['kind'] = 'error', from?: string): void {
    this.notices.notify(message, kind, { from });
  }

  dismiss(id: number): void {
    this.notices.dismiss(id);
  }

  // --- start ------------------------------------------------------------------

  /** The notebook the app starts on is open: later opens count in state.opened. */
  private started = false;

  private async start(): Promise<void> {
    const crashed = takeCrashMark();
    // ?backend=wasm (tests, demos) or the user's last choice comes first.
    const fromUrl = new URLSearchParams(location.search).get('backend') as BackendName | null;
    const saved = (fromUrl && BACKEND_NAMES.includes(fromUrl) ? fromUrl : undefined) ?? (await this.store.getSetting<BackendName>('backend').catch(() => undefined));
    // WebGPU, chosen before (or asked for in the URL), needs the kernel on the app's origin.
    const webgpu = saved === 'webgpu' && pageHasWebGPU();
    if (webgpu) this.session.isolationPreferred = false;
    // The kernel worker starts in the background: the last notebook paints
    // meanwhile, and what needs the kernel waits for it (session.whenConnected).
    const connected = this.session.connect(saved);
    connected.catch(() => undefined); // awaited below, where a failed start fails ready
    // Editing (and the later messages) loads beside the kernel; no notebook opens without it.
    await this.authoringReady;
    if (webgpu) this.notify(t('webgpuSameOrigin'), 'info');
    await this.saving.recover();
    await this.refreshLists();
    const last = await this.store.getSetting<string>('lastNotebook').catch(() => undefined);
    const opened = last ? await this.openStored(last).then(() => true, () => false) : false;
    if (!opened) {
      const first = firstCourse(this.state.course, getLang());
      if (first) await this.openCourse(first.file);
      else await this.openDoc(welcomeNotebook(), { id: newId('user:') });
    }
    await connected;
    this.started = true;
    if (crashed) this.showCrash(crashed);
    requestPersistence().then(() => this.refreshStorage());
    void courseTitles(this.state.course).then((course) => this.box.set({ course }));
  }

  isolation(): IsolationMode | undefined {
    return this.session.isolation();
  }

  /** The tab died while a cell ran (crashMark.ts): say which, and that cell shows it; the rest is as last saved. */
  private showCrash(crashed: RunningCell): void {
    const index = this.state.notebookId === crashed.notebookId ? (this.state.doc?.cells.findIndex((c) => c.id === crashed.cellId) ?? -1) : -1;
    this.notify(t('tabCrashed', { n: index >= 0 ? index + 1 : '?' }));
    if (index < 0) return;
    const outputs = crashedCellOutputs();
    this.box.set({ runs: { ...this.state.runs, [crashed.cellId]: { ...emptyRun(outputs), status: 'error' } } });
    this.setCellOutputs(crashed.cellId, outputs);
  }

  refreshLists = (): Promise<void> => this.library.refreshLists();
  refreshModels = (): Promise<void> => this.library.refreshModels();
  deleteModel = (id: string): Promise<void> => this.library.deleteModel(id);
  refreshStorage = (): Promise<void> => this.library.refreshStorage();
  uploadFile = (file: File): Promise<FileRecord> => this.library.uploadFile(file);
  deleteFile = (id: string): Promise<void> => this.library.deleteFile(id);

  /** Final outputs live in the document (saved with it); they are not an edit to undo. */
  private setCellOutputs(id: string, outputs: CellOutput[]): void {
    const doc = this.state.doc;
    if (!doc) return;
    this.box.set({ doc: { ...doc, cells: doc.cells.map((c) => (c.id === id ? { ...c, outputs } : c)) } });
    this.scheduleSave();
  }

  // --- opening notebooks --------------------------------------------------------

  /** Open a document as the current notebook under a store id; the kernel starts fresh. */
  async openDoc(doc: NotebookDoc, options: { id: string; origin?: string; save?: boolean; trust?: TrustState; revision?: number }): Promise<void> {
    await this.flushSave();
    mark('previous-saved');
    const trust: TrustState = options.trust ?? { notebook: true, cells: [] };
    this.trustStore.resetRecorded();
    this.saving.reset(options.revision);
    const runs: Record<string, CellRun> = {};
    for (const c of doc.cells) runs[c.id] = emptyRun(c.outputs);
    // Saved outputs in document order: a later cell's table under the same name wins.
    const tableColumns: Record<string, string[]> = {};
    const tableTypes: Record<string, Record<string, string>> = {};
    for (const c of doc.cells) {
      for (const o of c.outputs) {
        if (o.type !== 'table' || !o.name) continue;
        tableColumns[o.name] = o.columns.map((col) => col.name);
        tableTypes[o.name] = Object.fromEntries(o.columns.map((col) => [col.name, col.type]));
      }
    }
    this.box.set({ doc, notebookId: options.id, origin: options.origin, runs, issues: {}, selected: doc.cells[0]?.id ?? null, extraSelected: [], mode: 'command', save: 'saved', tableColumns, tableTypes, models: [], trust, conflict: false, opened: this.box.state.opened + (this.started ? 1 : 0) });
    this.editor.syncHistoryFlags();
    const connected = this.session.whenConnected();
    const synced = (async () => {
      // The notebook paints first; the kernel (still starting, on the app's first open) and the store get it after (docs/app.md, "Opening a notebook").
      await afterPaint();
      mark('painted');
      const client = await connected;
      await client.request('restart', {});
      await client.request('setCells', { cells: [] });
      await this.syncKernel();
      mark('kernel-synced');
    })();
    // Runs wait for the kernel to have these cells, and for saved models to come back (after the backend is up).
    this.session.gate = synced.then(async () => this.session.restoreModels(await connected, options.id));
    await synced;
    void this.refreshModels();
    if (options.save !== false) await this.saveNow();
    mark('stored');
    await this.store.setSetting('lastNotebook', options.id).catch(() => undefined);
  }

  /**
   * The notebook being opened, if any: a run asked for meanwhile (the toolbar,
   * window.workbench.runAll() right after a sidebar click) waits for it, so it
   * runs the notebook that is opening, not the one being left.
   */
  private opening: Promise<unknown> = Promise.resolve();
  private whileOpening<T>(open: () => Promise<T>): Promise<T> {
    const done = this.opening.then(open, open);
    this.opening = done.catch(() => undefined);
    return done;
  }

  openStored = (id: string): Promise<void> => this.whileOpening(() => this.openStoredNow(id));

  private async openStoredNow(id: string): Promise<void> {
    const record = await this.store.getNotebook(id);
    if (!record) throw new Error(`No saved notebook "${id}".`);
    const { doc } = decodeNotebook(record.ipynb);
    // Copies of course notebooks were made from the bundled file; others are trusted if their content was.
    const trust = id.startsWith('course:') ? { notebook: true, cells: [] } : await this.trustStore.trustFor(doc.cells);
    await this.openDoc(doc, { id, origin: record.origin, save: false, trust, revision: record.revision ?? 0 });
  }

  /** Course notebooks open as the user's copy (made on first open). */
  // gallery/notebooks.ts loads on first use (not with the first screen).
  openCourse = (file: string): Promise<void> => this.whileOpening(async () => (await import('./gallery/notebooks.ts')).openCourse(this.gallery, file));
  resetCourse = (file: string): Promise<void> => this.whileOpening(async () => (await import('./gallery/notebooks.ts')).resetCourse(this.gallery, file));
  openJson = (input: string | unknown, fileName?: string, options: { trusted?: boolean } = {}): Promise<void> => this.whileOpening(async () => (await import('./gallery/notebooks.ts')).openJson(this.gallery, input, fileName, options));
  newNotebook = (title: string): Promise<void> => this.whileOpening(async () => (await import('./gallery/notebooks.ts')).newNotebook(this.gallery, title));
  deleteNotebook = (id: string): Promise<void> => this.whileOpening(async () => (await import('./gallery/notebooks.ts')).deleteNotebook(this.gallery, id));

  // --- trust ---------------------------------------------------------------------

  private recordTrust(): Promise<void> {
    const doc = this.state.doc;
    // Trust first: a crash between the two leaves an extra hash, never a trusted notebook reopened untrusted.
    return doc ? this.trustStore.record(doc.cells, this.state.trust).catch(() => undefined) : Promise.resolve();
  }

  /** The user trusts the open notebook: its code cells and URL loads may run; remembered by content hash. */
  async trust(): Promise<void> {
    if (!this.state.doc || this.state.trust.notebook) return;
    this.box.set({ trust: { notebook: true, cells: [] } });
    await this.syncKernel();
    await this.recordTrust();
  }

  /** Cells the guard would refuse to run now. */
  blocked(): NotebookCell[] {
    return this.state.doc ? blockedCells(this.state.doc.cells, this.state.trust) : [];
  }

  // --- editing (document/editor.ts) ----------------------------------------------

  private edited(): void {
    this.syncKernel().catch((e: Error) => this.notify(e.message));
    this.scheduleSave();
  }

  private async syncKernel(): Promise<void> {
    const doc = this.state.doc;
    if (!doc) return;
    const result = await (await this.session.whenConnected()).request('setCells', { cells: kernelCells(doc.cells), title: doc.title, trust: this.state.trust });
    this.sources = { ...this.sources, ...result.sources };
    this.box.set({ issues: result.issues });
  }

  setTitle = (title: string): void => this.editor.setTitle(title);
  updateCell = (id: string, patch: Partial<Pick<NotebookCell, 'params' | 'title'>>): void => this.editor.updateCell(id, patch);
  /** A parameter (or code) edit by the user: the cell is theirs now, so it is trusted (like Jupyter). */
  setParams = (id: string, params: Record<string, unknown>): void => this.editor.setParams(id, params);
  insertCell = (kind: string, at: InsertAt = {}): string => this.editor.insertCell(kind, at);
  deleteCell = (id: string): void => this.editor.deleteCell(id);
  /** Move a cell, or the whole selection when the cell is in it. */
  moveCell = (id: string, delta: number): void => {
    const selection = this.editor.selection();
    this.editor.moveCells(selection.includes(id) ? selection : [id], delta < 0 ? -1 : 1);
  };
  duplicateCell = (id: string): void => this.editor.duplicateCell(id);
  select = (id: string | null, mode: State['mode'] = this.state.mode): void => this.editor.select(id, mode);
  /** The document editor (selection, clipboard, M/Y…); there once `ready` has begun opening a notebook. */
  get editor(): DocumentEditor {
    if (!this.authoring) throw new Error('The editor is still loading.');
    return this.authoring.editor;
  }
  /** Z / Ctrl+Z; says so when there is nothing to undo. */
  undo = (): boolean => this.history(this.editor.undo());
  redo = (): boolean => this.history(this.editor.redo());
  private history(done: boolean): boolean {
    if (!done) this.notify(this.text('nothingToUndo'), 'info');
    return done;
  }
  /** C: copy the selected cells (the cell clipboard outlives this notebook). */
  copyCells = (): void => {
    this.editor.copy();
    this.notify(this.text('cellsCopied', { n: this.editor.selection().length }), 'info');
  };
  /** Authoring text in the UI language ('' while the editor loads). */
  text = (key: AuthoringKey, vars: Record<string, string | number> = {}): string => this.authoring?.text(key, vars) ?? '';
  /** Columns flagged by an explore cell, per later cell that uses them. */
  leaks = (doc: NotebookDoc, runs: Record<string, CellRun>): Record<string, ShownLeak[]> => this.authoring?.leaks(doc, runs) ?? {};
  dropLeak = (leak: Leak): void => this.authoring?.dropLeak(leak);
  /** Columns for pickers: shown tables, and split parts before the split has run. */
  knownTables = (doc: NotebookDoc): { columns: Record<string, string[]>; types: Record<string, Record<string, string>> } => this.authoring?.tables(doc) ?? { columns: this.state.tableColumns, types: this.state.tableTypes };

  // --- running (session/kernelSession.ts) -----------------------------------------

  runAll = async (): Promise<void> => {
    await this.opening;
    return this.session.runAll();
  };
  runCell = async (id: string): Promise<void> => {
    await this.opening;
    return this.session.runCell(id);
  };
  runTo = async (id: string): Promise<void> => {
    await this.opening;
    return this.session.runTo(id);
  };
  async runNext(): Promise<string | null> {
    await this.opening;
    const id = await this.session.runNext();
    if (id) this.select(id);
    return id;
  }
  cancel = (): void => this.session.cancel();
  restart = (): Promise<void> => this.session.restart();
  switchBackend = (name: BackendName): Promise<void> => this.session.switchBackend(name);
  columns = (name: string): Promise<string[] | null> => this.session.columns(name);
  /** Stable (bound) for React props. */
  columnsOf = (name: string): Promise<string[] | null> => this.session.columns(name);
  valueText = (name: string): Promise<string | null> => this.session.valueText(name);
  /** A page of a whole table value in the kernel (sorted or not); null when the kernel does not hold it (e.g. after a restart). */
  tablePage = (name: string, request: TablePageRequest): Promise<TablePage | null> => this.session.tablePage(name, request);
  tableCsv = (name: string): Promise<string | null> => this.session.tableCsv(name);
  tableParquet = (name: string): Promise<Uint8Array | null> => this.session.kernel().request('tableParquet', { name });
  /** A kernel model as portable files (tfjs layers model, XGBoost JSON or a sequence model's weights, with model.meta.json and preprocessing.json), or null. */
  modelFiles = (name: string): Promise<{ name: string; data: Uint8Array | string }[] | null> => this.session.kernel().request('modelFiles', { name });
  /** The open notebook as Python cells, made by the kernel (it has the cell kinds); see src/ui/exportPython.ts. */
  exportPython = (doc: NotebookDoc): Promise<PythonExport> => this.session.kernel().request('exportPython', { cells: kernelCells(doc.cells), title: doc.title });
  memory = (): Promise<{ numTensors: number; numBytes: number }> => this.session.memory();

  /** Readable source of a typed cell, as last rendered by the worker. */
  sourceOf(id: string): string {
    return this.sources[id] ?? '';
  }

  // --- saving (saving/) -------------------------------------------------------------

  /** The notebook as .ipynb text. Typed cells' sources come from the worker's last render. */
  serialize(): string {
    const doc = this.state.doc;
    if (!doc) return '';
    if (!this.writer) throw new Error('The notebook writer is still loading.');
    return this.writer(doc, (cell) => this.sources[cell.id] ?? cell.jupyter.source);
  }

  private record(): NotebookRecord | undefined {
    const doc = this.state.doc;
    const id = this.state.notebookId;
    if (!doc || !id) return undefined;
    return { id, title: doc.title || 'Untitled notebook', ipynb: this.serialize(), updatedAt: Date.now(), origin: this.state.origin };
  }

  private scheduleSave(): void {
    this.saving.schedule();
  }

  /** Leaving the page (saving/notebookSaving.ts). */
  saveOnExit = (): void => this.saving.saveOnExit();
  flushSave = (): Promise<void> => this.saving.flush();
  saveNow = (): Promise<void> => this.saving.save();

  /** Conflict: drop this tab's unsaved edits and open the stored notebook. */
  async reloadNotebook(): Promise<void> {
    const id = this.state.notebookId;
    if (!id) return;
    this.saving.reset(undefined);
    this.box.set({ conflict: false, save: 'saved' });
    await this.openStored(id);
  }

  /** Conflict: keep this tab's version as a new notebook of the user's. */
  async saveAsCopy(): Promise<void> {
    const doc = this.state.doc;
    if (!doc) return;
    this.saving.reset(undefined);
    this.box.set({ doc: { ...doc, title: `${doc.title || 'Untitled notebook'} (copy)` }, notebookId: newId('user:'), origin: undefined, conflict: false });
    await this.saveNow();
    await this.store.setSetting('lastNotebook', this.state.notebookId).catch(() => undefined);
    await this.refreshLists();
  }

  // --- files ------------------------------------------------------------------------

  /** Add a load cell that reads an uploaded file (after the selected cell). */
  addLoadCellFor(file: Omit<FileRecord, 'blob'>): void {
    if (!this.state.kinds.some((k) => k.kind === 'load')) {
      this.notify(t('noLoadCell'));
      return;
    }
    // One edit (one undo step): the cell comes with its file.
    this.editor.insertCell('load', this.state.selected ? { after: this.state.selected } : {}, { source: { type: 'file', fileId: file.id, fileName: file.name }, output: valueNameOf(file.name) });
  }

  /** Add a predict cell with the model in an uploaded model zip (the saved-models download). */
  addPredictCellFor(file: Omit<FileRecord, 'blob'>): void {
    this.editor.insertCell('predict', this.state.selected ? { after: this.state.selected } : {}, { modelFile: { fileId: file.id, fileName: file.name } });
  }
}
