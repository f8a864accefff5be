// The kernel thread of the headless runner: a worker_thread (started by
// bin/kernel-thread.mjs, which loads TypeScript through tsx) that runs the
// notebooks the runner sends it, one at a time, and reports every cell's
// status. The runner (src/cli/supervisor.ts) stops the thread when a cell
// runs past its timeout; a cell waiting on a promise that never settles lets
// the thread's event loop run empty, and the thread ends by itself (its port
// is unreferenced while a notebook runs), which the runner reports as such.
import { parentPort } from 'node:worker_threads';
import { Kernel } from '../kernel/kernel.ts';
import { cellRegistry } from '../cells/registry.ts';
import { initBackend } from '../ml/backend.ts';
import { describeThrown } from '../core/errors.ts';
import { nodeHost } from './nodeHost.ts';
import { safeJsonClone, type ThreadMessage, type ThreadRequest } from './threadProtocol.ts';

const port = parentPort;
if (!port) throw new Error('src/cli/thread.ts runs as a worker thread of the headless runner.');

function post(message: ThreadMessage): void {
  try {
    port!.postMessage(message);
  } catch {
    // An output holding something structured clone refuses (a function in a figure spec): send its JSON.
    port!.postMessage(safeJsonClone(message));
  }
}

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

port.on('message', (request: ThreadRequest) => {
  // While a notebook runs, only its own work keeps the thread alive.
  port.unref();
  run(request)
    .catch((error: unknown) => post({ type: 'failed', message: describeThrown(error) }))
    .finally(() => port.ref());
});
