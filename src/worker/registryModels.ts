// The registered models a notebook's cells read by reference
// ("registry:churn@production"): which aliases the open cells use, which
// saved model each alias holds now, and bringing them up to date from the
// registry (before a run, after a register cell writes, when a cell failed
// for want of one). Used by the kernel worker (kernel.worker.ts).
import type { Kernel } from '../kernel/kernel.ts';
import type { TrainedModel } from '../core/values.ts';
import type { ModelVersion } from '../lifecycle/registry.ts';
import { codedNotice, type CodedNotice } from '../core/messages.ts';
import { pickVersion, type RegistryRef } from './registryRefs.ts';

export interface RegistryModelsDeps {
  kernel: Pick<Kernel, 'cells' | 'cellState' | 'getValue' | 'restoreValue'>;
  /** Every registered version (the registry store). */
  listVersions: () => Promise<ModelVersion[]>;
  /** A saved model by its ref (the models store). */
  loadModel: (ref: string) => Promise<TrainedModel>;
  /** Resolves once the backend can hold a model's weights. */
  backendReady: () => Promise<void>;
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export class RegistryModels {
  /** Registry references in the open notebook's cells, by the alias the kernel sees. */
  private refs = new Map<string, RegistryRef>();
  /** The modelRef loaded under each alias. */
  private readonly loaded = new Map<string, string>();

  constructor(private readonly deps: RegistryModelsDeps) {}

  /** The open cells' references (setCells). */
  setRefs(refs: Map<string, RegistryRef>): void {
    this.refs = refs;
  }

  get size(): number {
    return this.refs.size;
  }

  /** Whether a value name is a registry reference's alias. */
  has(alias: string): boolean {
    return this.refs.has(alias);
  }

  /** A restarted kernel holds none of them. */
  forgetLoaded(): void {
    this.loaded.clear();
  }

  /**
   * Load the registered models that cells read by reference (all cells, or
   * the given ones) into the kernel, unless the version the reference points
   * at now is the one already loaded. Returns what could not be resolved.
   */
  async resolve(cellIds?: readonly string[], only?: (ref: RegistryRef) => boolean): Promise<CodedNotice[]> {
    const { kernel } = this.deps;
    const errors: CodedNotice[] = [];
    const seen = new Set<string>();
    let versions: ModelVersion[] | undefined;
    for (const cell of kernel.cells()) {
      if (cellIds && !cellIds.includes(cell.id)) continue;
      for (const alias of cell.reads) {
        const ref = this.refs.get(alias);
        if (!ref || seen.has(alias) || (only && !only(ref))) continue;
        seen.add(alias);
        versions ??= await this.deps.listVersions();
        const v = pickVersion(versions, ref);
        if ('code' in v) {
          errors.push(v);
          continue;
        }
        if (this.loaded.get(alias) === v.modelRef && kernel.getValue(alias)) continue;
        try {
          const model = await this.deps.loadModel(v.modelRef!);
          kernel.restoreValue(alias, { type: 'model', model }, cell.id);
          this.loaded.set(alias, v.modelRef!);
        } catch (error) {
          errors.push(codedNotice('models.registryNotLoaded', { ref: ref.ref, name: ref.name, version: v.version, reason: reasonOf(error) }));
        }
      }
    }
    return errors;
  }

  /**
   * Before a run of several cells: load what can be loaded now (a register
   * cell in the same run updates the references it touches when it writes).
   * What cannot is explained if a cell then fails for want of it.
   */
  async beforeRun(): Promise<void> {
    if (this.refs.size === 0) return;
    await this.deps.backendReady();
    await this.resolve().catch(() => undefined);
  }

  /** A cell failed: if it reads a reference the kernel lacks, why (as the registry is now); nothing otherwise. */
  async explainMissing(cellId: string): Promise<(CodedNotice | string)[]> {
    const { kernel } = this.deps;
    const cell = kernel.cellState(cellId);
    if (!cell?.reads.some((r) => this.refs.has(r) && !kernel.getValue(r))) return [];
    return this.resolve([cellId]).catch((e: unknown) => [String(e)]);
  }
}
