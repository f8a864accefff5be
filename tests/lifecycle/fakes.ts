// Test doubles: a TrainedModel whose predictions are a column of the table
// (no tfjs), and a host with in-memory lifecycle stores.
import type { ColumnTable } from 'arquero';
import type { Scalar } from '../../src/core/outputs.ts';
import type { Prediction, Task, TrainedModel } from '../../src/core/values.ts';
import type { HostServices } from '../../src/core/host.ts';
import { MemoryRunStore } from '../../src/lifecycle/memoryRunStore.ts';
import { MemoryRegistryStore } from '../../src/lifecycle/registryStore.ts';
import type { LifecycleServices } from '../../src/lifecycle/host.ts';

/** Predicts column `predCol` (and probabilities from `probaCol` for two classes). */
export function columnModel(opts: { task: Task; target: string; predCol: string; probaCol?: string; classes?: Scalar[] }): TrainedModel {
  return {
    modelType: 'fake',
    task: opts.task,
    target: opts.target,
    features: ['x'],
    classes: opts.classes,
    async predict(table: ColumnTable): Promise<Prediction> {
      const predictions = table.array(opts.predCol) as Scalar[];
      const out: Prediction = { predictions: Array.from(predictions) };
      if (opts.probaCol) {
        const p = Array.from(table.array(opts.probaCol) as number[]);
        out.probabilities = p.map((x) => [1 - x, x]);
        out.classes = opts.classes;
      }
      return out;
    },
    describe: () => ({ kind: 'fake', predCol: opts.predCol, hidden: [4, 2] }),
    dispose: () => undefined,
  };
}

export function lifecycleHost(extra: Partial<LifecycleServices> = {}) {
  const runs = new MemoryRunStore();
  const registry = new MemoryRegistryStore();
  const saved: string[] = [];
  const services: LifecycleServices = {
    runs,
    registry,
    saveModel: async (_m, name) => {
      saved.push(name);
      return `indexeddb://models/${name}-${saved.length}`;
    },
    notebook: () => ({ id: 'nb1', title: 'Churn' }),
    ...extra,
  };
  const host = services as Partial<HostServices>;
  return { host, runs, registry, saved };
}
