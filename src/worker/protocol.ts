// The typed message protocol between the UI (main thread) and the kernel
// worker. Requests carry an id and get exactly one response with that id;
// kernel events are streamed as they happen. Everything is plain data.
import type { NotebookCell } from '../notebook/model.ts';
import type { CellState, KernelEvent } from '../kernel/state.ts';
import type { RunResult } from '../kernel/kernel.ts';
import type { BackendAttempt, BackendName } from '../ml/backend.ts';
import type { ParamIssue } from '../kernel/params.ts';
import type { TrustState } from './trust.ts';
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
  /** Rows of a whole table value (sorted by one column, or in its own order), for the grid; null when the kernel has no such table. */
  tablePage: { params: { name: string } & TablePageRequest; result: TablePage | null };
  /** A text value's text (the model card's HTML), or null when the kernel has no such text value. */
  valueText: { params: { name: string }; result: string | null };
  memory: { params: Record<string, never>; result: { numTensors: number; numBytes: number } };
  /** The notebook now open: models trained in it are saved under its id, and its saved models are put back in the kernel. */
  openNotebook: { params: { notebookId: string; title?: string }; result: { restored: string[] } };
}

export type RequestType = keyof RequestMap;

export type Request = { [K in RequestType]: { kind: 'request'; id: number; type: K; params: RequestMap[K]['params'] } }[RequestType];

export type Response =
  | { kind: 'response'; id: number; ok: true; result: unknown }
  | { kind: 'response'; id: number; ok: false; error: string };

export type WorkerEvent =
  | { kind: 'event'; event: KernelEvent }
  | { kind: 'backend'; info: BackendInfo }
  | { kind: 'fatal'; error: string; dead?: boolean }
  /** Something the user should know (a lost GPU device and the backend that took over). */
  | { kind: 'notice'; message: string }
  /** A model was saved to (or failed to save to) the models store. */
  | { kind: 'models'; saved?: string; error?: string };

export type FromWorker = Response | WorkerEvent;
