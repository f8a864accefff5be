// A browser tab's memory budget for the kernel worker (issue 14): a V8 heap
// exhaustion in the worker can take the whole tab (docs/security.md), and a
// worker cannot read its own heap (performance.memory is the page's only),
// so the kernel is given limits it can see: the values one table may hold
// (checked by the kernel when a table is stored and by the CSV reader while
// it reads) and the bytes of live tfjs tensors, watched while a cell runs.
// A cell over budget is stopped with a message that says what and why. A
// cell that allocates in one synchronous stretch is not seen until it
// yields; if the worker dies first, the existing dead-worker path restarts
// it and the notebook (and its saved outputs) stays intact.
import type { MemoryBudget } from '../core/host.ts';
import { CellError } from '../core/errors.ts';
import type { Kernel } from '../kernel/kernel.ts';

/** 40 M values: ten times the largest course table; a CSV of that size is ~1–2 GB of field strings while read. */
export const TAB_BUDGET: MemoryBudget = { tableCells: 40_000_000, tensorBytes: 2 * 1024 ** 3 };

const GB = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GB`;

/** While a cell runs, check the live tensor bytes a few times a second; over budget, stop the cell with a clear message. */
export function watchTensorBytes(kernel: Kernel, budget: MemoryBudget, tensorBytes: () => number, everyMs = 250): () => void {
  let timer: ReturnType<typeof setInterval> | undefined;
  const stopWatching = () => {
    clearInterval(timer);
    timer = undefined;
  };
  const off = kernel.on((e) => {
    if (e.type !== 'status') return;
    if (e.status !== 'running') {
      if (e.status !== 'queued') stopWatching();
      return;
    }
    stopWatching();
    timer = setInterval(() => {
      const bytes = tensorBytes();
      if (bytes <= budget.tensorBytes) return;
      stopWatching();
      kernel.stopRunning(CellError.coded('budget.tensors', { used: GB(bytes), budget: GB(budget.tensorBytes) }));
    }, everyMs);
  });
  return () => {
    stopWatching();
    off();
  };
}
