// The ML lifecycle on the main thread: the runs and registry panels' state,
// outside React (like Controller). Only the panel state is on the first
// screen; the work (stores with zod validation, the registry state machine,
// import/export: lifecycleOps.ts) loads on first use.
import type { RunRecord } from '../lifecycle/runs.ts';
import type { ModelVersion, Stage } from '../lifecycle/registry.ts';
import type { LifecycleOps } from './lifecycleOps.ts';

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
  private timer: ReturnType<typeof setTimeout> | undefined;
  private work: Promise<LifecycleOps> | undefined;

  constructor(
    readonly onError: (message: string) => void,
    readonly onInfo: (message: string) => void,
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): LifecycleState => this.state;

  patch(patch: Partial<LifecycleState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  private ops(): Promise<LifecycleOps> {
    this.work ??= import('./lifecycleOps.ts').then((m) => new m.LifecycleOps(this));
    return this.work;
  }

  /** A cell finished (it may have recorded a run or registered a version): refresh what a panel shows. */
  changed(): void {
    if (!this.state.loaded && !this.state.panel) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), 100);
  }

  open(panel: LifecyclePanelName | null): void {
    this.patch({ panel, registryError: undefined, ...(panel !== 'runs' ? { focusRun: undefined } : {}) });
    if (panel) void this.refresh();
  }

  toggle(panel: LifecyclePanelName): void {
    this.open(this.state.panel === panel ? null : panel);
  }

  /** Open the runs panel on one run. */
  showRun(id: string): void {
    this.patch({ panel: 'runs', focusRun: id });
    void this.refresh();
  }

  // The work itself (lifecycleOps.ts), loaded on first use.
  /** Every stored run, newest first (window.workbench.runs). */
  listRuns = async (): Promise<RunRecord[]> => (await this.ops()).listRuns();
  /** Every registered version, by name then version (window.workbench.registry). */
  listVersions = async (): Promise<ModelVersion[]> => (await this.ops()).listVersions();
  refresh = async (): Promise<void> => (await this.ops()).refresh();
  deleteRuns = async (ids: readonly string[]): Promise<void> => (await this.ops()).deleteRuns(ids);
  registerRun = async (runId: string, name: string): Promise<boolean> => (await this.ops()).registerRun(runId, name);
  exportRuns = async (ids?: readonly string[]): Promise<string> => (await this.ops()).exportRuns(ids);
  importRuns = async (text: string, fileName: string): Promise<number | undefined> => (await this.ops()).importRuns(text, fileName);
  transition = async (name: string, version: number, stage: Stage): Promise<boolean> => (await this.ops()).transition(name, version, stage);
  rollback = async (name: string): Promise<boolean> => (await this.ops()).rollback(name);
}
