// The kernel: runs a notebook's cells in order over named values, tracks
// which cells are stale, serializes runs, and makes every run cancellable.
// It knows cell kinds only through the registry it is given, and the outside
// world only through HostServices, so it runs in Node, a worker and tests.
import type { CellContext, CellKindDef } from '../core/cell.ts';
import type { CellOutput, ErrorOutput, Progress } from '../core/outputs.ts';
import type { Value, ValueType } from '../core/values.ts';
import type { HostServices } from '../core/host.ts';
import { CancelledError, CellError, describeThrown, isCancelled } from '../core/errors.ts';
import type { NotebookCell } from '../notebook/model.ts';
import type { CellState, CellStatus, KernelEvent, KernelListener, ValueSummary } from './state.ts';
import { ValueStore } from './valueStore.ts';
import { validateParams } from './params.ts';

export type CellRegistry = ReadonlyMap<string, CellKindDef>;

interface Entry {
  cell: NotebookCell;
  state: CellState;
  /** JSON of the params the outputs were computed with. */
  ranWith?: string;
}

export interface RunAllOptions {
  /** Keep going after a failed cell (cells that need its values fail with a reason). Default false, like Jupyter. */
  continueOnError?: boolean;
}

export interface RunResult {
  cellId: string;
  status: CellStatus;
}

export class Kernel {
  private entries: Entry[] = [];
  private readonly values = new ValueStore();
  private listeners = new Set<KernelListener>();
  private queue: Promise<unknown> = Promise.resolve();
  private controller: AbortController | undefined;
  private queued = new Set<string>();
  private generation = 0;
  /** Index of the next cell for runNext(). */
  private cursor = 0;

  constructor(
    private readonly registry: CellRegistry,
    private readonly host: HostServices,
  ) {}

  /** A cell the guard answers for does not run: it fails with that output (trust: untrusted code). */
  private guard: ((cell: NotebookCell) => ErrorOutput | undefined) | undefined;

  setGuard(guard: ((cell: NotebookCell) => ErrorOutput | undefined) | undefined): void {
    this.guard = guard;
  }

  on(listener: KernelListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: KernelEvent): void {
    for (const l of this.listeners) l(event);
  }

  /** Replace the cell list (a notebook was opened or edited). Cells whose params changed since they ran become stale. */
  setCells(cells: NotebookCell[]): void {
    const previous = new Map(this.entries.map((e) => [e.cell.id, e]));
    this.entries = cells.map((cell) => {
      const old = previous.get(cell.id);
      const { reads, writes } = this.dependencies(cell);
      if (old) {
        old.cell = cell;
        old.state.reads = reads;
        old.state.writes = writes;
        old.state.kind = cell.kind;
        return old;
      }
      return { cell, state: { id: cell.id, kind: cell.kind, status: 'idle', outputs: cell.outputs, reads, writes } };
    });
    for (const entry of this.entries) {
      if (entry.ranWith !== undefined && entry.ranWith !== JSON.stringify(entry.cell.params) && entry.state.status === 'done') {
        this.markStale(entry, 'its parameters changed');
        this.markDownstreamStale(entry, `an earlier cell (${this.label(entry)}) changed`);
      }
    }
    this.cursor = Math.min(this.cursor, this.entries.length);
  }

  cells(): CellState[] {
    return this.entries.map((e) => ({ ...e.state }));
  }

  cellState(id: string): CellState | undefined {
    const e = this.find(id);
    return e ? { ...e.state } : undefined;
  }

  valueSummaries(): ValueSummary[] {
    return this.values.summaries();
  }

  getValue(name: string): Value | undefined {
    return this.values.get(name);
  }

  /**
   * Put a value back without running its cell (a trained model restored from
   * storage after a reload). The cell keeps its status; the values event goes out.
   */
  restoreValue(name: string, value: Value, cellId: string): void {
    this.setValue(name, value, cellId);
    this.emit({ type: 'values', values: this.valueSummaries() });
  }

  /** Position of the step-through cursor (index of the next cell runNext() runs). */
  nextIndex(): number {
    return this.cursor;
  }

  runCell(id: string): Promise<RunResult> {
    const entry = this.find(id);
    if (!entry) return Promise.reject(new Error(`No cell with id "${id}".`));
    return this.enqueue([entry], {}).then((r) => r[r.length - 1] ?? { cellId: id, status: entry.state.status });
  }

  runAll(options: RunAllOptions = {}): Promise<RunResult[]> {
    return this.enqueue(this.entries.slice(), options);
  }

  /** Run every cell from the first through the given one. */
  runTo(id: string, options: RunAllOptions = {}): Promise<RunResult[]> {
    const index = this.entries.findIndex((e) => e.cell.id === id);
    if (index < 0) return Promise.reject(new Error(`No cell with id "${id}".`));
    return this.enqueue(this.entries.slice(0, index + 1), options);
  }

  /** Step through: run the next runnable cell after the last one run. Resolves undefined at the end. */
  async runNext(): Promise<RunResult | undefined> {
    while (this.cursor < this.entries.length) {
      const entry = this.entries[this.cursor];
      if (this.isRunnable(entry)) {
        const [result] = await this.enqueue([entry], {});
        return result;
      }
      this.cursor++;
    }
    return undefined;
  }

  /**
   * Stop the running cell with this error instead of "Stopped by user" (a
   * host's memory watch); queued cells run on. The cell sees its signal abort.
   */
  stopRunning(error: CellError): void {
    this.controller?.abort(error);
  }

  /** Stop the running cell and drop queued ones. */
  cancel(): void {
    for (const id of this.queued) {
      const e = this.find(id);
      if (e && e.state.status === 'queued') this.setStatus(e, e.ranWith !== undefined ? 'stale' : 'idle');
    }
    this.queued.clear();
    this.generation++;
    this.controller?.abort(new CancelledError());
  }

  /** Forget all values (disposing models) and reset every cell to idle, keeping saved outputs. */
  async restart(): Promise<void> {
    this.cancel();
    await this.queue.catch(() => undefined);
    const hadValues = this.values.size > 0;
    this.values.clear();
    this.cursor = 0;
    // Only what changes is reported: opening a notebook restarts the kernel, and an event
    // per idle cell of the previous notebook cost the app a re-render each (bench app/open-4mb).
    for (const e of this.entries) {
      e.ranWith = undefined;
      if (e.state.status !== 'idle') this.setStatus(e, 'idle');
    }
    if (hadValues) this.emit({ type: 'values', values: [] });
  }

  dispose(): void {
    this.cancel();
    this.values.clear();
    this.listeners.clear();
  }

  // --- running -------------------------------------------------------------

  private enqueue(entries: Entry[], options: RunAllOptions): Promise<RunResult[]> {
    const runnable = entries.filter((e) => this.isRunnable(e));
    const generation = this.generation;
    for (const e of runnable) {
      this.queued.add(e.cell.id);
      this.setStatus(e, 'queued');
    }
    const run = this.queue.then(async () => {
      const results: RunResult[] = [];
      const failedWrites = new Map<string, string>();
      for (let i = 0; i < runnable.length; i++) {
        const entry = runnable[i];
        if (generation !== this.generation || !this.queued.has(entry.cell.id)) break;
        this.queued.delete(entry.cell.id);
        const status = await this.execute(entry, failedWrites);
        results.push({ cellId: entry.cell.id, status });
        if (status === 'error') for (const name of entry.state.writes) failedWrites.set(name, this.label(entry));
        if (status === 'cancelled' || (status === 'error' && !options.continueOnError)) {
          for (const rest of runnable.slice(i + 1)) {
            if (this.queued.delete(rest.cell.id)) this.setStatus(rest, rest.ranWith !== undefined ? 'stale' : 'idle');
          }
          break;
        }
      }
      return results;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async execute(entry: Entry, failedWrites: Map<string, string>): Promise<CellStatus> {
    const def = this.registry.get(entry.cell.kind);
    const index = this.entries.indexOf(entry);
    if (index >= 0) this.cursor = index + 1;
    if (!def) return this.fail(entry, toErrorOutput(CellError.coded('cell.unknownKind', { kind: entry.cell.kind })), 0);
    const refused = this.guard?.(entry.cell);
    if (refused) return this.fail(entry, refused, 0);

    const parsed = validateParams(def, entry.cell.params);
    if (!parsed.ok) return this.fail(entry, parsed.error, 0);
    const params = parsed.params;
    let reads: string[];
    try {
      reads = def.reads(params);
    } catch (error) {
      return this.fail(entry, toErrorOutput(error), 0);
    }
    for (const name of reads) {
      if (this.values.has(name)) continue;
      const failedIn = failedWrites.get(name);
      const producer = this.entries.slice(0, Math.max(index, 0)).reverse().find((e) => e.state.writes.includes(name));
      if (def.softReads && !producer) continue;
      const error = failedIn
        ? CellError.coded('input.producerFailed', { name, cell: failedIn })
        : producer ? CellError.coded('input.notProduced', { name, cell: this.label(producer) }) : CellError.coded('input.noProducer', { name });
      return this.fail(entry, toErrorOutput(error), 0);
    }

    const controller = new AbortController();
    this.controller = controller;
    const streamed: CellOutput[] = [];
    // Kept so that a failed re-run (a malformed file, a typo) still shows what the last good run produced.
    const previous = entry.state.outputs.filter((o) => o.type !== 'error');
    entry.state.outputs = [];
    entry.state.progress = undefined;
    this.emit({ type: 'outputs', cellId: entry.cell.id, outputs: [] });
    this.setStatus(entry, 'running');
    const started = performance.now();
    const ctx = this.context(entry, controller.signal, streamed);
    try {
      const returned = await def.run(params, ctx);
      controller.signal.throwIfAborted();
      const outputs = [...streamed, ...returned];
      entry.state.outputs = outputs;
      entry.cell.outputs = outputs;
      entry.ranWith = JSON.stringify(entry.cell.params);
      entry.state.durationMs = performance.now() - started;
      this.emit({ type: 'outputs', cellId: entry.cell.id, outputs });
      this.setStatus(entry, 'done');
      this.markDownstreamStale(entry, `${this.label(entry)} ran again`);
      return 'done';
    } catch (error) {
      const duration = performance.now() - started;
      if (controller.signal.aborted && controller.signal.reason instanceof CellError) {
        entry.state.outputs = streamed.length > 0 ? streamed : previous;
        return this.fail(entry, toErrorOutput(controller.signal.reason), duration);
      }
      if (isCancelled(error) || controller.signal.aborted) {
        entry.state.durationMs = duration;
        const output: ErrorOutput = toErrorOutput(CellError.coded('cell.stopped'));
        entry.state.outputs = [...streamed, output];
        entry.cell.outputs = entry.state.outputs;
        this.emit({ type: 'outputs', cellId: entry.cell.id, outputs: entry.state.outputs });
        this.setStatus(entry, 'cancelled');
        return 'cancelled';
      }
      entry.state.outputs = streamed.length > 0 ? streamed : previous;
      return this.fail(entry, toErrorOutput(error), duration);
    } finally {
      if (this.controller === controller) this.controller = undefined;
      this.emit({ type: 'values', values: this.valueSummaries() });
    }
  }

  /** The error comes first; outputs kept from the last good run (or streamed before the failure) follow it. */
  private fail(entry: Entry, error: ErrorOutput, durationMs: number): CellStatus {
    const outputs = [error, ...entry.state.outputs.filter((o) => o.type !== 'error')];
    entry.state.outputs = outputs;
    entry.cell.outputs = outputs;
    entry.state.durationMs = durationMs;
    entry.ranWith = undefined;
    this.emit({ type: 'outputs', cellId: entry.cell.id, outputs });
    this.setStatus(entry, 'error');
    return 'error';
  }

  private context(entry: Entry, signal: AbortSignal, streamed: CellOutput[]): CellContext {
    const cellId = entry.cell.id;
    let lastProgress = 0;
    const ctx: CellContext = {
      cellId,
      signal,
      host: this.host,
      progress: (progress: Progress) => {
        entry.state.progress = progress;
        // Throttle to ~20 events a second; always pass the first and the final one.
        const now = performance.now();
        if (now - lastProgress < 50 && progress.fraction !== 1) return;
        lastProgress = now;
        this.emit({ type: 'progress', cellId, progress });
      },
      emit: (output: CellOutput) => {
        streamed.push(output);
        this.emit({ type: 'output', cellId, output });
      },
      get: (name) => this.values.get(name),
      require: <T extends ValueType>(name: string, type: T, param?: string): Extract<Value, { type: T }> => {
        const found = this.values.get(name);
        if (!found) throw CellError.coded('value.missing', { name, available: this.values.availableText() }, { where: param });
        if (found.type !== type) {
          throw CellError.coded('value.wrongType', { name, actual: found.type, expected: type, available: this.values.availableText(type) }, { where: param });
        }
        return found as Extract<Value, { type: T }>;
      },
      table: (name, param) => ctx.require(name, 'table', param).table,
      set: (name, value) => this.setValue(name, value, cellId),
      names: () => this.values.names(),
    };
    return ctx;
  }

  private setValue(name: string, value: Value, cellId: string): void {
    this.values.set(name, value, cellId, this.host.memoryBudget?.tableCells);
  }

  // --- dependencies and staleness -----------------------------------------

  private dependencies(cell: NotebookCell): { reads: string[]; writes: string[] } {
    const def = this.registry.get(cell.kind);
    if (!def || !def.runnable) return { reads: [], writes: [] };
    const parsed = validateParams(def, cell.params);
    if (!parsed.ok) return { reads: [], writes: [] };
    try {
      return { reads: def.reads(parsed.params), writes: def.writes(parsed.params) };
    } catch {
      return { reads: [], writes: [] };
    }
  }

  private markStale(entry: Entry, reason: string): void {
    entry.state.staleReason = reason;
    this.setStatus(entry, 'stale');
  }

  /** Cells after `source` that read what it writes, transitively, become stale if they had run. */
  private markDownstreamStale(source: Entry, reason: string): void {
    const start = this.entries.indexOf(source);
    const dirty = new Set(source.state.writes);
    for (const e of this.entries.slice(start + 1)) {
      if (!e.state.reads.some((r) => dirty.has(r))) continue;
      for (const w of e.state.writes) dirty.add(w);
      if (e.state.status === 'done') this.markStale(e, reason);
    }
  }

  private setStatus(entry: Entry, status: CellStatus): void {
    entry.state.status = status;
    if (status !== 'stale') entry.state.staleReason = undefined;
    this.emit({ type: 'status', cellId: entry.cell.id, status, durationMs: entry.state.durationMs, staleReason: entry.state.staleReason });
  }

  private isRunnable(entry: Entry): boolean {
    const def = this.registry.get(entry.cell.kind);
    if (!def) return entry.cell.kind !== 'foreign' && entry.cell.kind !== 'markdown';
    return def.runnable;
  }

  private find(id: string): Entry | undefined {
    return this.entries.find((e) => e.cell.id === id);
  }

  private label(entry: Entry): string {
    const n = this.entries.indexOf(entry) + 1;
    const def = this.registry.get(entry.cell.kind);
    return `cell ${n} (${entry.cell.title ?? def?.label ?? entry.cell.kind})`;
  }
}

/** Any thrown value (not only an Error: a number, an object without a prototype, a hostile Proxy) as an error output; never throws. */
export function toErrorOutput(error: unknown): ErrorOutput {
  try {
    if (error instanceof CellError) {
      const out: ErrorOutput = { type: 'error', message: String(error.message) };
      if (typeof error.hint === 'string' && error.hint) out.hint = error.hint;
      if (typeof error.where === 'string' && error.where) out.where = error.where;
      if (typeof error.code === 'string') {
        out.code = error.code;
        out.params = { ...error.params };
      }
      return out;
    }
  } catch {
    // fall through: described below
  }
  return { type: 'error', message: describeThrown(error) };
}
