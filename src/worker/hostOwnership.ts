// Who owns what a sandboxed kernel reaches through the app (hostBridge.ts):
// a run belongs to the notebook that tracked it (RunRecord.notebookId); a
// run's saved model (`run-artifacts::<run>`) to the run's notebook; a
// registered model name to the notebook whose run produced one of its
// versions. A kernel reads and writes only what belongs to the notebooks it
// may reach (HostScope.notebookIds: the open one). The one thing shared on
// purpose is the registry: a registered version is meant to be used by other
// notebooks (`registry:<name>@production` in a predict cell), so every kernel
// may list versions and read the saved model a version points at, but only
// the owning notebook may add versions to a name or change their stage,
// description, run or model (docs/security.md, "Isolation").
import type { RunRecord, RunStore } from '../lifecycle/runs.ts';
import type { RegistryStore } from '../lifecycle/registryStore.ts';
import { modelVersionSchema, type ModelVersion } from '../lifecycle/registry.ts';
import { RUN_ARTIFACTS, runArtifactRef } from '../lifecycle/artifacts.ts';

/** Saved models of registered versions (kernel.worker.ts REGISTRY_MODELS): `registry::<name>::<random>`. */
export const REGISTRY_MODELS = 'registry';

/** A refused call: the kernel's cell gets this message. */
export class HostRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HostRefusedError';
  }
}

export interface OwnershipStores {
  runs: RunStore;
  registry: RegistryStore;
}

/** The notebook id a saved model's key belongs to (`<notebook>::<name>`). */
export function modelNamespace(id: string): string {
  const i = id.indexOf('::');
  return i < 0 ? '' : id.slice(0, i);
}

/** Runs of no notebook ('': tracked before any notebook was open) are nobody's and everybody's, as before. */
export function runVisible(run: Pick<RunRecord, 'notebookId'>, notebooks: ReadonlySet<string>): boolean {
  return run.notebookId === '' || notebooks.has(run.notebookId);
}

export class Ownership {
  constructor(
    private readonly notebooks: ReadonlySet<string>,
    private readonly stores: OwnershipStores,
  ) {}

  private ownsRun(run: RunRecord | undefined): boolean {
    return run !== undefined && run.notebookId !== '' && this.notebooks.has(run.notebookId);
  }

  /** A saved model under `registry::` or `run-artifacts::` the kernel may read: its own run's, or one a registered version points at. */
  async mayReadShared(id: string): Promise<boolean> {
    if (modelNamespace(id) === RUN_ARTIFACTS && this.ownsRun(await this.stores.runs.get(id.slice(RUN_ARTIFACTS.length + 2)))) return true;
    return (await this.stores.registry.list()).some((v) => v.modelRef === id);
  }

  /**
   * A saved model under `registry::` or `run-artifacts::` the kernel may
   * write: a run artifact of its own run, or a new record (a run's artifact
   * is saved before its run; a registered copy has a fresh random key) —
   * never over an existing record of another notebook.
   */
  async checkSharedWrite(id: string, runId: string, exists: boolean): Promise<void> {
    if (modelNamespace(id) === RUN_ARTIFACTS) {
      const run = await this.stores.runs.get(runId);
      if (run ? this.ownsRun(run) : !exists) return;
    } else if (!exists) return;
    throw new HostRefusedError(`The kernel may not overwrite the saved model "${id}": it belongs to another notebook.`);
  }

  /** The notebook that owns a registered name: one whose run produced a version of it; undefined when none can be found. */
  private async nameOwned(stored: readonly ModelVersion[]): Promise<boolean> {
    for (const v of stored) if (this.ownsRun(await this.stores.runs.get(v.runId))) return true;
    return false;
  }

  /**
   * Versions the kernel may write: every version is well formed; each name
   * is new or owned by this notebook; a new or re-pointed version names a run
   * of this notebook and a model of that run (or a registered copy under its
   * own name).
   */
  async checkVersions(input: unknown): Promise<ModelVersion[]> {
    const parsed = modelVersionSchema.array().max(10_000).safeParse(input);
    if (!parsed.success) throw new HostRefusedError(`Bad host call: not a list of model versions (${parsed.error.issues[0]?.message ?? 'invalid'}).`);
    const versions = parsed.data;
    const all = await this.stores.registry.list();
    const checkedNames = new Set<string>();
    for (const v of versions) {
      const stored = all.filter((x) => x.name === v.name);
      if (!checkedNames.has(v.name)) {
        if (stored.length > 0 && !(await this.nameOwned(stored))) {
          throw new HostRefusedError(`The registered model "${v.name}" belongs to another notebook: this notebook may use it (registry:${v.name}@production) but not change it or add versions. Register under another name.`);
        }
        checkedNames.add(v.name);
      }
      const before = stored.find((x) => x.version === v.version);
      if (before && before.runId === v.runId && before.modelRef === v.modelRef) continue;
      if (!this.ownsRun(await this.stores.runs.get(v.runId))) {
        throw new HostRefusedError(`The kernel may not register run "${v.runId}" as ${v.name} v${v.version}: it is not a run of this notebook.`);
      }
      const ref = v.modelRef;
      if (ref !== undefined && ref !== runArtifactRef(v.runId) && !ref.startsWith(`${REGISTRY_MODELS}::${v.name}::`)) {
        throw new HostRefusedError(`The kernel may not point ${v.name} v${v.version} at the saved model "${ref}": only its run's model or a copy registered under its name.`);
      }
    }
    return versions;
  }
}
