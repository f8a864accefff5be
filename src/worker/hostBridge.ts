// The app's side of a sandboxed kernel's host calls (docs/security.md,
// "Isolation"). The kernel runs notebook code, so every call is treated as
// untrusted: the operation must be on the allow-list (validate.ts HOST_OPS),
// every argument is checked, and the call is scoped to what the open
// notebook owns — its uploads, URLs of its trusted cells, its saved models,
// its runs and their saved models, the registered names it owns — plus the
// registry's versions and the models they point at, shared for reading
// (hostOwnership.ts). Nothing else of the app's store (notebooks, settings,
// the file list) is reachable.
import type { HostCall, HostOp } from './protocol.ts';
import { HOST_OPS } from './validate.ts';
import { modelKey, type ModelRecord, type WorkbenchStore } from '../store/types.ts';
import type { LifecycleStores } from '../store/lifecycle.ts';
import { browserHost } from '../datasets/browser.ts';
import { RUN_ARTIFACTS, runArtifactRef } from '../lifecycle/artifacts.ts';
import { validateRun } from '../lifecycle/runs.ts';
import { endpointSchema } from '../lifecycle/endpoint.ts';
import { HostRefusedError, modelNamespace, Ownership, REGISTRY_MODELS, runVisible } from './hostOwnership.ts';
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

export { HostRefusedError };

const WASM: Record<string, string> = {
  'tfjs-backend-wasm.wasm': wasmUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
};

/** What the open notebook lets its kernel reach; the controller answers from its state. */
export interface HostScope {
  /** The notebooks whose saved models, runs and registered names this kernel may read and write: the open one (and, while the kernel switches, the one before). */
  notebookIds(): ReadonlySet<string>;
  /** Whether the open notebook's cells refer to this upload. */
  fileAllowed(id: string): boolean;
  /** Whether a trusted cell of the open notebook loads this URL. */
  urlAllowed(url: string): boolean;
}

export interface HostDeps {
  store: WorkbenchStore;
  lifecycle: () => Promise<LifecycleStores>;
  scope: HostScope;
}

export interface HostAnswer {
  result: unknown;
  transfer: Transferable[];
}

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);

function str(args: unknown[], i: number, what: string): string {
  const v = args[i];
  if (typeof v !== 'string' || v.length > 4096) throw new HostRefusedError(`Bad host call: ${what} must be a string.`);
  return v;
}

function arity(op: HostOp, args: unknown[], min: number, max = min): void {
  if (args.length < min || args.length > max) throw new HostRefusedError(`Bad host call: ${op} takes ${min === max ? min : `${min} to ${max}`} arguments.`);
}

function bytes(data: Uint8Array): HostAnswer {
  return { result: data, transfer: [data.buffer] };
}

function checkModelRecord(x: unknown, allowed: ReadonlySet<string>): ModelRecord {
  if (!isObj(x)) throw new HostRefusedError('Bad host call: a saved model must be an object.');
  for (const k of ['id', 'notebookId', 'name', 'kind', 'cellId'] as const) if (typeof x[k] !== 'string') throw new HostRefusedError(`Bad host call: a saved model's ${k} must be a string.`);
  for (const k of ['size', 'createdAt'] as const) if (typeof x[k] !== 'number' || !Number.isFinite(x[k])) throw new HostRefusedError(`Bad host call: a saved model's ${k} must be a number.`);
  if (!('artifacts' in x)) throw new HostRefusedError('Bad host call: a saved model needs its artifacts.');
  const r = x as unknown as ModelRecord;
  const keyOk =
    r.notebookId === REGISTRY_MODELS ? r.id.startsWith(`${REGISTRY_MODELS}::`)
    : r.notebookId === RUN_ARTIFACTS ? r.id === runArtifactRef(r.name)
    : allowed.has(r.notebookId) && r.id === modelKey(r.notebookId, r.name);
  if (!keyOk) throw new HostRefusedError(`The kernel may not save the model "${r.id}": it belongs to no notebook open in this kernel.`);
  return { id: r.id, notebookId: r.notebookId, name: r.name, kind: r.kind, cellId: r.cellId, size: r.size, createdAt: r.createdAt, artifacts: r.artifacts };
}

/** Performs a checked host call; throws HostRefusedError (or the store's own error) otherwise. */
export function hostBridge(deps: HostDeps): (call: HostCall) => Promise<HostAnswer> {
  const host = browserHost({ store: async () => deps.store, backend: () => '' });
  const ownership = async () => new Ownership(deps.scope.notebookIds(), await deps.lifecycle());
  const shared = (namespace: string) => namespace === REGISTRY_MODELS || namespace === RUN_ARTIFACTS;

  return async ({ op, args }) => {
    if (!HOST_OPS.has(op)) throw new HostRefusedError(`The kernel may not ask the app for "${String(op)}".`);
    switch (op) {
      case 'readDataset':
        arity(op, args, 1);
        return bytes(await host.readDataset(str(args, 0, 'the dataset name')));
      case 'fetchSameOrigin': {
        arity(op, args, 1);
        const url = str(args, 0, 'the URL');
        if (!deps.scope.urlAllowed(url)) throw new HostRefusedError(`The kernel may load "${url}" only for a trusted cell of the open notebook that names it.`);
        return bytes(await host.fetchSameOrigin(url));
      }
      case 'wasmBinaries': {
        arity(op, args, 0);
        const entries = await Promise.all(Object.entries(WASM).map(async ([name, url]) => [name, (await host.fetchSameOrigin(url)).buffer] as const));
        return { result: Object.fromEntries(entries), transfer: entries.map(([, buffer]) => buffer as ArrayBuffer) };
      }
      case 'getFile': {
        arity(op, args, 1);
        const id = str(args, 0, 'the upload id');
        // Same answer as for a missing file: the kernel learns nothing about other uploads.
        if (!deps.scope.fileAllowed(id)) return { result: undefined, transfer: [] };
        return { result: await deps.store.getFile(id), transfer: [] };
      }
      case 'listModels': {
        arity(op, args, 1);
        const notebookId = str(args, 0, 'the notebook id');
        if (!deps.scope.notebookIds().has(notebookId)) throw new HostRefusedError(`The kernel may not list the models of notebook "${notebookId}".`);
        return { result: await deps.store.listModels(notebookId), transfer: [] };
      }
      case 'getModel': {
        arity(op, args, 1);
        const id = str(args, 0, 'the model id');
        const namespace = modelNamespace(id);
        const allowed = shared(namespace) ? await (await ownership()).mayReadShared(id) : deps.scope.notebookIds().has(namespace);
        if (!allowed) throw new HostRefusedError(`The kernel may not read the saved model "${id}".`);
        const record = await deps.store.getModel(id);
        return { result: record && record.notebookId === namespace ? record : undefined, transfer: [] };
      }
      case 'putModel': {
        arity(op, args, 1);
        const record = checkModelRecord(args[0], deps.scope.notebookIds());
        if (shared(record.notebookId)) await (await ownership()).checkSharedWrite(record.id, record.name, (await deps.store.getModel(record.id)) !== undefined);
        return { result: await deps.store.putModel(record), transfer: [] };
      }
      case 'listRuns': {
        arity(op, args, 0);
        const notebooks = deps.scope.notebookIds();
        return { result: (await (await deps.lifecycle()).runs.list()).filter((r) => runVisible(r, notebooks)), transfer: [] };
      }
      case 'getRun': {
        arity(op, args, 1);
        const run = await (await deps.lifecycle()).runs.get(str(args, 0, 'the run id'));
        // Another notebook's run reads as a missing one: the kernel learns nothing about it.
        return { result: run && runVisible(run, deps.scope.notebookIds()) ? run : undefined, transfer: [] };
      }
      case 'putRun': {
        arity(op, args, 1);
        const run = args[0];
        if (!isObj(run) || typeof run.id !== 'string' || typeof run.notebookId !== 'string') throw new HostRefusedError('Bad host call: a run needs an id and a notebookId.');
        const runs = (await deps.lifecycle()).runs;
        const ids = new Set([...deps.scope.notebookIds(), '']);
        const stored = await runs.get(run.id);
        if (!ids.has(run.notebookId) || (stored && !ids.has(stored.notebookId))) throw new HostRefusedError(`The kernel may not write the run "${run.id}": it belongs to no notebook open in this kernel.`);
        return { result: await runs.put(validateRun(run)), transfer: [] };
      }
      case 'listVersions':
        arity(op, args, 0, 1);
        return { result: await (await deps.lifecycle()).registry.list(args.length ? str(args, 0, 'the model name') : undefined), transfer: [] };
      case 'getVersion': {
        arity(op, args, 2);
        const version = args[1];
        if (!Number.isSafeInteger(version)) throw new HostRefusedError('Bad host call: a version must be an integer.');
        return { result: await (await deps.lifecycle()).registry.get(str(args, 0, 'the model name'), version as number), transfer: [] };
      }
      case 'putVersions': {
        arity(op, args, 1);
        if (!Array.isArray(args[0])) throw new HostRefusedError('Bad host call: versions must be a list.');
        const versions = await (await ownership()).checkVersions(args[0]);
        return { result: await (await deps.lifecycle()).registry.putMany(versions), transfer: [] };
      }
      // Endpoints belong to the notebook that deployed them: the kernel sees and changes only its own notebook's.
      case 'listEndpoints': {
        arity(op, args, 0);
        const notebooks = deps.scope.notebookIds();
        return { result: (await (await deps.lifecycle()).endpoints.list()).filter((e) => notebooks.has(e.notebookId)), transfer: [] };
      }
      case 'getEndpoint': {
        arity(op, args, 1);
        const endpoint = await (await deps.lifecycle()).endpoints.get(str(args, 0, 'the endpoint name'));
        // Another notebook's endpoint reads as a missing one.
        return { result: endpoint && deps.scope.notebookIds().has(endpoint.notebookId) ? endpoint : undefined, transfer: [] };
      }
      case 'putEndpoint': {
        arity(op, args, 1);
        const parsed = endpointSchema.safeParse(args[0]);
        if (!parsed.success) throw new HostRefusedError(`Bad host call: not a valid endpoint (${parsed.error.issues[0]?.path.join('.') || 'record'}: ${parsed.error.issues[0]?.message ?? 'invalid'}).`);
        const endpoints = (await deps.lifecycle()).endpoints;
        const stored = await endpoints.get(parsed.data.name);
        const ids = deps.scope.notebookIds();
        if (!ids.has(parsed.data.notebookId) || (stored && !ids.has(stored.notebookId))) {
          throw new HostRefusedError(`The endpoint "${parsed.data.name}" belongs to another notebook: deploy under another name.`);
        }
        return { result: await endpoints.put(parsed.data), transfer: [] };
      }
    }
  };
}
