// The kernel of the headless runner: a child process under Node's
// permission model (src/cli/kernelProcess.ts starts it) that runs the
// notebooks the runner sends it over IPC, one at a time, and reports every
// cell's status. The runner (src/cli/supervisor.ts) kills it when a cell
// runs past its timeout; a cell waiting on a promise that never settles lets
// the event loop run empty, and the process ends by itself (its IPC channel
// is unreferenced while a notebook runs), which the runner reports as such.
import { Kernel } from '../kernel/kernel.ts';
import { cellRegistry } from '../cells/registry.ts';
import { initBackend } from '../ml/backend.ts';
import { CellError, describeThrown } from '../core/errors.ts';
import { nodeHost } from './nodeHost.ts';
import { safeJsonClone, type ThreadMessage, type ThreadRequest } from './threadProtocol.ts';

const send = process.send?.bind(process);
if (!send) throw new Error('src/cli/thread.ts runs as the kernel process of the headless runner (started with an IPC channel).');
// Kept before the lock-down below, out of the cells' reach.
const exitNow = process.exit.bind(process);
const channel = (process as { channel?: { ref(): void; unref(): void } }).channel;

function post(message: ThreadMessage): void {
  try {
    send!(message);
  } catch {
    // An output holding something structured clone refuses (a function in a figure spec): send its JSON.
    send!(safeJsonClone(message));
  }
}

// A cell may not end or signal processes: process.exit(0) would end the
// kernel as if the notebook had run out of work, and process.kill could stop
// the runner itself. Each becomes that cell's error (the permission model
// already refuses files, processes, workers and addons).
function refuse(code: 'code.exitDenied' | 'code.killDenied', call: string): () => never {
  return () => {
    throw CellError.coded(code, { call });
  };
}
const lockedProcess = process as unknown as Record<string, unknown>;
lockedProcess.exit = refuse('code.exitDenied', 'process.exit');
lockedProcess.reallyExit = refuse('code.exitDenied', 'process.reallyExit');
lockedProcess.abort = refuse('code.exitDenied', 'process.abort');
lockedProcess.kill = refuse('code.killDenied', 'process.kill');
lockedProcess._kill = refuse('code.killDenied', 'process._kill');
// The runner has gone (killed, or it ended): nothing is left to report to.
process.on('disconnect', () => exitNow(0));

// A cell's floating promise or timer may fail after the cell has finished;
// that must not end the thread (the cell's own errors reach the kernel).
// tfjs's WASM glue (Emscripten) adds handlers that rethrow, so ours replace
// every handler, again after the backend has started.
function ignoreStrayErrors(): void {
  for (const event of ['unhandledRejection', 'uncaughtException'] as const) {
    process.removeAllListeners(event);
    process.on(event, () => undefined);
  }
}
ignoreStrayErrors();

let backend: string | undefined;

async function run(request: ThreadRequest): Promise<void> {
  if (backend === undefined) {
    backend = (await initBackend({ order: request.backendOrder })).backend;
    ignoreStrayErrors();
  }
  post({ type: 'backend', backend });
  const host = nodeHost({
    notebookDir: request.notebookDir,
    allowRead: request.allowRead,
    notebook: { id: request.path, title: request.title },
    backend: () => backend ?? 'cpu',
  });
  const kernel = new Kernel(cellRegistry, host);
  kernel.setCells(request.cells);
  post({ type: 'cells', states: kernel.cells() });
  kernel.on((e) => {
    if (e.type !== 'status') return;
    const state = kernel.cellState(e.cellId);
    if (state) post({ type: 'status', cellId: e.cellId, status: e.status, state: { ...state, progress: undefined } });
  });
  await kernel.runAll({ continueOnError: !request.stopOnError });
  post({
    type: 'done',
    states: kernel.cells().map((s) => ({ ...s, progress: undefined })),
    values: kernel.valueSummaries(),
    runs: (await host.runs?.list()) ?? [],
    registry: (await host.registry?.list()) ?? [],
  });
  kernel.dispose();
}

process.on('message', (request: ThreadRequest) => {
  // While a notebook runs, only its own work keeps the process alive.
  channel?.unref();
  run(request)
    .catch((error: unknown) => post({ type: 'failed', message: describeThrown(error) }))
    .finally(() => channel?.ref());
});
