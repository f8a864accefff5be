// window.workbench: a small, stable scripting contract for tests, demos and
// instructors (docs/app.md). Keep these signatures stable.
import type { Controller } from './controller.ts';
import type { CellOutput } from '../core/outputs.ts';
import type { CellStatus } from '../kernel/state.ts';
import type { RunRecord } from '../lifecycle/runs.ts';
import type { ModelVersion } from '../lifecycle/registry.ts';

export interface WorkbenchApi {
  /** Resolves once the kernel worker answers and a notebook is open. */
  ready: Promise<void>;
  /**
   * Open a notebook (.ipynb JSON text or value) as a new notebook of the user's.
   * It is untrusted (code cells and URL loads do not run) unless its content
   * is a bundled course notebook's, or `{trusted: true}` is passed.
   */
  open(notebookJson: string | object, options?: { trusted?: boolean }): Promise<void>;
  /** Trust the open notebook (like the banner's Trust button): its code cells and URL loads may run. */
  trust(): Promise<void>;
  /** Whether the open notebook is trusted as a whole. */
  trusted(): boolean;
  /** Run every cell in order; resolves when the run has finished (errors are in the cells). */
  runAll(): Promise<void>;
  /** Run the next cell (step through); resolves with its id, or null at the end. */
  runNext(): Promise<string | null>;
  /** Every cell with its status and outputs. */
  cells(): { id: string; kind: string; status: CellStatus; outputs: CellOutput[] }[];
  /** The active tfjs backend ('' until it is chosen). */
  backend(): string;
  /** Stop the running cell. */
  stop(): void;
  /** The open notebook as .ipynb text. */
  exportNotebook(): string;
  /** Every tracked run in this browser (all notebooks), newest first, as plain JSON (RunRecord, src/lifecycle/runs.ts). */
  runs(): Promise<RunRecord[]>;
  /** Every registered model version, by name then version, as plain JSON (ModelVersion, src/lifecycle/registry.ts). */
  registry(): Promise<ModelVersion[]>;
  /**
   * Where the kernel runs: 'sandboxed' (a worker in an opaque-origin frame:
   * notebook code cannot reach the app's storage or pages) or 'same-origin'
   * (the fallback: offline, dev server, ?isolation=off). docs/security.md.
   */
  isolation(): 'sandboxed' | 'same-origin';
}

export function installApi(controller: Controller): WorkbenchApi {
  const api: WorkbenchApi = {
    ready: controller.ready,
    async open(notebookJson, options = {}) {
      await controller.ready;
      await controller.openJson(notebookJson, undefined, { trusted: typeof options?.trusted === 'boolean' ? options.trusted : undefined });
    },
    async trust() {
      await controller.ready;
      await controller.trust();
    },
    trusted: () => controller.state.trust.notebook,
    async runAll() {
      await controller.ready;
      await controller.runAll().catch(() => undefined);
    },
    async runNext() {
      await controller.ready;
      return controller.runNext().catch(() => null);
    },
    cells() {
      const s = controller.state;
      return (s.doc?.cells ?? []).map((c) => {
        const run = s.runs[c.id];
        return { id: c.id, kind: c.kind, status: run?.status ?? 'idle', outputs: run?.outputs ?? c.outputs };
      });
    },
    backend: () => controller.state.backend,
    stop: () => controller.cancel(),
    exportNotebook: () => controller.serialize(),
    runs: () => controller.lifecycle.listRuns(),
    registry: () => controller.lifecycle.listVersions(),
    isolation: () => controller.isolation() ?? 'same-origin',
  };
  (window as unknown as { workbench: WorkbenchApi }).workbench = api;
  return api;
}
