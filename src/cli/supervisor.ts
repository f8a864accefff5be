// The runner's side of the kernel (src/cli/thread.ts, run in a child
// process under Node's permission model: src/cli/kernelProcess.ts): starts
// it, sends it a notebook, relays each cell's status, and keeps the per-cell
// clock. A cell that runs past the timeout (a synchronous infinite loop
// included: the process is killed, which stops V8 wherever it is), a kernel
// that ends while a cell waits on a promise that never settles, and a kernel
// that runs out of heap all become that cell's error, the cells still
// queued after it are reported as not run, and the next notebook gets a
// fresh kernel. Values, runs and registry entries of a stopped kernel are
// gone with it. (The class keeps its name "thread": it was a worker_thread.)
import { getHeapStatistics } from 'node:v8';
import { KernelProcess, kernelEntry, readablePaths, type KernelProcessError } from './kernelProcess.ts';
import type { CellState, CellStatus, ValueSummary } from '../kernel/state.ts';
import type { ErrorOutput } from '../core/outputs.ts';
import type { RunRecord } from '../lifecycle/runs.ts';
import type { ModelVersion } from '../lifecycle/registry.ts';
import type { ThreadMessage, ThreadRequest } from './threadProtocol.ts';

export interface ThreadResult {
  backend: string;
  states: CellState[];
  values: ValueSummary[];
  runs: RunRecord[];
  registry: ModelVersion[];
}

export interface RunHooks {
  /** Seconds a cell may run; 0: no limit. */
  timeoutSeconds: number;
  /** "cell 3 (Code)": how messages name a cell. */
  label: (index: number) => string;
  onBackend?: (backend: string) => void;
  /** A cell reached a status (its state carries the outputs). */
  onStatus?: (index: number, status: CellStatus, state: CellState) => void;
}

/** The thread could not run the notebook at all; one line, no stack. */
export class ThreadFailure extends Error {}

const FINISHED: ReadonlySet<CellStatus> = new Set(['done', 'error', 'cancelled', 'idle', 'stale']);

export class KernelThread {
  private worker: KernelProcess | undefined;

  private async start(readable: string[]): Promise<KernelProcess> {
    let entry: string;
    try {
      entry = await kernelEntry();
    } catch (error) {
      throw new ThreadFailure(`The kernel could not be prepared: ${error instanceof Error ? error.message : String(error)}`);
    }
    // The same heap limit as this process: a cell that exhausts it ends the kernel, not the runner.
    const heapMb = Math.round(getHeapStatistics().heap_size_limit / (1 << 20));
    const worker = new KernelProcess(entry, readable, heapMb);
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = undefined;
    });
    // Between notebooks nobody else listens: an error there only ends the kernel (the next notebook starts a fresh one).
    worker.on('error', () => {
      if (this.worker === worker) this.worker = undefined;
    });
    this.worker = worker;
    return worker;
  }

  /** The running kernel if it may read what this notebook may (its folder, --allow-read), else a fresh one. */
  private async kernelFor(request: ThreadRequest): Promise<KernelProcess> {
    const readable = readablePaths(request);
    if (this.worker && this.worker.readable === readable.join('\n')) return this.worker;
    await this.close();
    return this.start(readable);
  }

  /** Run one notebook; resolves with every cell's final state, whatever the cells do. */
  async run(request: ThreadRequest, hooks: RunHooks): Promise<ThreadResult> {
    const worker = await this.kernelFor(request);
    let states: CellState[] = request.cells.map((c) => ({ id: c.id, kind: c.kind, status: 'idle', outputs: c.outputs, reads: [], writes: [] }));
    const index = new Map(request.cells.map((c, i) => [c.id, i]));
    let backend = '';
    let running: { index: number; started: number } | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    return new Promise<ThreadResult>((resolve, reject) => {
      let settled = false;
      const cleanup = () => {
        settled = true;
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      /** The thread is gone: the running cell fails with `reason`, the queued ones were not run. */
      const stopped = (reason: (label: string) => ErrorOutput) => {
        if (settled) return;
        cleanup();
        if (this.worker === worker) this.worker = undefined;
        void worker.terminate();
        if (!running) {
          reject(new ThreadFailure(reason('the notebook').message));
          return;
        }
        const at = running.index;
        const stoppedLabel = hooks.label(at);
        states = states.map((s, i) => {
          if (i === at) return { ...s, status: 'error', durationMs: performance.now() - running!.started, outputs: [reason(stoppedLabel), ...s.outputs.filter((o) => o.type !== 'error')] };
          if (s.status === 'queued') {
            return { ...s, status: 'error', outputs: [{ type: 'error', message: `Not run: the runner stopped the kernel when ${stoppedLabel} failed, and the values of earlier cells went with it.`, hint: 'Fix that cell and run the notebook again.' }] };
          }
          return s;
        });
        for (let i = at; i < states.length; i++) if (i === at || states[i].status === 'error') hooks.onStatus?.(i, states[i].status, states[i]);
        resolve({ backend, states, values: [], runs: [], registry: [] });
      };
      const onMessage = (message: ThreadMessage) => {
        switch (message.type) {
          case 'backend':
            backend = message.backend;
            hooks.onBackend?.(backend);
            return;
          case 'cells':
            states = message.states;
            return;
          case 'status': {
            const i = index.get(message.cellId);
            if (i === undefined) return;
            states[i] = message.state;
            if (message.status === 'running') {
              running = { index: i, started: performance.now() };
              clearTimeout(timer);
              if (hooks.timeoutSeconds > 0) {
                timer = setTimeout(() => stopped((label) => ({
                  type: 'error',
                  message: `Timed out: ${label} did not finish within ${hooks.timeoutSeconds} s, so the runner stopped it.`,
                  hint: 'A loop that never ends? Give more time with --timeout SECONDS (0: no limit).',
                })), hooks.timeoutSeconds * 1000);
              }
            } else if (FINISHED.has(message.status) && running?.index === i) {
              running = undefined;
              clearTimeout(timer);
            }
            hooks.onStatus?.(i, message.status, message.state);
            return;
          }
          case 'done':
            cleanup();
            resolve({ backend, states: message.states, values: message.values, runs: message.runs, registry: message.registry });
            return;
          case 'failed':
            cleanup();
            reject(new ThreadFailure(message.message));
            return;
        }
      };
      const onError = (error: KernelProcessError) => {
        if (error.code === 'OUT_OF_MEMORY') {
          stopped((label) => ({ type: 'error', message: `Out of memory: ${label} used up the JavaScript heap, so the runner stopped it.`, hint: 'Work on fewer rows or columns (a sample), or free values you no longer need.' }));
        } else {
          stopped((label) => ({ type: 'error', message: `The kernel failed while running ${label}: ${error.message}` }));
        }
      };
      const onExit = (exitCode: number) => {
        stopped((label) => (exitCode === 0
          ? { type: 'error', message: `Never finished: ${label} waits on something that can never happen (a promise that never settles), and nothing else was left to run.`, hint: 'Check that every promise the cell awaits is resolved or rejected.' }
          : { type: 'error', message: `The kernel stopped while running ${label} (exit code ${exitCode}; did the cell call process.exit?).` }));
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }
}
