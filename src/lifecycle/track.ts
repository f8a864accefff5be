// Experiment tracking from inside a cell: after a train, tune or crossval
// cell finishes it records a run (params, metrics, curves, data fingerprint,
// backend, duration) in the host's run store, if the host keeps one. When
// the run's output is a model, it is saved as the run's artifact (modelRef),
// as MLflow logs a run's model; tune and crossval write params or tables,
// so their runs have no model.
import type { CellContext } from '../core/cell.ts';
import type { CellOutput, EpochRecord } from '../core/outputs.ts';
import type { TrainedModel } from '../core/values.ts';
import type { RunKind, RunRecord } from './runs.ts';
import { lifecycleServices } from './host.ts';
import { newRunRecord, runId } from './record.ts';
import { saveRunArtifact } from './artifacts.ts';

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

/**
 * The run that produced each model object still held (by identity, so a
 * register cell finds its model's own run even when other notebooks wrote a
 * value of the same name). Weak: a disposed, dropped model lets go.
 */
const runOfModel = new WeakMap<TrainedModel, string>();

/** The id of the run that produced this model object in this session, if one was tracked. */
export function trackedRunOf(model: TrainedModel): string | undefined {
  return runOfModel.get(model);
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

export async function trackRun(ctx: CellContext, input: TrackInput): Promise<RunRecord | undefined> {
  const services = lifecycleServices(ctx.host);
  if (!services.runs) return undefined;
  const { history, metrics } = fromTraining(input.outputs);
  const source = input.input ? ctx.get(input.input) : undefined;
  const id = runId(input.startedAt);
  const produced = input.output ? ctx.get(input.output) : undefined;
  const artifact = produced?.type === 'model' ? await saveRunArtifact(services.saveRunModel?.bind(services), produced.model, id) : undefined;
  const record = newRunRecord({
    id,
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
    modelRef: artifact?.modelRef,
    model: artifact?.model,
  });
  await services.runs.put(record);
  if (produced?.type === 'model') runOfModel.set(produced.model, id);
  return record;
}
