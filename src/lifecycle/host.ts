// What the lifecycle cells need from their host beyond HostServices: the
// run and registry stores (IndexedDB in the browser) and model persistence.
// All optional, so hosts without them still run every other cell; cells
// that need a missing service fail with a message saying so.
import type { HostServices } from '../core/host.ts';
import type { TrainedModel } from '../core/values.ts';
import type { RunStore } from './runs.ts';
import type { RegistryStore } from './registryStore.ts';
import type { SavedArtifact } from './artifacts.ts';
import type { EndpointStore } from './endpointStore.ts';

/** Proposed additions to HostServices (src/core/host.ts). */
export interface LifecycleServices {
  runs?: RunStore;
  registry?: RegistryStore;
  /** Deployed endpoints: config history and request log (deploy, invoke and monitor cells). */
  endpoints?: EndpointStore;
  /** Persist a model's weights and spec; returns a reference loadModel accepts, or undefined for a model that cannot be saved yet. */
  saveModel?(model: TrainedModel, name: string): Promise<string | undefined>;
  /**
   * Save the model a run produced as that run's artifact, under a key of its
   * own (runArtifactRef(runId)); undefined when this kind of model cannot be
   * saved yet. Throws when saving fails (a full disk).
   */
  saveRunModel?(model: TrainedModel, runId: string): Promise<SavedArtifact | undefined>;
  loadModel?(ref: string): Promise<TrainedModel>;
  /** The open notebook, for run records. */
  notebook?(): { id: string; title: string };
}

/** The lifecycle services of a host, if it has them (until HostServices declares them). */
export function lifecycleServices(host: HostServices): LifecycleServices {
  return host as HostServices & LifecycleServices;
}
