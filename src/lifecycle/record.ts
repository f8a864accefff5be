// Building run records: the kernel/host calls newRunRecord after a train
// (tune, crossval) cell finishes; the register cell uses it when no run was
// tracked for a model, so every registered version links to a run.
import type { ColumnTable } from 'arquero';
import type { EpochRecord } from '../core/outputs.ts';
import { fingerprintTable, type DataFingerprint } from './fingerprint.ts';
import { validateRun, type RunKind, type RunModel, type RunRecord, type RunStatus } from './runs.ts';

export interface NewRunInput {
  id: string;
  notebook?: { id: string; title: string };
  cellId: string;
  kind: RunKind;
  startedAt: Date;
  durationMs: number;
  params: Record<string, unknown>;
  metrics?: Record<string, number>;
  history?: readonly EpochRecord[];
  /** The training table, fingerprinted here. */
  table?: ColumnTable;
  fingerprint?: DataFingerprint;
  backend: string;
  output?: string;
  modelRef?: string;
  /** The model the run produced and whether it was saved as its artifact. */
  model?: RunModel;
  status?: RunStatus;
  error?: string;
}

/** The fingerprint of no data, for runs whose table is not known. */
export const EMPTY_FINGERPRINT: DataFingerprint = { hash: 'cbf29ce484222325', rows: 0, columns: 0 };

/** JSON-safe copy of params: drops functions and undefined, turns NaN/Infinity into null (as JSON.stringify does). */
function jsonParams(params: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(params)) as Record<string, unknown>;
}

export function newRunRecord(i: NewRunInput): RunRecord {
  const metrics: Record<string, number> = {};
  for (const [k, v] of Object.entries(i.metrics ?? {})) if (Number.isFinite(v)) metrics[k] = v;
  const curves = (i.history ?? []).map((e) => Object.fromEntries(Object.entries(e).filter(([, v]) => Number.isFinite(v))));
  const run: Record<string, unknown> = {
    id: i.id,
    notebookId: i.notebook?.id ?? '',
    notebookTitle: i.notebook?.title ?? '',
    cellId: i.cellId,
    kind: i.kind,
    startedAt: i.startedAt.toISOString(),
    durationMs: Math.max(0, i.durationMs),
    params: jsonParams(i.params),
    metrics,
    curves,
    dataFingerprint: i.fingerprint ?? (i.table ? fingerprintTable(i.table) : EMPTY_FINGERPRINT),
    backend: i.backend,
    status: i.status ?? 'finished',
  };
  if (i.output !== undefined) run.output = i.output;
  if (i.modelRef !== undefined) run.modelRef = i.modelRef;
  if (i.model !== undefined) run.model = i.model;
  if (i.error !== undefined) run.error = i.error;
  return validateRun(run);
}

/** A run id from the clock and a counter: unique within a host, sortable by time. */
let counter = 0;
export function runId(now: Date = new Date()): string {
  counter = (counter + 1) % 1_000_000;
  return `run-${now.getTime().toString(36)}-${counter.toString(36).padStart(4, '0')}`;
}
