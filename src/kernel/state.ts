// Per-cell run state and the events the kernel emits. Events are plain data:
// the worker forwards them to the UI unchanged.
import type { CellOutput, Progress } from '../core/outputs.ts';

export type CellStatus = 'idle' | 'queued' | 'running' | 'done' | 'stale' | 'error' | 'cancelled';

export interface CellState {
  id: string;
  kind: string;
  status: CellStatus;
  outputs: CellOutput[];
  /** Wall time of the last run, ms. */
  durationMs?: number;
  /** Latest progress of a running cell. */
  progress?: Progress;
  /** Names the cell reads and writes, with its current params. */
  reads: string[];
  writes: string[];
  /** Why the cell is stale, when it is. */
  staleReason?: string;
}

export type KernelEvent =
  | { type: 'status'; cellId: string; status: CellStatus; durationMs?: number; staleReason?: string }
  | { type: 'output'; cellId: string; output: CellOutput }
  | { type: 'outputs'; cellId: string; outputs: CellOutput[] }
  | { type: 'progress'; cellId: string; progress: Progress }
  | { type: 'values'; values: ValueSummary[] };

export interface ValueSummary {
  name: string;
  type: string;
  /** Short description: "344 rows × 7 columns", "mlp classifier", ... */
  detail: string;
  /** Id of the cell that last wrote it. */
  cellId: string;
}

export type KernelListener = (event: KernelEvent) => void;
