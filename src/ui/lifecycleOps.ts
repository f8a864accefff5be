// The lifecycle panels' work, loaded with the panels (or window.workbench.runs()
// / registry()), not with the first screen: reading and changing the stored
// runs and registry versions, their artifacts, import and export.
import type { RunRecord } from '../lifecycle/runs.ts';
import type { ModelVersion, Stage } from '../lifecycle/registry.ts';
import type { LifecycleStores } from '../store/lifecycle.ts';
import type { WorkbenchStore } from '../store/types.ts';
import { IdbStore } from '../store/idb.ts';
import { lifecycleText as t } from './i18n-lifecycle.ts';
import type { LifecycleModel } from './lifecycle.ts';
import { errorText } from './errorText.ts';

/** The saved-model store the runs' artifacts live in (IndexedDB's models store). */
type ModelStore = Pick<WorkbenchStore, 'listModels' | 'deleteModel'>;

export class LifecycleOps {
  private stores: Promise<LifecycleStores> | undefined;
  private modelStore: Promise<ModelStore | undefined> | undefined;

  constructor(private readonly m: LifecycleModel) {}

  private load(): Promise<LifecycleStores> {
    this.stores ??= import('../store/lifecycle.ts').then((m) => m.lifecycleStores());
    return this.stores;
  }

  /** The models store (run artifacts); none without IndexedDB (the worker then keeps its models in its own memory). */
  private models(): Promise<ModelStore | undefined> {
    // idb.ts is in the first screen's bundle already (the controller's store).
    this.modelStore ??= Promise.resolve(typeof indexedDB === 'undefined' ? undefined : new IdbStore());
    return this.modelStore;
  }

  private async artifactRefs(): Promise<string[] | null> {
    const [models, { RUN_ARTIFACTS }] = await Promise.all([this.models(), import('../lifecycle/artifacts.ts')]);
    return models ? (await models.listModels(RUN_ARTIFACTS)).map((m) => m.id) : null;
  }

  /** Every stored run, newest first (window.workbench.runs). */
  async listRuns(): Promise<RunRecord[]> {
    return (await this.load()).runs.list();
  }

  /** Every registered version, by name then version (window.workbench.registry). */
  async listVersions(): Promise<ModelVersion[]> {
    return (await this.load()).registry.list();
  }

  async refresh(): Promise<void> {
    try {
      const [runs, versions, artifacts] = await Promise.all([this.listRuns(), this.listVersions(), this.artifactRefs().catch(() => null)]);
      this.m.patch({ runs, versions, artifacts, loaded: true });
    } catch (error) {
      this.m.onError(t('lcReadFailed', { message: error instanceof Error ? error.message : String(error) }));
    }
  }

  /** Delete runs and their saved models (artifacts), except those a registry version still uses. */
  async deleteRuns(ids: readonly string[]): Promise<void> {
    try {
      const [{ runs, registry }, models, { deleteRunsWithArtifacts }] = await Promise.all([this.load(), this.models(), import('../lifecycle/artifacts.ts')]);
      const r = await deleteRunsWithArtifacts(ids, { runs, registry, deleteArtifact: models && ((ref) => models.deleteModel(ref)) });
      if (r.kept.length) this.m.onInfo(t('lcArtifactsKept', { n: r.kept.length }));
    } catch (error) {
      this.m.onError(`${t('lcDeleteFailed')} ${error instanceof Error ? error.message : String(error)}`);
    }
    await this.refresh();
  }

  /** Register a run's saved model (its artifact) as the next version of `name`. */
  async registerRun(runId: string, name: string): Promise<boolean> {
    this.m.patch({ runMessage: undefined });
    try {
      const [{ runs, registry }, { registerRun }] = await Promise.all([this.load(), import('../lifecycle/artifacts.ts')]);
      const run = await runs.get(runId);
      if (!run) throw new Error(t('lcRunGone', { id: runId }));
      const v = await registerRun(registry, run, { name, description: t('lcRegisteredFromRun', { id: run.id }) });
      this.m.patch({ runMessage: { ok: true, text: t('lcRegistered', { name: v.name, version: v.version }) } });
      await this.refresh();
      return true;
    } catch (error) {
      const text = await errorText(error);
      this.m.patch({ runMessage: { ok: false, text } });
      this.m.onError(text);
      return false;
    }
  }

  async exportRuns(ids?: readonly string[]): Promise<string> {
    const { runs } = await this.load();
    if (!ids) return runs.exportJSON();
    const { serializeRuns } = await import('../lifecycle/runs.ts');
    const all = await runs.list();
    return serializeRuns(all.filter((r) => ids.includes(r.id)));
  }

  /** Import an export file; a bad file changes nothing and says why. */
  async importRuns(text: string, fileName: string): Promise<number | undefined> {
    try {
      const n = await (await this.load()).runs.importJSON(text);
      this.m.patch({ importMessage: { ok: true, text: t('lcImported', { n, file: fileName }) } });
      await this.refresh();
      return n;
    } catch (error) {
      const text = `${fileName}: ${await errorText(error)} ${t('lcNothingImported')}`;
      this.m.patch({ importMessage: { ok: false, text } });
      this.m.onError(text);
      return undefined;
    }
  }

  /** Promote, demote or archive through the registry state machine; its errors are shown as they are. */
  async transition(name: string, version: number, stage: Stage): Promise<boolean> {
    return this.registryAction(async (store, ops) => {
      const v = await ops.transitionModel(store, name, version, stage);
      this.m.onInfo(t('lcNowInStage', { name: v.name, version: v.version, stage: t(`lcStageName_${v.stage}`) }));
    });
  }

  async rollback(name: string): Promise<boolean> {
    return this.registryAction(async (store, ops) => {
      const v = await ops.rollbackModel(store, name);
      this.m.onInfo(t('lcRolledBack', { name: v.name, version: v.version }));
    });
  }

  private async registryAction(fn: (store: LifecycleStores['registry'], ops: typeof import('../lifecycle/registryStore.ts')) => Promise<void>): Promise<boolean> {
    this.m.patch({ registryError: undefined });
    try {
      const [stores, ops] = await Promise.all([this.load(), import('../lifecycle/registryStore.ts')]);
      await fn(stores.registry, ops);
      await this.refresh();
      return true;
    } catch (error) {
      const message = await errorText(error);
      this.m.patch({ registryError: message });
      this.m.onError(message);
      return false;
    }
  }
}
