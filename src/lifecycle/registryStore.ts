// Where registered model versions are kept, and the async operations the
// cells and the UI use: each loads a name's versions, applies the pure
// state machine (registry.ts) and writes back only what changed.
import { z } from 'zod';
import { getByStage, modelVersionSchema, register, rollback, transition, type ModelVersion, type RegisterInput, type Stage } from './registry.ts';

export interface RegistryStore {
  /** Every version of every name, or of one name. */
  list(name?: string): Promise<ModelVersion[]>;
  get(name: string, version: number): Promise<ModelVersion | undefined>;
  /** Insert or replace versions by (name, version) in one write (IndexedDB: one transaction). */
  putMany(versions: readonly ModelVersion[]): Promise<void>;
  delete(name: string, version: number): Promise<void>;
}

export const registryExportSchema = z.object({
  format: z.literal('ml-workbench-registry'),
  version: z.literal(1),
  models: z.array(modelVersionSchema),
});

function now(clock?: () => Date): string {
  return (clock ? clock() : new Date()).toISOString();
}

export async function registerModel(store: RegistryStore, input: RegisterInput, clock?: () => Date): Promise<ModelVersion> {
  const r = register(await store.list(input.name), input, now(clock));
  await store.putMany(r.changed);
  return r.version;
}

export async function transitionModel(store: RegistryStore, name: string, version: number, stage: Stage, clock?: () => Date, note?: string): Promise<ModelVersion> {
  const r = transition(await store.list(name), name, version, stage, now(clock), note);
  await store.putMany(r.changed);
  return r.version;
}

export async function rollbackModel(store: RegistryStore, name: string, clock?: () => Date): Promise<ModelVersion> {
  const r = rollback(await store.list(name), name, now(clock));
  await store.putMany(r.changed);
  return r.version;
}

export async function modelsInStage(store: RegistryStore, name: string, stage: Stage): Promise<ModelVersion[]> {
  return getByStage(await store.list(name), name, stage);
}

/** A RegistryStore held in memory (tests, the headless runner, the reference for IndexedDB). */
export class MemoryRegistryStore implements RegistryStore {
  private readonly versions = new Map<string, ModelVersion>();

  private static key(name: string, version: number): string {
    return `${name}\u0000${version}`;
  }

  async list(name?: string): Promise<ModelVersion[]> {
    return [...this.versions.values()]
      .filter((v) => name === undefined || v.name === name)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.version - b.version))
      .map((v) => structuredClone(v));
  }

  async get(name: string, version: number): Promise<ModelVersion | undefined> {
    const v = this.versions.get(MemoryRegistryStore.key(name, version));
    return v && structuredClone(v);
  }

  async putMany(versions: readonly ModelVersion[]): Promise<void> {
    // Validate all first so a bad record writes nothing.
    const parsed = versions.map((v) => modelVersionSchema.parse(v));
    for (const v of parsed) this.versions.set(MemoryRegistryStore.key(v.name, v.version), structuredClone(v));
  }

  async delete(name: string, version: number): Promise<void> {
    this.versions.delete(MemoryRegistryStore.key(name, version));
  }
}
