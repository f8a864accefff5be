// Messages between the headless runner (main thread) and the kernel thread
// (src/cli/thread.ts), a worker_thread that runs the cells. The runner keeps
// the clock: it stops the thread when a cell runs past --timeout, even in a
// synchronous infinite loop, which no in-thread timer could interrupt.
import type { NotebookCell } from '../notebook/model.ts';
import type { CellState, CellStatus, ValueSummary } from '../kernel/state.ts';
import type { RunRecord } from '../lifecycle/runs.ts';
import type { ModelVersion } from '../lifecycle/registry.ts';
import type { BackendName } from '../ml/backend.ts';

export interface ThreadRequest {
  type: 'run';
  /** The notebook's path, its id in runs and the registry. */
  path: string;
  title: string;
  notebookDir: string;
  /** Folders the user allowed with --allow-read, absolute. */
  allowRead: string[];
  cells: NotebookCell[];
  backendOrder: BackendName[];
  stopOnError: boolean;
}

export type ThreadMessage =
  | { type: 'backend'; backend: string }
  /** The kernel's cell states right after setCells (reads and writes known before anything runs). */
  | { type: 'cells'; states: CellState[] }
  | { type: 'status'; cellId: string; status: CellStatus; state: CellState }
  | { type: 'done'; states: CellState[]; values: ValueSummary[]; runs: RunRecord[]; registry: ModelVersion[] }
  /** The thread could not run the notebook at all (the backend did not start, ...). */
  | { type: 'failed'; message: string };

/** JSON text of a value, whatever it holds: cycles and repeats become "[Circular]", bigints strings, functions are dropped. */
export function safeJsonClone<T>(value: T): T {
  const seen = new WeakSet<object>();
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'bigint') return v.toString();
    if (typeof v === 'object' && v !== null) {
      if (seen.has(v)) return '[Circular]';
      seen.add(v);
    }
    return v;
  });
  return (text === undefined ? null : JSON.parse(text)) as T;
}
