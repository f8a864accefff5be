// A cell's run state as a pure function of kernel events (like marimo's
// transitionCell): status, streamed and final outputs, progress and the live
// training curve.
import type { CellOutput, EpochRecord } from '../../core/outputs.ts';
import type { KernelEvent } from '../../kernel/state.ts';
import type { CellRun } from '../state.ts';

export type CellEvent = Exclude<KernelEvent, { type: 'values' }>;

export function nextRun(run: CellRun, event: CellEvent): CellRun {
  switch (event.type) {
    case 'status': {
      let next: CellRun = { ...run, status: event.status, durationMs: event.durationMs, staleReason: event.staleReason };
      if (event.status === 'running') next = { ...next, live: [], progress: undefined };
      else next = { ...next, progress: undefined };
      return next;
    }
    case 'output':
      return { ...run, outputs: [...run.outputs, event.output] };
    case 'outputs':
      return { ...run, outputs: event.outputs };
    case 'progress': {
      const p = event.progress;
      let live = run.live;
      if (p.epoch !== undefined && p.loss !== undefined) {
        const record: EpochRecord = { epoch: p.epoch, loss: p.loss, ...(p.metrics ?? {}) };
        live = live.length && live[live.length - 1].epoch === p.epoch ? [...live.slice(0, -1), record] : [...live, record];
      }
      return { ...run, progress: p, live };
    }
  }
  return run;
}

/**
 * Columns (and their types) of each named table from outputs: the latest
 * table output under a name wins (a transform that renames columns shows the
 * new names). Returns the old objects when nothing changed, so React skips
 * re-rendering.
 */
export function noteTables(
  outputs: CellOutput[],
  columns: Record<string, string[]>,
  types: Record<string, Record<string, string>>,
): { columns: Record<string, string[]>; types: Record<string, Record<string, string>> } {
  let nextColumns = columns;
  let nextTypes = types;
  for (const o of outputs) {
    if (o.type !== 'table' || !o.name) continue;
    const names = o.columns.map((c) => c.name);
    const old = nextColumns[o.name];
    if (old && old.length === names.length && old.every((n, i) => n === names[i])) continue;
    nextColumns = { ...nextColumns, [o.name]: names };
    nextTypes = { ...nextTypes, [o.name]: Object.fromEntries(o.columns.map((c) => [c.name, c.type])) };
  }
  return { columns: nextColumns, types: nextTypes };
}
