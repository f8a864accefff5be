// Run artifacts (MLflow's logged model): every train run saves the model it
// produced through the host (saveRunModel) under a key of its own and links
// it from the run's modelRef. A registered version reuses that artifact
// rather than saving a second copy. These are the pure rules around them:
// the key, what deleting runs may delete, and registering a run's model.
import type { TrainedModel } from '../core/values.ts';
import type { RunModel, RunRecord, RunStore } from './runs.ts';
import type { ModelVersion, Stage } from './registry.ts';
import { registerModel, type RegistryStore } from './registryStore.ts';
import { CellError } from '../core/errors.ts';

/** Run artifacts live in the host's model store under this namespace (no notebook's id, so no notebook lists them). */
export const RUN_ARTIFACTS = 'run-artifacts';

/** The key of a run's artifact. */
export function runArtifactRef(runId: string): string {
  return `${RUN_ARTIFACTS}::${runId}`;
}

/** What the host returns for a saved artifact. */
export interface SavedArtifact {
  ref: string;
  /** Approximate size of the serialized model. */
  bytes: number;
}

/** A run's model whose save failed: recorded as not saved, with why (whether the cell waited for the save or not). */
export function unsavedArtifact(type: string, reason: string): { model: RunModel } {
  return { model: { type, saved: false, error: `saving failed: ${reason}` } };
}

/** Save a run's model through the host; a model that cannot be saved (or a failed save) is recorded as not saved, and says why. */
export async function saveRunArtifact(
  save: ((model: TrainedModel, runId: string) => Promise<SavedArtifact | undefined>) | undefined,
  model: TrainedModel,
  runId: string,
): Promise<{ model: RunModel; modelRef?: string }> {
  const type = model.modelType;
  if (!save) return { model: { type, saved: false, error: 'this host keeps no model artifacts' } };
  try {
    const saved = await save(model, runId);
    if (!saved) return { model: { type, saved: false, error: `${type} models cannot be saved yet` } };
    return { model: { type, saved: true, bytes: Math.max(0, Math.round(saved.bytes)) }, modelRef: saved.ref };
  } catch (error) {
    return unsavedArtifact(type, error instanceof Error ? error.message : String(error));
  }
}

/**
 * The artifacts that deleting `deleted` may remove: each deleted run's
 * modelRef, unless a registry version or a run that stays uses it (an
 * imported copy of a run, a version registered from it).
 */
export function artifactsToDelete(deleted: readonly RunRecord[], remaining: readonly RunRecord[], versions: readonly ModelVersion[]): { remove: string[]; keep: string[] } {
  const used = new Set<string>();
  for (const v of versions) if (v.modelRef) used.add(v.modelRef);
  const gone = new Set(deleted.map((r) => r.id));
  for (const r of remaining) if (!gone.has(r.id) && r.modelRef) used.add(r.modelRef);
  const remove = new Set<string>();
  const keep = new Set<string>();
  for (const r of deleted) {
    if (!r.modelRef) continue;
    (used.has(r.modelRef) ? keep : remove).add(r.modelRef);
  }
  return { remove: [...remove], keep: [...keep] };
}

export interface DeleteRunsResult {
  /** How many runs were deleted. */
  runs: number;
  /** Artifacts deleted with them. */
  deleted: string[];
  /** Artifacts kept because a registry version (or another run) uses them. */
  kept: string[];
}

/**
 * Delete runs and, with them, the artifacts nothing else uses. Runs go
 * first: if deleting an artifact then fails, what is left is an unused
 * artifact, never a run pointing at a missing one.
 */
export async function deleteRunsWithArtifacts(
  ids: readonly string[],
  stores: { runs: RunStore; registry?: RegistryStore; deleteArtifact?(ref: string): Promise<void> },
): Promise<DeleteRunsResult> {
  const all = await stores.runs.list();
  const wanted = new Set(ids);
  const deleted = all.filter((r) => wanted.has(r.id));
  const versions = (await stores.registry?.list()) ?? [];
  const { remove, keep } = artifactsToDelete(deleted, all, versions);
  for (const r of deleted) await stores.runs.delete(r.id);
  const done: string[] = [];
  if (stores.deleteArtifact) {
    for (const ref of remove) {
      await stores.deleteArtifact(ref);
      done.push(ref);
    }
  }
  return { runs: deleted.length, deleted: done, kept: keep };
}

/** Register a run's saved model (its artifact) as the next version of `name`, with the run's metrics. */
export async function registerRun(
  registry: RegistryStore,
  run: RunRecord,
  input: { name: string; description?: string; tags?: Record<string, string>; stage?: Stage },
  clock?: () => Date,
): Promise<ModelVersion> {
  if (!run.modelRef) {
    if (!run.model || run.model.saved) throw CellError.coded('registry.runNoModel', { id: run.id });
    const { type, error } = run.model;
    throw error ? CellError.coded('registry.runModelNotSavedBecause', { id: run.id, type, detail: error }) : CellError.coded('registry.runModelNotSaved', { id: run.id, type });
  }
  return registerModel(registry, {
    name: input.name.trim(), runId: run.id, metrics: run.metrics, modelRef: run.modelRef,
    description: input.description ?? '', tags: input.tags ?? {}, stage: input.stage ?? 'none',
  }, clock);
}
