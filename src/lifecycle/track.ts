// Experiment tracking from inside a cell: after a train, tune or crossval
// cell finishes it records a run (params, metrics, curves, data fingerprint,
// backend, duration) in the host's run store, if the host keeps one.
import type { CellContext } from '../core/cell.ts';
import type { CellOutput, EpochRecord } from '../core/outputs.ts';
import type { RunKind } from './runs.ts';
import { lifecycleServices } from './host.ts';
import { newRunRecord, runId } from './record.ts';

export interface TrackInput {
  kind: RunKind;
  params: Record<string, unknown>;
  /** Value name of the model (train) or result (tune, crossval). */
  output?: string;
  /** Name of the table the cell learned from, fingerprinted into the run. */
  input?: string;
  startedAt: Date;
  durationMs: number;
  outputs: readonly CellOutput[];
  metrics?: Record<string, number>;
}

/** Per-epoch history and final-epoch metrics from a training output, if there is one. */
function fromTraining(outputs: readonly CellOutput[]): { history?: EpochRecord[]; metrics: Record<string, number> } {
  const training = outputs.find((o) => o.type === 'training');
  if (!training || training.type !== 'training') return { metrics: {} };
  const best = training.bestEpoch ? training.history[training.bestEpoch - 1] : training.history.at(-1);
  const metrics: Record<string, number> = {};
  for (const [k, v] of Object.entries(best ?? {})) if (k !== 'epoch' && typeof v === 'number') metrics[k] = v;
  return { history: training.history, metrics };
}

export async function trackRun(ctx: CellContext, input: TrackInput): Promise<void> {
  const services = lifecycleServices(ctx.host);
  if (!services.runs) return;
  const { history, metrics } = fromTraining(input.outputs);
  const source = input.input ? ctx.get(input.input) : undefined;
  const record = newRunRecord({
    id: runId(input.startedAt),
    notebook: services.notebook?.(),
    cellId: ctx.cellId,
    kind: input.kind,
    startedAt: input.startedAt,
    durationMs: input.durationMs,
    params: input.params,
    metrics: { ...metrics, ...(input.metrics ?? {}) },
    history,
    table: source?.type === 'table' ? source.table : undefined,
    backend: ctx.host.backend(),
    output: input.output,
  });
  await services.runs.put(record);
}
