// The ML lifecycle on the main thread: the runs and registry panels' state
// and actions, outside React (like Controller). The stores (IndexedDB, with
// zod validation) and the registry state machine load on first use, so the
// first screen does not carry them.
import type { RunRecord } from '../lifecycle/runs.ts';
import type { ModelVersion, Stage } from '../lifecycle/registry.ts';
import type { LifecycleStores } from '../store/lifecycle.ts';
import type { WorkbenchStore } from '../store/types.ts';
import { IdbStore } from '../store/idb.ts';
import { t } from './i18n.ts';

/** An error's message in the UI language (i18n-errors.ts, loaded on the first error: not on the first screen). */
async function errorText(error: unknown): Promise<string> {
  return (await import('./i18n-errors.ts')).errorMessage(error);
}

/** The saved-model store the runs' artifacts live in (IndexedDB's models store). */
type ModelStore = Pick<WorkbenchStore, 'listModels' | 'deleteModel'>;

export type LifecyclePanelName = 'runs' | 'registry';

export interface LifecycleState {
  panel: LifecyclePanelName | null;
  runs: RunRecord[];
  versions: ModelVersion[];
  loaded: boolean;
  /** A run to show (the registry's link to the run behind a version). */
  focusRun?: string;
  /** The last import's problem (shown in the runs panel), or its result. */
  importMessage?: { ok: boolean; text: string };
  /** The last registry action's error (the state machine's message). */
  registryError?: string;
  /** Run artifacts present in this browser (modelRefs), or null where there is no model store to ask. */
  artifacts: string[] | null;
  /** The last "register this run's model" outcome, shown under the run. */
  runMessage?: { ok: boolean; text: string };
}

export class LifecycleModel {
  state: LifecycleState = { panel: null, runs: [], versions: [], loaded: false, artifacts: null };
  private listeners = new Set<() => void>();
  private stores: Promise<LifecycleStores> | undefined;
  private modelStore: Promise<ModelStore | undefined> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly onError: (message: string) => void,
    private readonly onInfo: (message: string) => void,
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): LifecycleState => this.state;

  private set(patch: Partial<LifecycleState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

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
      this.set({ runs, versions, artifacts, loaded: true });
    } catch (error) {
      this.onError(t('lcReadFailed', { message: error instanceof Error ? error.message : String(error) }));
    }
  }

  /** A cell finished (it may have recorded a run or registered a version): refresh what a panel shows. */
  changed(): void {
    if (!this.state.loaded && !this.state.panel) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), 100);
  }

  open(panel: LifecyclePanelName | null): void {
    this.set({ panel, registryError: undefined, ...(panel !== 'runs' ? { focusRun: undefined } : {}) });
    if (panel) void this.refresh();
  }

  toggle(panel: LifecyclePanelName): void {
    this.open(this.state.panel === panel ? null : panel);
  }

  /** Open the runs panel on one run. */
  showRun(id: string): void {
    this.set({ panel: 'runs', focusRun: id });
    void this.refresh();
  }

  /** Delete runs and their saved models (artifacts), except those a registry version still uses. */
  async deleteRuns(ids: readonly string[]): Promise<void> {
    try {
      const [{ runs, registry }, models, { deleteRunsWithArtifacts }] = await Promise.all([this.load(), this.models(), import('../lifecycle/artifacts.ts')]);
      const r = await deleteRunsWithArtifacts(ids, { runs, registry, deleteArtifact: models && ((ref) => models.deleteModel(ref)) });
      if (r.kept.length) this.onInfo(t('lcArtifactsKept', { n: r.kept.length }));
    } catch (error) {
      this.onError(`${t('lcDeleteFailed')} ${error instanceof Error ? error.message : String(error)}`);
    }
    await this.refresh();
  }

  /** Register a run's saved model (its artifact) as the next version of `name`. */
  async registerRun(runId: string, name: string): Promise<boolean> {
    this.set({ runMessage: undefined });
    try {
      const [{ runs, registry }, { registerRun }] = await Promise.all([this.load(), import('../lifecycle/artifacts.ts')]);
      const run = await runs.get(runId);
      if (!run) throw new Error(t('lcRunGone', { id: runId }));
      const v = await registerRun(registry, run, { name, description: t('lcRegisteredFromRun', { id: run.id }) });
      this.set({ runMessage: { ok: true, text: t('lcRegistered', { name: v.name, version: v.version }) } });
      await this.refresh();
      return true;
    } catch (error) {
      const text = await errorText(error);
      this.set({ runMessage: { ok: false, text } });
      this.onError(text);
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
      this.set({ importMessage: { ok: true, text: t('lcImported', { n, file: fileName }) } });
      await this.refresh();
      return n;
    } catch (error) {
      const text = `${fileName}: ${await errorText(error)} ${t('lcNothingImported')}`;
      this.set({ importMessage: { ok: false, text } });
      this.onError(text);
      return undefined;
    }
  }

  /** Promote, demote or archive through the registry state machine; its errors are shown as they are. */
  async transition(name: string, version: number, stage: Stage): Promise<boolean> {
    return this.registryAction(async (store, ops) => {
      const v = await ops.transitionModel(store, name, version, stage);
      this.onInfo(t('lcNowInStage', { name: v.name, version: v.version, stage: t(`lcStageName_${v.stage}`) }));
    });
  }

  async rollback(name: string): Promise<boolean> {
    return this.registryAction(async (store, ops) => {
      const v = await ops.rollbackModel(store, name);
      this.onInfo(t('lcRolledBack', { name: v.name, version: v.version }));
    });
  }

  private async registryAction(fn: (store: LifecycleStores['registry'], ops: typeof import('../lifecycle/registryStore.ts')) => Promise<void>): Promise<boolean> {
    this.set({ registryError: undefined });
    try {
      const [stores, ops] = await Promise.all([this.load(), import('../lifecycle/registryStore.ts')]);
      await fn(stores.registry, ops);
      await this.refresh();
      return true;
    } catch (error) {
      const message = await errorText(error);
      this.set({ registryError: message });
      this.onError(message);
      return false;
    }
  }
}
