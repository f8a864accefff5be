// The typed message protocol between the UI (main thread) and the kernel
// worker. Requests carry an id and get exactly one response with that id;
// kernel events are streamed as they happen. Everything is plain data.
import type { NotebookCell } from '../notebook/model.ts';
import type { PythonExport } from '../export/python/notebook.ts';
import type { CellState, KernelEvent } from '../kernel/state.ts';
import type { RunResult } from '../kernel/kernel.ts';
import type { BackendAttempt, BackendName } from '../ml/backend.ts';
import type { ParamIssue } from '../kernel/params.ts';
import type { TrustState } from './trust.ts';
import type { FileRecord, ModelInfo, ModelRecord } from '../store/types.ts';
import type { RunRecord } from '../lifecycle/runs.ts';
import type { ModelVersion } from '../lifecycle/registry.ts';
import type { Endpoint } from '../lifecycle/endpoint.ts';
import type { TablePage, TablePageRequest } from '../data/tablePage.ts';

/** What the UI knows about a cell kind: enough to build its form without importing the engine. */
export interface KindInfo {
  kind: string;
  label: string;
  description: string;
  runnable: boolean;
  /** z.toJSONSchema(schema, {io: 'input'}) of the params. */
  jsonSchema: Record<string, unknown>;
  defaults: Record<string, unknown>;
}

export interface SetCellsResult {
  /** Readable source (renderSource) per cell id, for saving .ipynb. */
  sources: Record<string, string>;
  /** Parameter problems per cell id (empty arrays omitted). */
  issues: Record<string, ParamIssue[]>;
}

export interface BackendInfo {
  backend: string;
  tried: BackendAttempt[];
}

export interface RequestMap {
  init: { params: Record<string, never>; result: { kinds: KindInfo[]; datasets: { name: string; description: string }[] } };
  initBackend: { params: { order?: BackendName[] }; result: BackendInfo };
  switchBackend: { params: { name: BackendName }; result: BackendInfo };
  /** The cells (and, when it changed, the notebook's title, for run records), and what is trusted (untrusted active cells do not run). */
  setCells: { params: { cells: NotebookCell[]; title?: string; trust?: TrustState }; result: SetCellsResult };
  runCell: { params: { id: string }; result: RunResult };
  runAll: { params: { continueOnError?: boolean }; result: RunResult[] };
  runTo: { params: { id: string }; result: RunResult[] };
  runNext: { params: Record<string, never>; result: RunResult | null };
  cancel: { params: Record<string, never>; result: null };
  restart: { params: Record<string, never>; result: null };
  cells: { params: Record<string, never>; result: CellState[] };
  columns: { params: { name: string }; result: string[] | null };
  tableCsv: { params: { name: string }; result: string | null };
  /** A whole table value as the bytes of a Parquet file (src/export/parquet.ts); null when the kernel has no such table. */
  tableParquet: { params: { name: string }; result: Uint8Array | null };
  /** A model value as portable files (src/export/portable.ts: tfjs layers model or XGBoost JSON, and model.meta.json); null when there is no such model or its kind has no portable format. */
  modelFiles: { params: { name: string }; result: { name: string; data: Uint8Array | string }[] | null };
  /** Rows of a whole table value (sorted by one column, or in its own order), for the grid; null when the kernel has no such table. */
  tablePage: { params: { name: string } & TablePageRequest; result: TablePage | null };
  /** A text value's text (the model card's HTML), or null when the kernel has no such text value. */
  valueText: { params: { name: string }; result: string | null };
  memory: { params: Record<string, never>; result: { numTensors: number; numBytes: number } };
  /** The notebook now open: models trained in it are saved under its id, and its saved models are put back in the kernel. */
  openNotebook: { params: { notebookId: string; title?: string }; result: { restored: string[] } };
  /** The notebook as Python cells (src/export/python): made here, where the cell kinds are. */
  exportPython: { params: { cells: NotebookCell[]; title: string }; result: PythonExport };
}

export type RequestType = keyof RequestMap;

export type Request = { [K in RequestType]: { kind: 'request'; id: number; type: K; params: RequestMap[K]['params'] } }[RequestType];

export type Response =
  | { kind: 'response'; id: number; ok: true; result: unknown }
  | FailedResponse;

export type WorkerEvent =
  | { kind: 'event'; event: KernelEvent }
  | { kind: 'backend'; info: BackendInfo }
  | { kind: 'fatal'; error: string; dead?: boolean }
  /** Something the user should know (a lost GPU device and the backend that took over). */
  | { kind: 'notice'; message: string }
  /** A model was saved to (or failed to save to) the models store. */
  | { kind: 'models'; saved?: string; error?: string; code?: string; params?: Record<string, string | number> };

export type FromWorker = Response | WorkerEvent;

// --- isolation: the kernel in a sandboxed frame (docs/security.md) ----------

/** Where the kernel worker runs: in an opaque-origin sandboxed frame, or (the fallback) on the app's origin. */
export type IsolationMode = 'sandboxed' | 'same-origin';

/** The first message a kernel worker gets (on its global scope): the port every other message uses. */
export interface ConnectMessage {
  kind: 'connect';
}

/**
 * What a sandboxed kernel asks of the app, by operation: the only store,
 * lifecycle and network operations the app performs for it (hostBridge.ts
 * checks every argument and the scope). Bytes come back as transferred
 * ArrayBuffers; uploads as the Blob itself.
 */
export interface HostOpMap {
  readDataset: { args: [name: string]; result: Uint8Array };
  fetchSameOrigin: { args: [url: string]; result: Uint8Array };
  /** The tfjs WASM binaries by file name (tfjs-backend-wasm*.wasm). */
  wasmBinaries: { args: []; result: Record<string, ArrayBuffer> };
  getFile: { args: [id: string]; result: FileRecord | undefined };
  listModels: { args: [notebookId: string]; result: ModelInfo[] };
  getModel: { args: [id: string]; result: ModelRecord | undefined };
  putModel: { args: [record: ModelRecord]; result: void };
  listRuns: { args: []; result: RunRecord[] };
  getRun: { args: [id: string]; result: RunRecord | undefined };
  putRun: { args: [run: RunRecord]; result: void };
  listVersions: { args: [name?: string]; result: ModelVersion[] };
  getVersion: { args: [name: string, version: number]; result: ModelVersion | undefined };
  putVersions: { args: [versions: ModelVersion[]]; result: void };
  listEndpoints: { args: []; result: Endpoint[] };
  getEndpoint: { args: [name: string]; result: Endpoint | undefined };
  putEndpoint: { args: [endpoint: Endpoint]; result: void };
}

export type HostOp = keyof HostOpMap;

/** Kernel → app: one host operation; answered by exactly one HostReply with the same id. */
export interface HostCall {
  kind: 'host';
  id: number;
  op: HostOp;
  args: unknown[];
}

export type HostReply =
  | { kind: 'host-reply'; id: number; ok: true; result: unknown }
  /** A refusal or failure: the message, and a CellError's name, hint, catalogue code and parameters so the cell shows them as the app wrote them (in the UI language too). */
  | { kind: 'host-reply'; id: number; ok: false; error: string; name?: string; hint?: string; code?: string; params?: Record<string, string | number> };

/** Sandboxed frame → app (window messages): the frame loaded, or its worker raised an error event. */
export type FromFrame = { kind: 'frame-ready' } | { kind: 'worker-error'; message: string };

/** App → sandboxed frame: start the kernel from this classic script (the MessagePort travels with it). */
export interface StartMessage {
  kind: 'start';
  script: Blob;
}

/** A request that threw in the worker: its English message, and the catalogue code, parameters and hint when it has them (requestError.ts). */
export interface FailedResponse {
  kind: 'response';
  id: number;
  ok: false;
  error: string;
  code?: string;
  params?: Record<string, string | number>;
  hint?: string;
}
