// The kernel session: starting the worker (sandboxed frame or same origin),
// the backend, the run queue (busy, Stop with a hard restart when a cell does
// not stop), and kernel events turned into each cell's run state.
import { idleTurns } from '../idleQueue.ts';
import type { CellOutput, ErrorOutput } from '../../core/outputs.ts';
import { errorText } from '../errorText.ts';
import type { KernelEvent } from '../../kernel/state.ts';
import type { BackendName } from '../../ml/backend.ts';
import type { KernelClient } from '../../worker/client.ts';
import { KernelRestarted } from '../../worker/restarted.ts';
import type { IsolationMode, WorkerEvent } from '../../worker/protocol.ts';
import type { HostDeps } from '../../worker/hostBridge.ts';
import { KernelNotebooks, notebookScope } from '../../worker/hostScope.ts';
import type { LifecycleStores } from '../../store/lifecycle.ts';
import type { WorkbenchStore } from '../../store/types.ts';
import type { TablePage, TablePageRequest } from '../../data/tablePage.ts';
import type { CellRun, StateBox } from '../state.ts';
import { emptyRun } from '../state.ts';
import { loadLater, t } from '../i18n.ts';
import { nextRun, noteTables } from './runs.ts';
import { clearRunning, markRunning } from './crashMark.ts';

export const BACKEND_NAMES: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
const HARD_STOP_MS = 4000;

/** Messages of allocation failures (V8, typed arrays, WebAssembly, tfjs). */
const OUT_OF_MEMORY = /allocation failed|invalid (typed )?array( buffer)? length|out of memory|array buffer allocation|Cannot allocate|RangeError: Array buffer/i;

/** Whether this page could use WebGPU (the sandboxed kernel cannot: launch.ts). */
export function pageHasWebGPU(): boolean {
  return typeof navigator !== 'undefined' && (navigator as Navigator & { gpu?: unknown }).gpu !== undefined;
}

export interface SessionHooks {
  /** The app's store (a sandboxed kernel reaches it only through hostBridge.ts, scoped to its notebook). */
  store: WorkbenchStore;
  notify(message: string, kind?: 'error' | 'info'): void;
  /** Text the kernel sent: shown as the open notebook's words, never the app's. */
  kernelSays(message: string): void;
  /** A cell's final outputs: kept in the document (saved with it), not an edit. */
  setCellOutputs(id: string, outputs: CellOutput[]): void;
  /** Send the document to a fresh kernel. */
  syncKernel(): Promise<void>;
  refreshModels(): Promise<void>;
  refreshStorage(): void;
  /** A run finished: runs and registry may have changed. */
  lifecycleChanged(): void;
  setBackendSetting(name: BackendName): Promise<void>;
}

export class KernelSession {
  client: KernelClient | undefined;
  /** Settles when a restarted kernel has its cells again; runs wait for it. */
  gate: Promise<unknown> = Promise.resolve();
  private running = 0;
  private runSeq = 0;
  private activeRuns = new Set<number>();
  private isolationNoticed = false;
  /** False once the user chose WebGPU, which the sandboxed kernel cannot use (launch.ts): later kernels start on the app's origin. */
  isolationPreferred = true;
  private nanStopped = new Set<string>();
  /** The cell whose run is marked in localStorage (crashMark.ts). */
  private markedCell: string | undefined;
  /** The notebook the kernel is switching away from (hostScope.ts): reachable only until the switch is done. */
  private readonly kernelNotebooks = new KernelNotebooks();
  private hostLifecycle: Promise<LifecycleStores> | undefined;

  constructor(private readonly box: StateBox, private readonly hooks: SessionHooks) {}

  kernel(): KernelClient {
    if (!this.client) throw new Error('The kernel is not started yet.');
    return this.client;
  }

  /** Where the kernel runs now; undefined until it has started. */
  isolation(): IsolationMode | undefined {
    return this.client?.mode;
  }

  /** The latest start of a kernel (the first, or a restart's): what whenConnected() waits for. */
  private connecting: Promise<KernelClient> | undefined;

  /**
   * The kernel once it has started: the app paints the last notebook while the
   * kernel worker still loads (bench app/first-usable-notebook-cached), so
   * requests made that early wait here instead of failing.
   */
  whenConnected(): Promise<KernelClient> {
    return this.connecting ?? Promise.reject(new Error('The kernel is not started yet.'));
  }

  /** Start a kernel worker; the backend initialises in the background (runs wait for it in the worker). */
  connect(preferred?: BackendName): Promise<KernelClient> {
    const started = this.start(preferred);
    this.connecting = started;
    return started;
  }

  private async start(preferred?: BackendName): Promise<KernelClient> {
    // The launcher (frame, message checks, client) loads beside the shell, not in its first script.
    const { startKernel } = await import('../../worker/launch.ts');
    const { client, init, fallback } = await startKernel(() => this.hostDeps(), { isolation: this.isolationPreferred });
    this.client = client;
    client.on((e) => {
      if (this.client === client) this.onWorker(e);
    });
    if (fallback && !this.isolationNoticed) {
      this.isolationNoticed = true;
      // The notice's words load with editing (i18n-later.ts); the kernel may come up first.
      void loadLater().catch(() => undefined).then(() => this.hooks.notify(t('kernelUnsandboxed', { reason: fallback }), 'info'));
    }
    this.box.set({ kinds: init.kinds, datasets: init.datasets, kernelReady: true });
    const order: BackendName[] | undefined = preferred ? [preferred, ...BACKEND_NAMES.filter((b) => b !== preferred)] : undefined;
    client.request('initBackend', { order }).catch((error: unknown) => this.notifyFailure(error));
    return client;
  }

  /** A failed request's notice, in the UI language when the error is catalogued (errorText.ts). */
  private notifyFailure(error: unknown): void {
    void errorText(error).then((text) => this.hooks.notify(text));
  }

  /** What a sandboxed kernel may reach through the app (src/worker/hostBridge.ts checks every call against it). */
  private hostDeps(): HostDeps {
    return {
      store: this.hooks.store,
      lifecycle: () => (this.hostLifecycle ??= import('../../store/lifecycle.ts').then((m) => m.lifecycleStores())),
      scope: notebookScope(() => ({ cells: this.box.state.doc?.cells ?? [], trust: this.box.state.trust, notebookId: this.box.state.notebookId }), this.kernelNotebooks),
    };
  }

  /** The open notebook's saved models come back into a (fresh) kernel; the kernel's reach moves to this notebook. */
  async restoreModels(client: KernelClient, notebookId: string): Promise<void> {
    const switched = this.kernelNotebooks.switchTo(notebookId);
    try {
      const { restored } = await client.request('openNotebook', { notebookId, title: this.box.state.doc?.title ?? '' });
      if (restored.length && this.box.state.notebookId === notebookId) this.hooks.notify(t(restored.length > 1 ? 'modelsRestored' : 'modelRestored', { names: restored.join(', ') }), 'info');
    } catch (error) {
      if (!(error instanceof KernelRestarted)) this.notifyFailure(error);
    } finally {
      switched();
    }
  }

  // --- running ---------------------------------------------------------------

  private async track<T>(request: () => Promise<T>): Promise<T> {
    this.running++;
    const seq = ++this.runSeq;
    this.activeRuns.add(seq);
    this.box.set({ busy: true });
    // Figures and editors below the screen wait for the run to end (idleQueue.ts).
    idleTurns.hold(true);
    try {
      await this.gate.catch(() => undefined);
      return await request();
    } catch (error) {
      if (!(error instanceof KernelRestarted)) this.notifyFailure(error);
      throw error;
    } finally {
      this.activeRuns.delete(seq);
      if (--this.running === 0) {
        this.box.set({ busy: false });
        idleTurns.hold(false);
      }
      // The kernel answers a run once the runs its cells recorded are stored (they are written after each cell): show them.
      this.hooks.lifecycleChanged();
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

  async hardRestart(reason: 'stop' | 'memory' | 'crash' | 'webgpu' = 'stop'): Promise<void> {
    const old = this.client;
    const runs: Record<string, CellRun> = {};
    for (const [id, run] of Object.entries(this.box.state.runs)) {
      if (run.status === 'running') {
        const outputs: CellOutput[] = [...run.outputs, restartedOutput(reason)];
        runs[id] = { ...run, status: 'cancelled', progress: undefined, outputs };
        this.hooks.setCellOutputs(id, outputs);
      } else runs[id] = { ...run, status: 'idle', progress: undefined, staleReason: undefined };
    }
    this.box.set({ runs, values: [], kernelReady: false });
    clearRunning();
    this.markedCell = undefined;
    old?.terminate(new Error('The kernel was restarted.'));
    const backend = (this.box.state.backend || undefined) as BackendName | undefined;
    // Runs asked for meanwhile wait until the new kernel has the cells.
    const notebookId = this.box.state.notebookId;
    this.gate = this.connect(backend)
      .then(() => this.hooks.syncKernel())
      .then(() => (notebookId && this.client ? this.restoreModels(this.client, notebookId) : undefined));
    await this.gate;
    this.hooks.notify(t(reason === 'stop' ? 'kernelRestartedStop' : reason === 'webgpu' ? 'webgpuRestarted' : 'kernelRestarted'), 'info');
  }

  async restart(): Promise<void> {
    await this.kernel().request('restart', {});
  }

  async switchBackend(name: BackendName): Promise<void> {
    if (name === 'webgpu' && this.client?.mode === 'sandboxed' && pageHasWebGPU()) {
      // The sandbox has no GPU access: WebGPU means a fresh kernel on the app's origin.
      if (!window.confirm(t('webgpuConfirm'))) return;
      this.isolationPreferred = false;
      this.box.set({ backend: 'webgpu' });
      await this.hooks.setBackendSetting(name);
      await this.hardRestart('webgpu');
      return;
    }
    try {
      const info = await this.kernel().request('switchBackend', { name });
      this.box.set({ backend: info.backend });
      await this.hooks.setBackendSetting(name);
    } catch (error) {
      this.notifyFailure(error);
    }
  }

  // --- values ----------------------------------------------------------------

  async columns(name: string): Promise<string[] | null> {
    return (await this.whenConnected()).request('columns', { name });
  }

  async valueText(name: string): Promise<string | null> {
    return (await this.whenConnected()).request('valueText', { name });
  }

  async tablePage(name: string, request: TablePageRequest): Promise<TablePage | null> {
    return (await this.whenConnected()).request('tablePage', { name, ...request });
  }

  async tableCsv(name: string): Promise<string | null> {
    return (await this.whenConnected()).request('tableCsv', { name });
  }

  async memory(): Promise<{ numTensors: number; numBytes: number }> {
    return (await this.whenConnected()).request('memory', {});
  }

  // --- events ----------------------------------------------------------------

  private onWorker(e: WorkerEvent): void {
    if (e.kind === 'backend') {
      this.box.set({ backend: e.info.backend, backendTried: e.info.tried });
      return;
    }
    if (e.kind === 'fatal') {
      this.hooks.kernelSays(e.error);
      // The worker itself died (a crash, memory, a cell that called close()): requests would hang; start a fresh one.
      if (e.dead) void this.hardRestart('crash');
      return;
    }
    if (e.kind === 'notice') {
      this.hooks.kernelSays(e.message);
      return;
    }
    if (e.kind === 'models') {
      // A catalogued notice is said in the UI language (the code and its parameters were checked by validate.ts).
      if (e.error) void errorText(Object.assign(new Error(e.error), { code: e.code, params: e.params })).then((text) => this.hooks.kernelSays(text));
      void this.hooks.refreshModels().then(() => this.hooks.refreshStorage());
      return;
    }
    this.onKernel(e.event);
  }

  onKernel(event: KernelEvent): void {
    if (event.type === 'values') {
      // Every cell's props include the values: an empty list again is no change (a restart of a fresh kernel).
      if (event.values.length === 0 && this.box.state.values.length === 0) return;
      this.box.set({ values: event.values });
      return;
    }
    const id = event.cellId;
    const run = this.box.state.runs[id] ?? emptyRun();
    const next = nextRun(run, event);
    if (event.type === 'status') {
      if (event.status === 'running') {
        this.nanStopped.delete(id);
        if (this.box.state.notebookId) markRunning({ notebookId: this.box.state.notebookId, cellId: id });
        this.markedCell = id;
      } else if (id === this.markedCell && event.status !== 'queued') {
        clearRunning();
        this.markedCell = undefined;
      }
      // Train/tune/crossval cells record runs and register cells versions as they finish.
      if (event.status === 'done' || event.status === 'error' || event.status === 'cancelled') this.hooks.lifecycleChanged();
    } else if (event.type === 'outputs') {
      this.checkMemory(id, event.outputs);
      this.hooks.setCellOutputs(id, event.outputs);
      const tables = noteTables(event.outputs, this.box.state.tableColumns, this.box.state.tableTypes);
      if (tables.columns !== this.box.state.tableColumns) this.box.set({ tableColumns: tables.columns, tableTypes: tables.types });
    } else if (event.type === 'progress') {
      const p = event.progress;
      if (p.loss !== undefined && !Number.isFinite(p.loss) && !this.nanStopped.has(id)) {
        this.nanStopped.add(id);
        this.hooks.notify(p.epoch !== undefined ? t('trainingDivergedAt', { loss: String(p.loss), epoch: p.epoch }) : t('trainingDiverged', { loss: String(p.loss) }));
        this.cancel();
      }
    }
    this.box.set({ runs: { ...this.box.state.runs, [id]: next } });
  }

  /** An allocation failure in the worker (a table too large for memory): say so and start a fresh kernel. */
  private checkMemory(cellId: string, outputs: CellOutput[]): void {
    const error = outputs.find((o) => o.type === 'error');
    if (!error || error.type !== 'error' || !OUT_OF_MEMORY.test(error.message)) return;
    this.hooks.notify(t(cellId ? 'outOfMemoryCell' : 'outOfMemoryKernel', { message: error.message }));
    // After this event's own state update (the cell's outputs), or that update would undo the restart's.
    queueMicrotask(() => void this.hardRestart('memory'));
  }
}

/**
 * The error a running cell gets when the kernel is replaced under it. The
 * English is the catalogue's (src/core/messages.ts, not loaded on the first
 * screen); the code lets a Korean UI show its own (i18n-errors.ts).
 */
export function restartedOutput(reason: 'stop' | 'memory' | 'crash' | 'webgpu'): ErrorOutput {
  return reason === 'stop'
    ? { type: 'error', message: 'Stopped: the cell did not respond to Stop, so the kernel was restarted.', hint: 'In long loops of a code cell, check signal.aborted.', code: 'kernel.stoppedUnresponsive', params: {} }
    : { type: 'error', message: 'Stopped: the kernel ran out of memory or crashed, so it was restarted.', hint: 'Use less data (fewer rows or columns) and run again.', code: 'kernel.stoppedCrashed', params: {} };
}
