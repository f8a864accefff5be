/// <reference lib="webworker" />
// The kernel worker: owns the Kernel, the cell registry and tfjs, answers the
// UI's requests and streams kernel events. The main thread only draws.
import { Kernel } from '../kernel/kernel.ts';
import { validateParams } from '../kernel/params.ts';
import { cellRegistry, renderSource } from '../cells/registry.ts';
import { activeBackend } from '../ml/backend.ts';
import { KernelBackend } from './kernelBackend.ts';
import { kindInfos } from './kindInfos.ts';
import { tf } from '../ml/tf.ts';
import { browserHost } from '../datasets/browser.ts';
import { IdbStore } from '../store/idb.ts';
import { MemoryStore } from '../store/memory.ts';
import { modelKey, type WorkbenchStore } from '../store/types.ts';
import type { TrainedModel } from '../core/values.ts';
import { describeThrown } from '../core/errors.ts';
import { failureOf } from './requestError.ts';
import { TAB_BUDGET, watchTensorBytes } from './memoryWatch.ts';
import { deserializeModel, isSerializable, serializeModel, type SavedModel } from './models.ts';
import type { NotebookCell } from '../notebook/model.ts';
import { lifecycleStores } from '../store/lifecycle.ts';
import { tablePage, type TablePageRequest } from '../data/tablePage.ts';
import type { RegistryStore } from '../lifecycle/registryStore.ts';
import { RUN_ARTIFACTS, runArtifactRef, type SavedArtifact } from '../lifecycle/artifacts.ts';
import { BackgroundSaves } from '../lifecycle/backgroundSaves.ts';
import { codedNotice, type CodedNotice } from '../core/messages.ts';
import { CellError } from '../core/errors.ts';
import { aliasParams, type RegistryRef } from './registryRefs.ts';
import { RegistryModels } from './registryModels.ts';
import { blockedOutput, isActiveCell, type TrustState } from './trust.ts';
import type { FromWorker, Request, RequestMap, SetCellsResult } from './protocol.ts';
import { isSandboxed } from './mode.ts';
import { exportPython } from '../export/python/notebook.ts';
import { tableToParquet } from '../export/parquet.ts';
import { modelDownloadFiles } from '../export/model-download.ts';
import { reportClose, WorkerChannel } from './channel.ts';
import { RemoteStore, remoteLifecycleStores } from '../store/remote.ts';
import { remoteHostServices, remoteWasmPaths } from './remoteHost.ts';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

declare const self: DedicatedWorkerGlobalScope;

// Requests come over the port the app hands over first (channel.ts). In the
// sandboxed frame (mode.ts) storage, fetching and the WASM binaries are host
// calls the app checks and performs (docs/security.md, "Isolation").
const channel = new WorkerChannel(self, isSandboxed(), (data) => onMessage(data));
reportClose(self, channel);

const localWasmPaths = {
  'tfjs-backend-wasm.wasm': wasmUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
};
/** Without them the WASM backend fails to load and the next backend is tried. */
const wasmPaths = () => (isSandboxed() ? remoteWasmPaths(channel.call).catch(() => undefined) : Promise.resolve(localWasmPaths));

const kernelBackend = new KernelBackend({ wasmPaths, post: (m) => post(m), cancelRuns: () => kernel.cancel() });

let storePromise: Promise<WorkbenchStore> | undefined;
const store = () => (storePromise ??= Promise.resolve(isSandboxed() ? new RemoteStore(channel.call) : typeof indexedDB === 'undefined' ? new MemoryStore() : new IdbStore()));

// --- the ML lifecycle: runs, registry, registered models --------------------

/** Saved models of registered versions live in the models store under this notebook id (not listed with any notebook). */
const REGISTRY_MODELS = 'registry';
const lifecycle = isSandboxed() ? remoteLifecycleStores(channel.call) : lifecycleStores();

/**
 * Run records and run models are written after their cell has finished, in
 * order (backgroundSaves.ts); the runs cells read wait for them, and so does
 * the reply to each run request (the app's runs panel and
 * window.workbench.runs() read the store once a run has finished).
 */
const saves = new BackgroundSaves((notice) => postNotice(notice));

/** A models/runs notice, in English with its catalogue code (the app says it in the student's language). */
function postNotice({ message, code, params }: CodedNotice): void {
  post({ kind: 'models', error: message, code, params });
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const runs = saves.runs(lifecycle.runs);

/**
 * The registry as cells see it: after a write (a register cell), the
 * registry references the notebook's cells read are brought up to date
 * before the cell returns, so a predict cell below a register cell in the
 * same run gets the version just registered.
 */
const registry: RegistryStore = {
  list: (name) => lifecycle.registry.list(name),
  get: (name, version) => lifecycle.registry.get(name, version),
  delete: (name, version) => lifecycle.registry.delete(name, version),
  async putMany(versions) {
    await lifecycle.registry.putMany(versions);
    const names = new Set(versions.map((v) => v.name));
    await registryModels.resolve(undefined, (ref) => names.has(ref.name)).catch(() => undefined);
  },
};

async function saveRegisteredModel(model: TrainedModel, name: string): Promise<string | undefined> {
  // Models that cannot be saved (e.g. ensembles) are registered without a modelRef.
  const s = isSerializable(model) ? await serializeModel(model) : undefined;
  if (!s) return undefined;
  const id = `${REGISTRY_MODELS}::${name}::${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  await (await store()).putModel({ id, notebookId: REGISTRY_MODELS, name, kind: model.modelType, cellId: '', size: s.size, createdAt: Date.now(), artifacts: s.artifacts });
  return id;
}

/**
 * Every train run's model, saved as the run's artifact under its own key
 * (runArtifactRef); undefined for models that cannot be saved yet. The model
 * is read now, while the cell holds it; the write is queued (the run record
 * queued after it says "not saved" if it fails).
 */
async function saveRunModel(model: TrainedModel, runId: string): Promise<SavedArtifact | undefined> {
  const s = isSerializable(model) ? await serializeModel(model) : undefined;
  if (!s) return undefined;
  const ref = runArtifactRef(runId);
  const record = { id: ref, notebookId: RUN_ARTIFACTS, name: runId, kind: model.modelType, cellId: '', size: s.size, createdAt: Date.now(), artifacts: s.artifacts };
  saves.artifact(ref, async () => (await store()).putModel(record));
  return { ref, bytes: s.size };
}

async function loadSavedModel(ref: string): Promise<TrainedModel> {
  const record = await (await store()).getModel(ref);
  if (!record) throw new Error(`There is no saved model "${ref}" in this browser.`);
  // tfjs models need a backend to hold their weights.
  await kernelBackend.whenReady();
  return deserializeModel(record.artifacts as SavedModel);
}

const kernel = new Kernel(
  cellRegistry,
  sandboxedHost(browserHost({
    memoryBudget: TAB_BUDGET,
    store,
    backend: () => activeBackend() || 'none',
    lifecycle: {
      runs,
      registry,
      endpoints: lifecycle.endpoints,
      saveModel: saveRegisteredModel,
      saveRunModel,
      loadModel: loadSavedModel,
      notebook: () => ({ id: notebookId ?? '', title: notebookTitle }),
    },
  })),
);

/** The registered models the cells read by reference (registryModels.ts). */
const registryModels = new RegistryModels({
  kernel,
  listVersions: () => lifecycle.registry.list(),
  loadModel: loadSavedModel,
  backendReady: () => kernelBackend.whenReady(),
});

/** A cell failed: if it reads a registry reference the kernel lacks, say why. */
async function explainMissingRefs(cellId: string): Promise<void> {
  for (const error of await registryModels.explainMissing(cellId)) {
    if (typeof error === 'string') post({ kind: 'models', error });
    else postNotice(error);
  }
}

function post(message: FromWorker): void {
  channel.post(message);
}

function sandboxedHost<H extends Parameters<typeof remoteHostServices>[0]>(host: H): H {
  return isSandboxed() ? remoteHostServices(host, channel.call) : host;
}

// A cell whose tensors outgrow the tab's budget is stopped with a message (memoryWatch.ts).
watchTensorBytes(kernel, TAB_BUDGET, () => tf.memory().numBytes);

/** What the UI says is trusted; until it says, nothing active runs. */
let trust: TrustState = { notebook: false, cells: [] };
kernel.setGuard((cell) => (trust.notebook || !isActiveCell(cell) || trust.cells.includes(cell.id) ? undefined : blockedOutput(cell)));

kernel.on((event) => {
  post({ kind: 'event', event });
  if (event.type === 'status' && event.status === 'done') saveModelsOf(event.cellId);
  if (event.type === 'status' && event.status === 'error' && registryModels.size) void explainMissingRefs(event.cellId);
});

// --- saved models ----------------------------------------------------------

/** The open notebook (models are saved under its id). */
let notebookId: string | null = null;
let notebookTitle = '';
let openSeq = 0;
/** Models put back from the store, by value name. */
const restored = new Map<string, TrainedModel>();
/** Models already in the store (saved or restored): not saved again. */
const inStore = new WeakSet<TrainedModel>();
/**
 * The notebook's models are saved in a chain of their own, after their cell:
 * nothing in a run waits for them (a register cell reads the run's artifact,
 * whose queue is `saves`).
 */
let saving: Promise<void> = Promise.resolve();

function saveModelsOf(cellId: string): void {
  const nb = notebookId;
  const state = kernel.cellState(cellId);
  if (!nb || !state) return;
  for (const name of state.writes) {
    const v = kernel.getValue(name);
    if (v?.type !== 'model' || inStore.has(v.model) || !isSerializable(v.model)) continue;
    const model = v.model;
    inStore.add(model);
    saving = saving.then(async () => {
      try {
        const s = await serializeModel(model);
        if (!s) return;
        await (await store()).putModel({ id: modelKey(nb, name), notebookId: nb, name, kind: model.modelType, cellId, size: s.size, createdAt: Date.now(), artifacts: s.artifacts });
        post({ kind: 'models', saved: name });
      } catch (error) {
        // A model replaced (and disposed) before it was read is simply not saved.
        if (kernel.getValue(name)?.type === 'model' && (kernel.getValue(name) as { model: TrainedModel }).model === model) {
          postNotice(codedNotice('models.notSaved', { name, reason: reasonOf(error) }));
        }
      }
    });
  }
}

async function openNotebook(id: string, title?: string): Promise<{ restored: string[] }> {
  const seq = ++openSeq;
  notebookId = id;
  if (title !== undefined) notebookTitle = title;
  restored.clear();
  await Promise.all([saving, saves.idle()]);
  // tfjs models need a backend to hold their weights.
  await kernelBackend.whenReady();
  const st = await store();
  const infos = await st.listModels(id);
  const names: string[] = [];
  for (const info of infos) {
    if (seq !== openSeq) break;
    if (kernel.getValue(info.name)) continue;
    try {
      const record = await st.getModel(info.id);
      if (!record || seq !== openSeq || kernel.getValue(info.name)) continue;
      const model = deserializeModel(record.artifacts as SavedModel);
      kernel.restoreValue(info.name, { type: 'model', model }, info.cellId);
      inStore.add(model);
      restored.set(info.name, model);
      names.push(info.name);
    } catch (error) {
      postNotice(codedNotice('models.notLoaded', { name: info.name, reason: reasonOf(error) }));
    }
  }
  return { restored: names };
}

/**
 * Cells to run for `id` when it reads a restored model: the cells that
 * rebuild its other missing inputs (load, split, transform, ...), found
 * backwards through what each writes, skipping the ones whose outputs the
 * kernel holds (the restored model's train cell). Otherwise just the cell.
 */
function planRun(id: string): string[] {
  const list = kernel.cells();
  const index = list.findIndex((c) => c.id === id);
  if (index < 0) return [id];
  const isRestored = (name: string) => {
    const v = kernel.getValue(name);
    return (v?.type === 'model' && restored.get(name) === v.model) || registryModels.has(name);
  };
  if (!list[index].reads.some(isRestored)) return [id];
  const need = new Set(list[index].reads.filter((n) => !kernel.getValue(n)));
  const plan: string[] = [];
  for (let j = index - 1; j >= 0 && need.size; j--) {
    const c = list[j];
    if (!c.writes.some((w) => need.has(w))) continue;
    plan.unshift(c.id);
    for (const w of c.writes) need.delete(w);
    for (const r of c.reads) if (!kernel.getValue(r)) need.add(r);
  }
  return [...plan, id];
}

async function runPlanned(id: string) {
  const plan = planRun(id);
  for (const step of plan.slice(0, -1)) {
    const r = await kernel.runCell(step);
    if (r.status !== 'done') return kernel.runCell(id);
  }
  return kernel.runCell(id);
}

function setCells(cells: NotebookCell[]): SetCellsResult {
  // Registry references become identifiers the kernel accepts (see registryRefs.ts).
  const refs = new Map<string, RegistryRef>();
  kernel.setCells(cells.map((c) => {
    const params = aliasParams(c.params, refs);
    return params === c.params ? c : { ...c, params };
  }));
  registryModels.setRefs(refs);
  const sources: Record<string, string> = {};
  const issues: SetCellsResult['issues'] = {};
  for (const cell of cells) {
    const def = cellRegistry.get(cell.kind);
    if (!def || cell.kind === 'foreign') continue;
    if (cell.kind !== 'markdown' && cell.kind !== 'code') sources[cell.id] = renderSource(cell);
    const r = validateParams(def, cell.params);
    if (!r.ok) issues[cell.id] = r.issues;
  }
  return { sources, issues };
}

/** A run's result, once the runs and models its cells queued are stored (the app reads them when the run has finished). */
async function afterSaves<T>(run: Promise<T>): Promise<T> {
  const result = await run;
  await saves.idle();
  return result;
}

async function handle(request: Request): Promise<unknown> {
  switch (request.type) {
    case 'init':
      return { kinds: kindInfos(), datasets: kernelDatasets() };
    case 'initBackend':
      return kernelBackend.init((request.params as RequestMap['initBackend']['params']).order);
    case 'switchBackend':
      return kernelBackend.switchTo((request.params as RequestMap['switchBackend']['params']).name);
    case 'setCells': {
      const p = request.params as RequestMap['setCells']['params'];
      if (p.title !== undefined) notebookTitle = p.title;
      if (p.trust) trust = { notebook: p.trust.notebook === true, cells: Array.isArray(p.trust.cells) ? p.trust.cells.filter((c) => typeof c === 'string') : [] };
      return setCells(p.cells);
    }
    case 'runCell': {
      await kernelBackend.whenReady();
      const { id } = request.params as { id: string };
      if (registryModels.size) {
        // A cell run on its own says why its registered model is missing.
        const errors = await registryModels.resolve([id]);
        // The first is the cell's error; any others are said as notices beside it.
        for (const other of errors.slice(1)) postNotice(other);
        if (errors.length) throw CellError.coded(errors[0].code, errors[0].params);
      }
      return afterSaves(runPlanned(id));
    }
    case 'openNotebook': {
      const p = request.params as RequestMap['openNotebook']['params'];
      return openNotebook(p.notebookId, p.title);
    }
    case 'runAll':
      await kernelBackend.whenReady();
      await registryModels.beforeRun();
      return afterSaves(kernel.runAll({ continueOnError: (request.params as { continueOnError?: boolean }).continueOnError }));
    case 'runTo':
      await kernelBackend.whenReady();
      await registryModels.beforeRun();
      return afterSaves(kernel.runTo((request.params as { id: string }).id));
    case 'runNext':
      await kernelBackend.whenReady();
      await registryModels.beforeRun();
      return afterSaves(kernel.runNext().then((r) => r ?? null));
    case 'cancel':
      kernel.cancel();
      return null;
    case 'restart':
      openSeq++;
      restored.clear();
      registryModels.forgetLoaded();
      await kernel.restart();
      return null;
    case 'cells':
      return kernel.cells();
    case 'columns': {
      const v = kernel.getValue((request.params as { name: string }).name);
      return v?.type === 'table' ? v.table.columnNames() : null;
    }
    case 'exportPython': {
      const { cells, title } = request.params as RequestMap['exportPython']['params'];
      return exportPython({ title, cells, metadata: {}, workbench: {}, nbformatMinor: 5 });
    }
    case 'modelFiles': {
      return modelDownloadFiles(kernel, (request.params as { name: string }).name);
    }
    case 'tableParquet': {
      const v = kernel.getValue((request.params as { name: string }).name);
      return v?.type === 'table' ? tableToParquet(v.table) : null;
    }
    case 'tableCsv': {
      const v = kernel.getValue((request.params as { name: string }).name);
      return v?.type === 'table' ? v.table.toCSV() : null;
    }
    case 'tablePage': {
      const { name, ...page } = request.params as { name: string } & TablePageRequest;
      const v = kernel.getValue(name);
      return v?.type === 'table' ? tablePage(v.table, page) : null;
    }
    case 'valueText': {
      const v = kernel.getValue((request.params as { name: string }).name);
      return v?.type === 'text' ? v.text : null;
    }
    case 'memory': {
      const m = tf.memory();
      return { numTensors: m.numTensors, numBytes: m.numBytes };
    }
  }
}

function kernelDatasets() {
  return browserHost({ store, backend: () => '' }).listDatasets().map(({ name, description }) => ({ name, description }));
}

function onMessage(data: unknown): void {
  const request = data as Request | null;
  if (!request || request.kind !== 'request') return;
  handle(request).then(
    (result) => post({ kind: 'response', id: request.id, ok: true, result }),
    (error: unknown) => post({ kind: 'response', id: request.id, ok: false, ...failureOf(error) }),
  );
}

self.addEventListener('unhandledrejection', (e) => {
  post({ kind: 'fatal', error: describeThrown(e.reason) });
});
