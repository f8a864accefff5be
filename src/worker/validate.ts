// The app's check of every message that comes from a kernel worker. In the
// sandboxed frame the worker runs notebook code, which can post anything on
// the port, so nothing it sends is used before its shape is checked here;
// anything else is dropped. Outputs are only checked to be typed objects, as
// outputs read from a notebook file are: the UI renders both as untrusted.
import type { FromFrame, FromWorker, HostCall, HostOp, RequestType } from './protocol.ts';

type Obj = Record<string, unknown>;

const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStr = (x: unknown): x is string => typeof x === 'string';
const isNum = (x: unknown): x is number => typeof x === 'number';
const optStr = (x: unknown) => x === undefined || isStr(x);
const optNum = (x: unknown) => x === undefined || isNum(x);
const isId = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) > 0;
/** A catalogued message's parameters: texts and numbers only. */
const optParams = (x: unknown) => x === undefined || (isObj(x) && Object.values(x).every((v) => isStr(v) || isNum(v)));

const STATUSES = new Set(['idle', 'queued', 'running', 'done', 'stale', 'error', 'cancelled']);
const BACKENDS = new Set(['webgpu', 'webgl', 'wasm', 'cpu']);
/** The host operations a sandboxed kernel may ask for (hostBridge.ts performs them). */
export const HOST_OPS: ReadonlySet<HostOp> = new Set<HostOp>([
  'readDataset', 'fetchSameOrigin', 'wasmBinaries', 'getFile', 'listModels', 'getModel', 'putModel',
  'listRuns', 'getRun', 'putRun', 'listVersions', 'getVersion', 'putVersions',
  'listEndpoints', 'getEndpoint', 'putEndpoint',
]);

const isOutput = (o: unknown) => isObj(o) && isStr(o.type);

function isProgress(p: unknown): boolean {
  if (!isObj(p) || !isStr(p.phase)) return false;
  if (!optNum(p.fraction) || !optStr(p.message) || !optNum(p.epoch) || !optNum(p.epochs) || !optNum(p.batch) || !optNum(p.batches) || !optNum(p.loss)) return false;
  if (!optStr(p.code) || !optParams(p.params)) return false;
  return p.metrics === undefined || (isObj(p.metrics) && Object.values(p.metrics).every(isNum));
}

function isKernelEvent(e: unknown): boolean {
  if (!isObj(e)) return false;
  if (e.type === 'values') return Array.isArray(e.values) && e.values.every((v) => isObj(v) && isStr(v.name) && isStr(v.type) && isStr(v.detail) && isStr(v.cellId));
  if (!isStr(e.cellId)) return false;
  switch (e.type) {
    case 'status':
      return isStr(e.status) && STATUSES.has(e.status) && optNum(e.durationMs) && optStr(e.staleReason);
    case 'output':
      return isOutput(e.output);
    case 'outputs':
      return Array.isArray(e.outputs) && e.outputs.every(isOutput);
    case 'progress':
      return isProgress(e.progress);
    default:
      return false;
  }
}

function isBackendInfo(i: unknown): boolean {
  return isObj(i) && isStr(i.backend) && Array.isArray(i.tried) && i.tried.every((t) => isObj(t) && isStr(t.name) && BACKENDS.has(t.name) && typeof t.ok === 'boolean' && optStr(t.error));
}

/** A message from a kernel worker, if it is one of the protocol's shapes; undefined otherwise. */
export function checkFromKernel(data: unknown): FromWorker | HostCall | undefined {
  if (!isObj(data)) return undefined;
  switch (data.kind) {
    case 'response':
      if (!isId(data.id)) return undefined;
      if (data.ok === true) return data as FromWorker;
      return data.ok === false && isStr(data.error) && optStr(data.code) && optStr(data.hint) && optParams(data.params) ? (data as FromWorker) : undefined;
    case 'event':
      return isKernelEvent(data.event) ? (data as FromWorker) : undefined;
    case 'backend':
      return isBackendInfo(data.info) ? (data as FromWorker) : undefined;
    case 'fatal':
      return isStr(data.error) && (data.dead === undefined || typeof data.dead === 'boolean') ? (data as FromWorker) : undefined;
    case 'notice':
      return isStr(data.message) ? (data as FromWorker) : undefined;
    case 'models':
      return optStr(data.saved) && optStr(data.error) && optStr(data.code) && optParams(data.params) ? (data as FromWorker) : undefined;
    case 'host':
      return isId(data.id) && isStr(data.op) && HOST_OPS.has(data.op as HostOp) && Array.isArray(data.args) ? (data as unknown as HostCall) : undefined;
    default:
      return undefined;
  }
}

const isStrArray = (x: unknown) => Array.isArray(x) && x.every(isStr);
const isRunResult = (r: unknown) => isObj(r) && isStr(r.cellId) && isStr(r.status) && STATUSES.has(r.status);
const orNull = (check: (x: unknown) => boolean) => (x: unknown) => x === null || check(x);

/** The shape of each request's result; a response that does not fit fails that request. */
const RESULTS: Partial<Record<RequestType, (x: unknown) => boolean>> = {
  init: (x) => isObj(x) && Array.isArray(x.kinds) && x.kinds.every((k) => isObj(k) && isStr(k.kind) && isStr(k.label) && isStr(k.description) && typeof k.runnable === 'boolean' && isObj(k.jsonSchema) && isObj(k.defaults))
    && Array.isArray(x.datasets) && x.datasets.every((d) => isObj(d) && isStr(d.name) && isStr(d.description)),
  initBackend: isBackendInfo,
  switchBackend: isBackendInfo,
  setCells: (x) => isObj(x) && isObj(x.sources) && Object.values(x.sources).every(isStr) && isObj(x.issues) && Object.values(x.issues).every(Array.isArray),
  runCell: isRunResult,
  runAll: (x) => Array.isArray(x) && x.every(isRunResult),
  runTo: (x) => Array.isArray(x) && x.every(isRunResult),
  runNext: orNull(isRunResult),
  cells: (x) => Array.isArray(x) && x.every((c) => isObj(c) && isStr(c.id) && isStr(c.kind) && isStr(c.status) && STATUSES.has(c.status) && Array.isArray(c.outputs) && c.outputs.every(isOutput) && isStrArray(c.reads) && isStrArray(c.writes)),
  columns: orNull(isStrArray),
  tableCsv: orNull(isStr),
  tableParquet: orNull((x) => x instanceof Uint8Array),
  modelFiles: orNull((x) => Array.isArray(x) && x.every((f) => isObj(f) && isStr(f.name) && /^[\w.-]+$/.test(f.name) && (isStr(f.data) || f.data instanceof Uint8Array))),
  valueText: orNull(isStr),
  memory: (x) => isObj(x) && isNum(x.numTensors) && isNum(x.numBytes),
  // The app names these models in its own notice: value names only (identifiers), never free text.
  openNotebook: (x) => isObj(x) && isStrArray(x.restored) && (x.restored as string[]).every((n) => /^[A-Za-z_$][\w$]{0,63}$/.test(n)),
  exportPython: (x) => isObj(x) && Array.isArray(x.cells) && x.cells.every((c) => isObj(c) && (c.type === 'code' || c.type === 'markdown') && isStr(c.source) && optStr(c.from))
    && isStrArray(x.files) && Array.isArray(x.todos) && x.todos.every((t) => isObj(t) && isStr(t.cell) && isStr(t.kind) && isStr(t.reason)),
};

/** Whether a response's result has the shape its request type promises (types without a check pass: they are the app's own requests, matched by id). */
export function checkResult(type: RequestType, result: unknown): boolean {
  const check = RESULTS[type];
  return !check || check(result);
}

/** A message from the sandboxed frame's own script, if it is one. */
export function checkFromFrame(data: unknown): FromFrame | undefined {
  if (!isObj(data)) return undefined;
  if (data.kind === 'frame-ready') return { kind: 'frame-ready' };
  if (data.kind === 'worker-error' && isStr(data.message)) return { kind: 'worker-error', message: data.message.slice(0, 2000) };
  return undefined;
}
