// The UI's state and actions, outside React: the open notebook, each cell's
// run state (from kernel events), the gallery, files, backend and save state.
// React reads it with useSyncExternalStore; window.workbench calls it too.
import { decodeNotebook, serializeNotebook } from '../notebook/ipynb.ts';
import type { PythonExport } from '../export/python/notebook.ts';
import { newCellId, type NotebookCell, type NotebookDoc } from '../notebook/model.ts';
import type { CellOutput, EpochRecord, Progress } from '../core/outputs.ts';
import type { CellStatus, KernelEvent, ValueSummary } from '../kernel/state.ts';
import type { ParamIssue } from '../kernel/params.ts';
import type { BackendName } from '../ml/backend.ts';
import type { KernelClient } from '../worker/client.ts';
import { KernelRestarted } from '../worker/restarted.ts';
import type { BackendInfo, IsolationMode, KindInfo, WorkerEvent } from '../worker/protocol.ts';
import { KernelNotebooks, kernelText, notebookScope } from '../worker/hostScope.ts';
import type { HostDeps } from '../worker/hostBridge.ts';
import type { LifecycleStores } from '../store/lifecycle.ts';
import type { TablePage, TablePageRequest } from '../data/tablePage.ts';
import { newId, RevisionConflictError, type FileRecord, type ModelInfo, type NotebookRecord, type WorkbenchStore } from '../store/types.ts';
import { requestPersistence, storageEstimate } from '../store/idb.ts';
import type { StorageEstimate } from '../store/types.ts';
import { LifecycleModel } from './lifecycle.ts';
import { t } from './i18n.ts';
import { blockedCells, canonicalCell, canonicalNotebook, isActiveCell, sha256, type TrustState } from '../worker/trust.ts';

export interface CellRun {
  status: CellStatus;
  outputs: CellOutput[];
  durationMs?: number;
  staleReason?: string;
  progress?: Progress;
  /** Live training curve from progress events (one record per epoch). */
  live: EpochRecord[];
}

export type SaveState = 'saved' | 'saving' | 'unsaved' | 'error';

export interface CourseEntry {
  file: string;
  title: string;
}

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  message: string;
  /** Text a kernel sent (notebook code can forge it): shown as that notebook's words, under its title, never as the app's. */
  from?: string;
}

export interface State {
  doc: NotebookDoc | null;
  notebookId: string | null;
  /** Bundled notebook this is a copy of. */
  origin?: string;
  runs: Record<string, CellRun>;
  issues: Record<string, ParamIssue[]>;
  kinds: KindInfo[];
  values: ValueSummary[];
  backend: string;
  backendTried: BackendInfo['tried'];
  kernelReady: boolean;
  busy: boolean;
  save: SaveState;
  saveError?: string;
  course: CourseEntry[];
  userNotebooks: { id: string; title: string; updatedAt: number; origin?: string }[];
  files: Omit<FileRecord, 'blob'>[];
  /** Models saved for the open notebook (newest first). */
  models: ModelInfo[];
  /**
   * Columns of each named table as the kernel last showed it (the latest
   * table output under that name), for column pickers.
   */
  tableColumns: Record<string, string[]>;
  storage?: StorageEstimate;
  notices: Notice[];
  selected: string | null;
  mode: 'command' | 'edit';
  datasets: { name: string; description: string }[];
  /** What may run: untrusted notebooks' code cells and URL loads are blocked (src/worker/trust.ts). */
  trust: TrustState;
  /** Another tab saved the open notebook since this tab loaded it: autosave is paused until the user reloads or saves a copy. */
  conflict: boolean;
  /** False when IndexedDB is unavailable: work is kept in memory only. */
  persistent: boolean;
}

/** Settings key of the trusted content hashes (notebooks and single cells), newest last. */
const TRUST_KEY = 'trusted';
const TRUST_MAX = 2000;

const HARD_STOP_MS = 4000;

/** Messages of allocation failures (V8, typed arrays, WebAssembly, tfjs). */
const OUT_OF_MEMORY = /allocation failed|invalid (typed )?array( buffer)? length|out of memory|array buffer allocation|Cannot allocate|RangeError: Array buffer/i;

/** The course notebook a first visit opens (the introductory one), when bundled. */
const FIRST_COURSE = 'penguins.ipynb';

/** localStorage key of a notebook saved synchronously on leaving the page (see saveOnExit). */
const PENDING_KEY = 'ml-workbench:pending-save';

const BACKEND_NAMES: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

const COURSE = import.meta.glob('../../notebooks/*.ipynb', { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>;

function courseFile(path: string): string {
  return path.split('/').pop()!;
}

/** Whether this page could use WebGPU (the sandboxed kernel cannot: launch.ts). */
function pageHasWebGPU(): boolean {
  return typeof navigator !== 'undefined' && (navigator as Navigator & { gpu?: unknown }).gpu !== undefined;
}

function titleFromFile(file: string): string {
  return file.replace(/\.ipynb$/, '').replace(/^\d+[-_]?/, '').replace(/[-_]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
}

export function emptyRun(outputs: CellOutput[] = []): CellRun {
  return { status: 'idle', outputs, live: [] };
}

export function newCell(kind: string, kinds: KindInfo[]): NotebookCell {
  const info = kinds.find((k) => k.kind === kind);
  const params = structuredClone(info?.defaults ?? {});
  return {
    id: newCellId(),
    kind,
    params,
    outputs: [],
    jupyter: { cellType: kind === 'markdown' ? 'markdown' : 'code', metadata: {}, source: kind === 'markdown' ? String(params.text ?? '') : '' },
  };
}

export function blankNotebook(title: string): NotebookDoc {
  return { title, cells: [], metadata: {}, workbench: {}, nbformatMinor: 5 };
}

export class Controller {
  state: State = {
    doc: null,
    notebookId: null,
    runs: {},
    issues: {},
    kinds: [],
    values: [],
    backend: '',
    backendTried: [],
    kernelReady: false,
    busy: false,
    save: 'saved',
    course: Object.keys(COURSE).sort().map((p) => ({ file: courseFile(p), title: titleFromFile(courseFile(p)) })),
    userNotebooks: [],
    files: [],
    models: [],
    tableColumns: {},
    notices: [],
    selected: null,
    mode: 'command',
    datasets: [],
    trust: { notebook: true, cells: [] },
    conflict: false,
    persistent: true,
  };

  private listeners = new Set<() => void>();
  private client: KernelClient | undefined;
  private sources: Record<string, string> = {};
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private dirtySince: number | undefined;
  /** Settles when a restarted kernel has its cells again. */
  private gate: Promise<unknown> = Promise.resolve();
  private noticeId = 0;
  private running = 0;
  private runSeq = 0;
  private activeRuns = new Set<number>();
  readonly ready: Promise<void>;
  private trustedHashes: Promise<string[]> | undefined;
  private bundledHashes: Promise<Set<string>> | undefined;
  /** Hashes already recorded for the open notebook (nothing to write when unchanged). */
  private recordedTrust = new Set<string>();
  /** Revision of the open notebook as stored when this tab last read or wrote it; undefined: the next save overwrites (new content). */
  private revision: number | undefined;
  private readonly tabId = newId('tab:');
  private channel: BroadcastChannel | undefined;
  /** Runs and registry (panels, window.workbench.runs/registry). */
  readonly lifecycle = new LifecycleModel((m) => this.notify(m), (m) => this.notify(m, 'info'));

  constructor(readonly store: WorkbenchStore, options: { persistent?: boolean } = {}) {
    if (options.persistent === false) this.state = { ...this.state, persistent: false };
    try {
      this.channel = new BroadcastChannel('ml-workbench');
      this.channel.onmessage = (e: MessageEvent) => this.onBroadcast(e.data);
    } catch {
      // No BroadcastChannel: the revision check in putNotebook still refuses to overwrite.
    }
    this.ready = this.start();
  }

  /** Another tab saved a notebook: if it is the one open here, say so (never overwrite it silently). */
  private onBroadcast(data: unknown): void {
    const m = data as { type?: unknown; id?: unknown; revision?: unknown; tab?: unknown } | null;
    if (!m || m.type !== 'saved' || typeof m.id !== 'string' || typeof m.revision !== 'number' || m.tab === this.tabId) return;
    if (m.id === this.state.notebookId && m.revision !== this.revision && !this.state.conflict) {
      this.set({ conflict: true });
      this.notify('This notebook was saved in another tab. Reload it here, or save your version as a copy.');
    }
  }

  /** Conflict: drop this tab's unsaved edits and open the stored notebook. */
  async reloadNotebook(): Promise<void> {
    const id = this.state.notebookId;
    if (!id) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    this.dirtySince = undefined;
    this.set({ conflict: false, save: 'saved' });
    await this.openStored(id);
  }

  /** Conflict: keep this tab's version as a new notebook of the user's. */
  async saveAsCopy(): Promise<void> {
    const doc = this.state.doc;
    if (!doc) return;
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    this.revision = undefined;
    this.set({ doc: { ...doc, title: `${doc.title || 'Untitled notebook'} (copy)` }, notebookId: newId('user:'), origin: undefined, conflict: false });
    await this.saveNow();
    await this.store.setSetting('lastNotebook', this.state.notebookId).catch(() => undefined);
    await this.refreshLists();
  }

  // --- subscription -------------------------------------------------------

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): State => this.state;

  private set(patch: Partial<State>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  notify(message: string, kind: Notice['kind'] = 'error', from?: string): void {
    const id = ++this.noticeId;
    this.set({ notices: [...this.state.notices, from === undefined ? { id, kind, message } : { id, kind, message: kernelText(message), from }] });
    if (kind === 'info') setTimeout(() => this.dismiss(id), 4000);
  }

  /** Whose words a kernel's message is: the open notebook's title. */
  private kernelSource(): string {
    return this.state.doc?.title.trim() || this.state.notebookId || 'untitled';
  }

  dismiss(id: number): void {
    this.set({ notices: this.state.notices.filter((n) => n.id !== id) });
  }

  // --- start --------------------------------------------------------------

  /** Start a kernel worker; the backend initialises in the background (runs wait for it in the worker). */
  private async connect(preferred?: BackendName): Promise<KernelClient> {
    // In the sandboxed frame when it answers, else on the app's origin (src/worker/launch.ts).
    // The launcher (frame, message checks, client) loads beside the shell, not in its first script.
    const { startKernel } = await import('../worker/launch.ts');
    const { client, init, fallback } = await startKernel(() => this.hostDeps(), { isolation: this.isolationPreferred });
    this.client = client;
    client.on((e) => {
      if (this.client === client) this.onWorker(e);
    });
    if (fallback && !this.isolationNoticed) {
      this.isolationNoticed = true;
      this.notify(`The kernel runs on this app's origin, not in its sandbox (${fallback}): trusted code cells could reach this app's storage.`, 'info');
    }
    this.set({ kinds: init.kinds, datasets: init.datasets, kernelReady: true });
    const order: BackendName[] | undefined = preferred ? [preferred, ...BACKEND_NAMES.filter((b) => b !== preferred)] : undefined;
    client.request('initBackend', { order }).catch((error: Error) => this.notify(error.message));
    return client;
  }

  /** Where the kernel runs now (window.workbench.isolation()); undefined until it has started. */
  isolation(): IsolationMode | undefined {
    return this.client?.mode;
  }

  private isolationNoticed = false;
  /** False once the user chose WebGPU, which the sandboxed kernel cannot use (launch.ts): later kernels start on the app's origin. */
  private isolationPreferred = true;
  /** The notebook the kernel is switching away from (hostScope.ts): reachable only until the switch is done. */
  private readonly kernelNotebooks = new KernelNotebooks();
  private hostLifecycle: Promise<LifecycleStores> | undefined;

  /** What a sandboxed kernel may reach through the app (src/worker/hostBridge.ts checks every call against it). */
  private hostDeps(): HostDeps {
    return {
      store: this.store,
      lifecycle: () => (this.hostLifecycle ??= import('../store/lifecycle.ts').then((m) => m.lifecycleStores())),
      scope: notebookScope(() => ({ cells: this.state.doc?.cells ?? [], trust: this.state.trust, notebookId: this.state.notebookId }), this.kernelNotebooks),
    };
  }

  private async start(): Promise<void> {
    // ?backend=wasm (tests, demos) or the user's last choice comes first.
    const fromUrl = new URLSearchParams(location.search).get('backend') as BackendName | null;
    const saved = (fromUrl && BACKEND_NAMES.includes(fromUrl) ? fromUrl : undefined) ?? (await this.store.getSetting<BackendName>('backend').catch(() => undefined));
    // WebGPU, chosen before (or asked for in the URL), needs the kernel on the app's origin.
    if (saved === 'webgpu' && pageHasWebGPU()) {
      this.isolationPreferred = false;
      this.notify(t('webgpuSameOrigin'), 'info');
    }
    await this.connect(saved);
    await this.recoverPendingSave();
    await this.refreshLists();
    const last = await this.store.getSetting<string>('lastNotebook').catch(() => undefined);
    const opened = last ? await this.openStored(last).then(() => true, () => false) : false;
    if (!opened) {
      const first = this.state.course.find((c) => c.file === FIRST_COURSE) ?? this.state.course[0];
      if (first) await this.openCourse(first.file);
      else await this.openDoc(welcomeNotebook(), { id: newId('user:') });
    }
    requestPersistence().then(() => this.refreshStorage());
    void this.loadCourseTitles();
  }

  /** Course notebooks' own titles (their metadata; the file name until read), in the background. */
  private async loadCourseTitles(): Promise<void> {
    const titles = await Promise.all(
      Object.entries(COURSE).map(async ([path, load]) => {
        try {
          const title = (JSON.parse(await load()) as { metadata?: { title?: unknown } }).metadata?.title;
          return [courseFile(path), typeof title === 'string' && title.trim() ? title : undefined] as const;
        } catch {
          return [courseFile(path), undefined] as const;
        }
      }),
    );
    const byFile = new Map(titles);
    this.set({ course: this.state.course.map((c) => ({ ...c, title: byFile.get(c.file) ?? c.title })) });
  }

  /** The open notebook as Python cells, made by the kernel (it has the cell kinds); see src/ui/exportPython.ts. */
  exportPython(doc: NotebookDoc): Promise<PythonExport> {
    return this.kernel().request('exportPython', { cells: doc.cells, title: doc.title });
  }

  private kernel(): KernelClient {
    if (!this.client) throw new Error('The kernel is not started yet.');
    return this.client;
  }

  async refreshLists(): Promise<void> {
    const [userNotebooks, files] = await Promise.all([this.store.listNotebooks(), this.store.listFiles()]);
    this.set({ userNotebooks, files });
    await this.refreshModels();
    this.refreshStorage();
  }

  async refreshModels(): Promise<void> {
    const id = this.state.notebookId;
    const models = id ? await this.store.listModels(id).catch(() => []) : [];
    if (id === this.state.notebookId) this.set({ models });
  }

  async deleteModel(id: string): Promise<void> {
    await this.store.deleteModel(id);
    await this.refreshModels();
    this.refreshStorage();
  }

  private async deleteModelsOf(notebookId: string): Promise<void> {
    const models = await this.store.listModels(notebookId).catch(() => []);
    await Promise.all(models.map((m) => this.store.deleteModel(m.id).catch(() => undefined)));
  }

  async refreshStorage(): Promise<void> {
    const storage = await storageEstimate().catch(() => undefined);
    if (storage) this.set({ storage });
  }

  // --- kernel events ------------------------------------------------------

  private onWorker(e: WorkerEvent): void {
    if (e.kind === 'backend') {
      this.set({ backend: e.info.backend, backendTried: e.info.tried });
      return;
    }
    if (e.kind === 'fatal') {
      this.notify(e.error, 'error', this.kernelSource());
      // The worker itself died (a crash, memory, a cell that called close()): requests would hang; start a fresh one.
      if (e.dead) void this.hardRestart('crash');
      return;
    }
    if (e.kind === 'notice') {
      this.notify(e.message, 'error', this.kernelSource());
      return;
    }
    if (e.kind === 'models') {
      if (e.error) this.notify(e.error, 'error', this.kernelSource());
      void this.refreshModels().then(() => this.refreshStorage());
      return;
    }
    this.onKernel(e.event);
  }

  private onKernel(event: KernelEvent): void {
    if (event.type === 'values') {
      this.set({ values: event.values });
      return;
    }
    const id = event.cellId;
    const run = this.state.runs[id] ?? emptyRun();
    let next: CellRun = run;
    switch (event.type) {
      case 'status':
        next = { ...run, status: event.status, durationMs: event.durationMs, staleReason: event.staleReason };
        if (event.status === 'running') this.nanStopped.delete(id);
        // Train/tune/crossval cells record runs and register cells versions as they finish.
        if (event.status === 'done' || event.status === 'error' || event.status === 'cancelled') this.lifecycle.changed();
        if (event.status === 'running') next = { ...next, live: [], progress: undefined };
        if (event.status !== 'running') next = { ...next, progress: undefined };
        break;
      case 'output':
        next = { ...run, outputs: [...run.outputs, event.output] };
        break;
      case 'outputs':
        next = { ...run, outputs: event.outputs };
        this.checkMemory(id, event.outputs);
        this.setCellOutputs(id, event.outputs);
        this.noteTables(event.outputs);
        break;
      case 'progress': {
        const p = event.progress;
        let live = run.live;
        if (p.epoch !== undefined && p.loss !== undefined) {
          const record: EpochRecord = { epoch: p.epoch, loss: p.loss, ...(p.metrics ?? {}) };
          live = live.length && live[live.length - 1].epoch === p.epoch ? [...live.slice(0, -1), record] : [...live, record];
        }
        next = { ...run, progress: p, live };
        if (p.loss !== undefined && !Number.isFinite(p.loss) && !this.nanStopped.has(id)) {
          this.nanStopped.add(id);
          this.notify(`Training stopped: the loss became ${String(p.loss)}${p.epoch !== undefined ? ` at epoch ${p.epoch}` : ''}. The model diverged: lower the learning rate, scale the features, or drop rows with missing or extreme values, then run the cell again.`);
          this.cancel();
        }
        break;
      }
    }
    this.set({ runs: { ...this.state.runs, [id]: next } });
  }

  private nanStopped = new Set<string>();

  /** An allocation failure in the worker (a table too large for memory): say so and start a fresh kernel. */
  private checkMemory(cellId: string, outputs: CellOutput[]): void {
    const error = outputs.find((o) => o.type === 'error');
    if (!error || error.type !== 'error' || !OUT_OF_MEMORY.test(error.message)) return;
    this.notify(`Out of memory in ${cellId ? 'a cell' : 'the kernel'}: the data is too large for this browser tab (${error.message}). The kernel was restarted; load fewer rows or columns (a sample), then run again.`);
    // After this event's own state update (the cell's outputs), or that update would undo the restart's.
    queueMicrotask(() => void this.hardRestart('memory'));
  }

  /** The latest table output under a name wins (a transform that renames columns shows the new names). */
  private noteTables(outputs: CellOutput[]): void {
    let tableColumns: Record<string, string[]> | undefined;
    for (const o of outputs) {
      if (o.type !== 'table' || !o.name) continue;
      const names = o.columns.map((c) => c.name);
      const old = (tableColumns ?? this.state.tableColumns)[o.name];
      if (old && old.length === names.length && old.every((n, i) => n === names[i])) continue;
      tableColumns = { ...(tableColumns ?? this.state.tableColumns), [o.name]: names };
    }
    if (tableColumns) this.set({ tableColumns });
  }

  private setCellOutputs(id: string, outputs: CellOutput[]): void {
    const doc = this.state.doc;
    if (!doc) return;
    const cells = doc.cells.map((c) => (c.id === id ? { ...c, outputs } : c));
    this.set({ doc: { ...doc, cells } });
    this.scheduleSave();
  }

  // --- opening notebooks --------------------------------------------------

  /** Open a document as the current notebook under a store id; the kernel starts fresh. */
  async openDoc(doc: NotebookDoc, options: { id: string; origin?: string; save?: boolean; trust?: TrustState; revision?: number }): Promise<void> {
    await this.flushSave();
    const trust: TrustState = options.trust ?? { notebook: true, cells: [] };
    this.recordedTrust = new Set();
    this.revision = options.revision;
    const runs: Record<string, CellRun> = {};
    for (const c of doc.cells) runs[c.id] = emptyRun(c.outputs);
    // Saved outputs in document order: a later cell's table under the same name wins.
    const tableColumns: Record<string, string[]> = {};
    for (const c of doc.cells) for (const o of c.outputs) if (o.type === 'table' && o.name) tableColumns[o.name] = o.columns.map((col) => col.name);
    this.set({ doc, notebookId: options.id, origin: options.origin, runs, issues: {}, selected: doc.cells[0]?.id ?? null, mode: 'command', save: 'saved', tableColumns, models: [], trust, conflict: false });
    const client = this.kernel();
    const synced = (async () => {
      await client.request('restart', {});
      await client.request('setCells', { cells: [] });
      await this.syncKernel();
    })();
    // Saved models come back in the background (after the backend is up); runs wait for them.
    this.gate = synced.then(() => this.restoreModels(client, options.id));
    await synced;
    void this.refreshModels();
    if (options.save !== false) await this.saveNow();
    await this.store.setSetting('lastNotebook', options.id).catch(() => undefined);
  }

  private async restoreModels(client: KernelClient, notebookId: string): Promise<void> {
    const switched = this.kernelNotebooks.switchTo(notebookId);
    try {
      const { restored } = await client.request('openNotebook', { notebookId, title: this.state.doc?.title ?? '' });
      if (restored.length && this.state.notebookId === notebookId) this.notify(`Saved model${restored.length > 1 ? 's' : ''} ${restored.join(', ')} loaded: cells that use ${restored.length > 1 ? 'them' : 'it'} run without retraining.`, 'info');
    } catch (error) {
      if (!(error instanceof KernelRestarted)) this.notify(error instanceof Error ? error.message : String(error));
    } finally {
      switched();
    }
  }

  async openStored(id: string): Promise<void> {
    const record = await this.store.getNotebook(id);
    if (!record) throw new Error(`No saved notebook "${id}".`);
    const { doc } = decodeNotebook(record.ipynb);
    // Copies of course notebooks were made from the bundled file; others are trusted if their content was.
    const trust = id.startsWith('course:') ? { notebook: true, cells: [] } : await this.trustFor(doc.cells);
    await this.openDoc(doc, { id, origin: record.origin, save: false, trust, revision: record.revision ?? 0 });
  }

  // --- trust ---------------------------------------------------------------

  private trustList(): Promise<string[]> {
    this.trustedHashes ??= this.store.getSetting<string[]>(TRUST_KEY).then((v) => (Array.isArray(v) ? v.filter((h) => typeof h === 'string') : []), () => []);
    return this.trustedHashes;
  }

  /** Content hashes of the bundled course notebooks: their JSON opened by window.workbench.open() is trusted. */
  private bundled(): Promise<Set<string>> {
    this.bundledHashes ??= Promise.all(
      Object.values(COURSE).map(async (load) => {
        try {
          return await sha256(canonicalNotebook(decodeNotebook(await load()).doc.cells));
        } catch {
          return undefined;
        }
      }),
    ).then((hashes) => new Set(hashes.filter((h): h is string => !!h)));
    return this.bundledHashes;
  }

  /** Trust of a document from the store: the whole notebook if its content hash was trusted, else the cells whose content was. */
  private async trustFor(cells: NotebookCell[]): Promise<TrustState> {
    const known = new Set(await this.trustList());
    const hash = await sha256(canonicalNotebook(cells));
    if (hash && known.has(hash)) return { notebook: true, cells: [] };
    const trusted: string[] = [];
    for (const c of cells) {
      if (!isActiveCell(c)) continue;
      const h = await sha256(canonicalCell(c));
      if (h && known.has(h)) trusted.push(c.id);
    }
    return { notebook: false, cells: trusted };
  }

  /** Remember what is trusted now (the notebook's hash, or its trusted cells' hashes) in the settings store. */
  private async recordTrust(cells: NotebookCell[], trust: TrustState): Promise<void> {
    const hashes: string[] = [];
    if (trust.notebook) {
      const h = await sha256(canonicalNotebook(cells));
      if (h) hashes.push(h);
    } else {
      const ok = new Set(trust.cells);
      for (const c of cells) {
        if (!ok.has(c.id) || !isActiveCell(c)) continue;
        const h = await sha256(canonicalCell(c));
        if (h) hashes.push(h);
      }
    }
    const fresh = hashes.filter((h) => !this.recordedTrust.has(h));
    if (!fresh.length) return;
    const list = await this.trustList();
    const next = [...list.filter((h) => !fresh.includes(h)), ...fresh].slice(-TRUST_MAX);
    this.trustedHashes = Promise.resolve(next);
    await this.store.setSetting(TRUST_KEY, next);
    for (const h of fresh) this.recordedTrust.add(h);
  }

  /** The user trusts the open notebook: its code cells and URL loads may run; remembered by content hash. */
  async trust(): Promise<void> {
    const doc = this.state.doc;
    if (!doc || this.state.trust.notebook) return;
    this.set({ trust: { notebook: true, cells: [] } });
    await this.syncKernel();
    await this.recordTrust(doc.cells, this.state.trust).catch(() => undefined);
  }

  /** Cells the guard would refuse to run now. */
  blocked(): NotebookCell[] {
    return this.state.doc ? blockedCells(this.state.doc.cells, this.state.trust) : [];
  }

  /** Course notebooks open as the user's copy (made on first open). */
  async openCourse(file: string): Promise<void> {
    const id = `course:${file}`;
    if (await this.store.getNotebook(id)) return this.openStored(id);
    return this.resetCourse(file);
  }

  async resetCourse(file: string): Promise<void> {
    const entry = Object.entries(COURSE).find(([p]) => courseFile(p) === file);
    if (!entry) throw new Error(`No bundled notebook "${file}".`);
    const { doc } = decodeNotebook(await entry[1]());
    if (!doc.title) doc.title = titleFromFile(file);
    // The original has no trained models: forget the copy's.
    await this.deleteModelsOf(`course:${file}`);
    await this.openDoc(doc, { id: `course:${file}`, origin: file });
  }

  /** Open a notebook from JSON text or value (file picker, drop, window.workbench.open). Throws a clear error; nothing is stored on failure. */
  async openJson(input: string | unknown, fileName?: string, options: { trusted?: boolean } = {}): Promise<void> {
    const { doc, warnings } = decodeNotebook(input);
    if (!doc.title && fileName) doc.title = titleFromFile(fileName);
    if (!doc.title) doc.title = 'Untitled notebook';
    // Untrusted (code cells and URL loads blocked) unless the caller says so, or it is a bundled notebook's content.
    let trust: TrustState;
    if (options.trusted !== undefined) trust = { notebook: options.trusted, cells: [] };
    else {
      const hash = await sha256(canonicalNotebook(doc.cells));
      trust = { notebook: !!hash && (await this.bundled()).has(hash), cells: [] };
    }
    await this.openDoc(doc, { id: newId('user:'), trust });
    for (const w of warnings) this.notify(w, 'info');
    await this.refreshLists();
  }

  async newNotebook(title: string): Promise<void> {
    const doc = blankNotebook(title);
    doc.cells.push(newCell('markdown', this.state.kinds));
    doc.cells[0].params = { text: `# ${title}\n` };
    await this.openDoc(doc, { id: newId('user:') });
    await this.refreshLists();
  }

  async deleteNotebook(id: string): Promise<void> {
    await this.store.deleteNotebook(id);
    await this.deleteModelsOf(id);
    if (id === this.state.notebookId) {
      if (this.state.course.length) await this.openCourse(this.state.course[0].file);
      else await this.newNotebook('Untitled notebook');
    }
    await this.refreshLists();
  }

  // --- editing ------------------------------------------------------------

  private async syncKernel(): Promise<void> {
    const doc = this.state.doc;
    if (!doc) return;
    const result = await this.kernel().request('setCells', { cells: doc.cells, title: doc.title, trust: this.state.trust });
    this.sources = { ...this.sources, ...result.sources };
    this.set({ issues: result.issues });
  }

  private edit(cells: NotebookCell[], patch: Partial<NotebookDoc> = {}): void {
    const doc = this.state.doc;
    if (!doc) return;
    this.set({ doc: { ...doc, ...patch, cells }, save: 'unsaved' });
    this.syncKernel().catch((e: Error) => this.notify(e.message));
    this.scheduleSave();
  }

  setTitle(title: string): void {
    if (this.state.doc) this.edit(this.state.doc.cells, { title });
  }

  updateCell(id: string, patch: Partial<Pick<NotebookCell, 'params' | 'title'>>): void {
    const doc = this.state.doc;
    if (!doc) return;
    this.edit(doc.cells.map((c) => (c.id === id ? { ...c, ...patch } : c)));
  }

  /** A parameter (or code) edit by the user: the cell is theirs now, so it is trusted (like Jupyter). */
  setParams(id: string, params: Record<string, unknown>): void {
    this.trustCell(id);
    this.updateCell(id, { params });
  }

  private trustCell(id: string): void {
    const trust = this.state.trust;
    if (!trust.notebook && !trust.cells.includes(id)) this.set({ trust: { ...trust, cells: [...trust.cells, id] } });
  }

  insertCell(kind: string, at: { before?: string; after?: string } = {}): string {
    const doc = this.state.doc;
    if (!doc) return '';
    const cell = newCell(kind, this.state.kinds);
    const cells = [...doc.cells];
    let index = cells.length;
    if (at.before) index = Math.max(0, cells.findIndex((c) => c.id === at.before));
    else if (at.after) index = cells.findIndex((c) => c.id === at.after) + 1 || cells.length;
    cells.splice(index, 0, cell);
    this.trustCell(cell.id);
    this.set({ runs: { ...this.state.runs, [cell.id]: emptyRun() }, selected: cell.id });
    this.edit(cells);
    return cell.id;
  }

  deleteCell(id: string): void {
    const doc = this.state.doc;
    if (!doc) return;
    const index = doc.cells.findIndex((c) => c.id === id);
    if (index < 0) return;
    const cells = doc.cells.filter((c) => c.id !== id);
    const selected = cells[Math.min(index, cells.length - 1)]?.id ?? null;
    this.set({ selected });
    this.edit(cells);
  }

  moveCell(id: string, delta: number): void {
    const doc = this.state.doc;
    if (!doc) return;
    const i = doc.cells.findIndex((c) => c.id === id);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= doc.cells.length) return;
    const cells = [...doc.cells];
    [cells[i], cells[j]] = [cells[j], cells[i]];
    this.edit(cells);
  }

  duplicateCell(id: string): void {
    const doc = this.state.doc;
    if (!doc) return;
    const i = doc.cells.findIndex((c) => c.id === id);
    if (i < 0) return;
    const copy: NotebookCell = { ...structuredClone(doc.cells[i]), id: newCellId(), outputs: [] };
    if (this.state.trust.cells.includes(id)) this.trustCell(copy.id);
    const cells = [...doc.cells];
    cells.splice(i + 1, 0, copy);
    this.set({ runs: { ...this.state.runs, [copy.id]: emptyRun() }, selected: copy.id });
    this.edit(cells);
  }

  select(id: string | null, mode: State['mode'] = this.state.mode): void {
    if (id !== this.state.selected || mode !== this.state.mode) this.set({ selected: id, mode });
  }

  // --- running ------------------------------------------------------------

  private async track<T>(request: () => Promise<T>): Promise<T> {
    this.running++;
    const seq = ++this.runSeq;
    this.activeRuns.add(seq);
    this.set({ busy: true });
    try {
      await this.gate.catch(() => undefined);
      return await request();
    } catch (error) {
      if (!(error instanceof KernelRestarted)) this.notify(error instanceof Error ? error.message : String(error));
      throw error;
    } finally {
      this.activeRuns.delete(seq);
      if (--this.running === 0) this.set({ busy: false });
    }
  }

  async runAll(): Promise<void> {
    await this.track(() => this.kernel().request('runAll', {}));
  }

  async runCell(id: string): Promise<void> {
    await this.track(() => this.kernel().request('runCell', { id }));
  }

  async runTo(id: string): Promise<void> {
    await this.track(() => this.kernel().request('runTo', { id }));
  }

  async runNext(): Promise<string | null> {
    const r = await this.track(() => this.kernel().request('runNext', {}));
    if (r) this.select(r.cellId);
    return r?.cellId ?? null;
  }

  /**
   * Stop the running cell. Cells stop at their next check of the AbortSignal;
   * one that never checks (a busy loop in a code cell) blocks the worker, so
   * after a grace period the worker is replaced by a fresh one.
   */
  cancel(): void {
    const client = this.kernel();
    client.request('cancel', {}).catch(() => undefined);
    // Only the runs going on now count: a run started after Stop is not killed.
    const stopping = [...this.activeRuns];
    setTimeout(() => {
      if (this.client === client && stopping.some((r) => this.activeRuns.has(r))) void this.hardRestart();
    }, HARD_STOP_MS);
  }

  private async hardRestart(reason: 'stop' | 'memory' | 'crash' | 'webgpu' = 'stop'): Promise<void> {
    const old = this.client;
    const runs: Record<string, CellRun> = {};
    for (const [id, run] of Object.entries(this.state.runs)) {
      if (run.status === 'running') {
        const message = reason === 'stop' ? 'Stopped: the cell did not respond to Stop, so the kernel was restarted.' : 'Stopped: the kernel ran out of memory or crashed, so it was restarted.';
        const hint = reason === 'stop' ? 'In long loops of a code cell, check signal.aborted.' : 'Use less data (fewer rows or columns) and run again.';
        const outputs: CellOutput[] = [...run.outputs, { type: 'error', message, hint }];
        runs[id] = { ...run, status: 'cancelled', progress: undefined, outputs };
        this.setCellOutputs(id, outputs);
      } else runs[id] = { ...run, status: 'idle', progress: undefined, staleReason: undefined };
    }
    this.set({ runs, values: [], kernelReady: false });
    old?.terminate(new Error('The kernel was restarted.'));
    const backend = (this.state.backend || undefined) as BackendName | undefined;
    // Runs asked for meanwhile wait until the new kernel has the cells.
    const notebookId = this.state.notebookId;
    this.gate = this.connect(backend)
      .then(() => this.syncKernel())
      .then(() => (notebookId && this.client ? this.restoreModels(this.client, notebookId) : undefined));
    await this.gate;
    this.notify(reason === 'stop' ? 'The kernel was restarted because the running cell did not stop.' : reason === 'webgpu' ? t('webgpuRestarted') : 'The kernel was restarted.', 'info');
  }

  async restart(): Promise<void> {
    await this.kernel().request('restart', {});
  }

  async switchBackend(name: BackendName): Promise<void> {
    if (name === 'webgpu' && this.client?.mode === 'sandboxed' && pageHasWebGPU()) {
      // The sandbox has no GPU access: WebGPU means a fresh kernel on the app's origin.
      if (!window.confirm(t('webgpuConfirm'))) return;
      this.isolationPreferred = false;
      this.set({ backend: 'webgpu' });
      await this.store.setSetting('backend', name).catch(() => undefined);
      await this.hardRestart('webgpu');
      return;
    }
    try {
      const info = await this.kernel().request('switchBackend', { name });
      this.set({ backend: info.backend });
      await this.store.setSetting('backend', name).catch(() => undefined);
    } catch (error) {
      this.notify(error instanceof Error ? error.message : String(error));
    }
  }

  columns(name: string): Promise<string[] | null> {
    return this.kernel().request('columns', { name });
  }

  /** Stable (bound) for React props. */
  columnsOf = (name: string): Promise<string[] | null> => this.columns(name);

  /** Readable source of a typed cell, as last rendered by the worker. */
  sourceOf(id: string): string {
    return this.sources[id] ?? '';
  }

  valueText(name: string): Promise<string | null> {
    return this.kernel().request('valueText', { name });
  }

  /** A page of a whole table value in the kernel (sorted or not); null when the kernel does not hold it (e.g. after a restart). */
  tablePage(name: string, request: TablePageRequest): Promise<TablePage | null> {
    return this.kernel().request('tablePage', { name, ...request });
  }

  /** A kernel model as portable files (tfjs layers model or XGBoost JSON, with model.meta.json), or null. */
  modelFiles(name: string): Promise<{ name: string; data: Uint8Array | string }[] | null> {
    return this.kernel().request('modelFiles', { name });
  }

  tableParquet(name: string): Promise<Uint8Array | null> {
    return this.kernel().request('tableParquet', { name });
  }

  tableCsv(name: string): Promise<string | null> {
    return this.kernel().request('tableCsv', { name });
  }

  memory(): Promise<{ numTensors: number; numBytes: number }> {
    return this.kernel().request('memory', {});
  }

  // --- saving -------------------------------------------------------------

  /** The notebook as .ipynb text. Typed cells' sources come from the worker's last render. */
  serialize(): string {
    const doc = this.state.doc;
    if (!doc) return '';
    return serializeNotebook(doc, (cell) => this.sources[cell.id] ?? cell.jupyter.source);
  }

  /** Autosave: 400 ms after the last edit, and never later than ~900 ms after the first unsaved one. */
  private scheduleSave(): void {
    if (this.state.save !== 'unsaved') this.set({ save: 'unsaved' });
    const now = Date.now();
    this.dirtySince ??= now;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.saveNow(), Math.max(0, Math.min(400, this.dirtySince + 900 - now)));
  }

  /**
   * Leaving the page: an IndexedDB write started in pagehide may not commit
   * before the document goes away, so unsaved work is also written
   * synchronously to localStorage; the next start moves it into the store.
   */
  saveOnExit(): void {
    if (this.state.save === 'saved' && this.saveTimer === undefined) return;
    const record = this.record();
    if (record) {
      try {
        if (!this.state.conflict) localStorage.setItem(PENDING_KEY, JSON.stringify({ ...record, trust: this.state.trust, baseRevision: this.revision }));
      } catch {
        // Too big for localStorage, or storage disabled: the IndexedDB write below still runs.
      }
    }
    void this.flushSave();
  }

  private async recoverPendingSave(): Promise<void> {
    let raw: string | null = null;
    try {
      raw = localStorage.getItem(PENDING_KEY);
    } catch {
      return;
    }
    if (!raw) return;
    try {
      const { trust, baseRevision, ...record } = JSON.parse(raw) as NotebookRecord & { trust?: TrustState; baseRevision?: number };
      const current = await this.store.getNotebook(record.id);
      if (!current || current.updatedAt < record.updatedAt) {
        if (trust) await this.recordTrust(decodeNotebook(record.ipynb).doc.cells, trust).catch(() => undefined);
        try {
          await this.store.putNotebook(record, baseRevision === undefined ? {} : { expectedRevision: baseRevision });
        } catch (error) {
          if (!(error instanceof RevisionConflictError)) throw error;
          // Another tab saved it meanwhile: keep both (the unsaved edits as a copy).
          await this.store.putNotebook({ ...record, id: newId('user:'), title: `${record.title} (recovered)`, origin: undefined, revision: undefined });
        }
      }
    } catch {
      // A broken leftover is dropped.
    }
    try {
      localStorage.removeItem(PENDING_KEY);
    } catch {
      // ignore
    }
  }

  private record(): NotebookRecord | undefined {
    const doc = this.state.doc;
    const id = this.state.notebookId;
    if (!doc || !id) return undefined;
    return { id, title: doc.title || 'Untitled notebook', ipynb: this.serialize(), updatedAt: Date.now(), origin: this.state.origin };
  }

  async flushSave(): Promise<void> {
    if (this.saveTimer !== undefined) {
      clearTimeout(this.saveTimer);
      this.saveTimer = undefined;
      await this.saveNow();
    }
  }

  async saveNow(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    this.dirtySince = undefined;
    const doc = this.state.doc;
    const record = this.record();
    if (!doc || !record) return;
    const id = record.id;
    if (this.state.conflict) return;
    this.set({ save: 'saving' });
    try {
      // Trust first: a crash between the two leaves an extra hash, never a trusted notebook reopened untrusted.
      await this.recordTrust(doc.cells, this.state.trust).catch(() => undefined);
      const revision = await this.store.putNotebook(record, this.revision === undefined ? {} : { expectedRevision: this.revision });
      if (this.state.notebookId === id) this.revision = revision;
      try {
        this.channel?.postMessage({ type: 'saved', id, revision, tab: this.tabId });
      } catch {
        // closed channel
      }
      if (this.state.doc === doc) this.set({ save: 'saved', saveError: undefined });
      else this.set({ save: 'unsaved' });
      if (!this.state.userNotebooks.some((n) => n.id === id)) void this.refreshLists();
    } catch (error) {
      if (error instanceof RevisionConflictError) {
        this.set({ save: 'error', saveError: error.message, conflict: true });
        this.notify(`${error.message} Reload it here, or save your version as a copy.`);
        return;
      }
      // A full disk (StoreFullError) writes nothing: the last good save stays as it was.
      this.set({ save: 'error', saveError: error instanceof Error ? error.message : String(error) });
      this.notify(this.state.saveError!);
    }
  }

  // --- files --------------------------------------------------------------

  async uploadFile(file: File): Promise<FileRecord> {
    const record: FileRecord = { id: newId('file:'), name: file.name, type: file.type, size: file.size, blob: file, createdAt: Date.now() };
    await this.store.putFile(record);
    await this.refreshLists();
    this.notify(`Uploaded ${file.name}.`, 'info');
    return record;
  }

  async deleteFile(id: string): Promise<void> {
    await this.store.deleteFile(id);
    await this.refreshLists();
  }

  /** Add a load cell that reads an uploaded file (after the selected cell). */
  addLoadCellFor(file: Omit<FileRecord, 'blob'>): void {
    if (!this.state.kinds.some((k) => k.kind === 'load')) {
      this.notify('This build has no load cell yet; read the file in a code cell instead.');
      return;
    }
    const id = this.insertCell('load', this.state.selected ? { after: this.state.selected } : {});
    const cell = this.state.doc?.cells.find((c) => c.id === id);
    if (!cell) return;
    const base = file.name.replace(/\.[^.]+$/, '').replace(/[^A-Za-z0-9_]/g, '_').replace(/^(\d)/, '_$1') || 'data';
    this.setParams(id, { ...cell.params, source: { type: 'file', fileId: file.id, fileName: file.name }, output: base });
  }
}

export function welcomeNotebook(): NotebookDoc {
  const doc = blankNotebook('Welcome');
  const md: NotebookCell = {
    id: newCellId(),
    kind: 'markdown',
    params: { text: '# Welcome to ML Workbench\n\nOpen a course notebook from the sidebar, or add cells below.' },
    outputs: [],
    jupyter: { cellType: 'markdown', metadata: {}, source: '' },
  };
  doc.cells.push(md);
  return doc;
}
