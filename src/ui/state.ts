// The UI's state as plain data, and the box that holds it: every domain
// module (document/, session/, saving/, trust/, gallery/) reads and patches
// the same State through a StateBox; React reads it with useSyncExternalStore.
import type { NotebookDoc } from '../notebook/model.ts';
import type { CellOutput, EpochRecord, Progress } from '../core/outputs.ts';
import type { CellStatus, ValueSummary } from '../kernel/state.ts';
import type { ParamIssue } from '../kernel/params.ts';
import type { BackendInfo, KindInfo } from '../worker/protocol.ts';
import type { FileRecord, ModelInfo, StorageEstimate } from '../store/types.ts';
import type { TrustState } from '../worker/trust.ts';

export interface CellRun {
  status: CellStatus;
  outputs: CellOutput[];
  durationMs?: number;
  staleReason?: string;
  progress?: Progress;
  /** Live training curve from progress events (one record per epoch). */
  live: EpochRecord[];
}

export type SaveState = 'saved' | 'saving' | 'unsaved' | 'error';

export interface CourseEntry {
  file: string;
  title: string;
}

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  message: string;
  /** A button on the notice (e.g. "Undo" after a delete). */
  action?: { label: string; run: () => void };
  /** Text a kernel sent (notebook code can forge it): shown as that notebook's words, under its title, never as the app's. */
  from?: string;
}

export interface State {
  doc: NotebookDoc | null;
  notebookId: string | null;
  /** Bundled notebook this is a copy of. */
  origin?: string;
  runs: Record<string, CellRun>;
  issues: Record<string, ParamIssue[]>;
  kinds: KindInfo[];
  values: ValueSummary[];
  backend: string;
  backendTried: BackendInfo['tried'];
  kernelReady: boolean;
  busy: boolean;
  save: SaveState;
  saveError?: string;
  course: CourseEntry[];
  userNotebooks: { id: string; title: string; updatedAt: number; origin?: string }[];
  files: Omit<FileRecord, 'blob'>[];
  /** Models saved for the open notebook (newest first). */
  models: ModelInfo[];
  /**
   * Columns of each named table as the kernel last showed it (the latest
   * table output under that name), for column pickers.
   */
  tableColumns: Record<string, string[]>;
  /** Column types of each named table (same source as tableColumns), for pickers that show types. */
  tableTypes: Record<string, Record<string, string>>;
  storage?: StorageEstimate;
  notices: Notice[];
  /** The cursor cell (command mode acts on it). */
  selected: string | null;
  /** Cells selected together with the cursor (Shift+Up/Down), in document order; empty: the cursor alone. */
  extraSelected: string[];
  mode: 'command' | 'edit';
  /** The cell the user inserted last: its form opens at once. */
  fresh: string | null;
  datasets: { name: string; description: string }[];
  /** What may run: untrusted notebooks' code cells and URL loads are blocked (src/worker/trust.ts). */
  trust: TrustState;
  /** Another tab saved the open notebook since this tab loaded it: autosave is paused until the user reloads or saves a copy. */
  conflict: boolean;
  /** Notebooks opened after the one the app started on: the first-visit gallery gives way when this grows. */
  opened: number;
  /** False when IndexedDB is unavailable: work is kept in memory only. */
  persistent: boolean;
  /** Whether the open notebook's history has something to undo / redo (toolbar, tests). */
  canUndo: boolean;
  canRedo: boolean;
}

export function emptyRun(outputs: CellOutput[] = []): CellRun {
  return { status: 'idle', outputs, live: [] };
}

export function initialState(): State {
  return {
    doc: null,
    notebookId: null,
    runs: {},
    issues: {},
    kinds: [],
    values: [],
    backend: '',
    backendTried: [],
    kernelReady: false,
    busy: false,
    save: 'saved',
    course: [],
    userNotebooks: [],
    files: [],
    models: [],
    tableColumns: {},
    tableTypes: {},
    notices: [],
    selected: null,
    extraSelected: [],
    mode: 'command',
    fresh: null,
    datasets: [],
    trust: { notebook: true, cells: [] },
    conflict: false,
    opened: 0,
    persistent: true,
    canUndo: false,
    canRedo: false,
  };
}

/** The one mutable reference to State: patches replace it (React compares by identity). */
export class StateBox {
  private listeners = new Set<() => void>();
  constructor(public state: State = initialState()) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get = (): State => this.state;

  set(patch: Partial<State>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }
}
