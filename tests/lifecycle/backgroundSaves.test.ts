// Run records and their models written after the cell (backgroundSaves.ts),
// as the browser's kernel worker does: the train cell does not wait for the
// store, yet a register cell right after it finds the run and its model, a
// failed save is recorded with why, and the store never holds a run whose
// model is not stored.
import { describe, expect, it } from 'vitest';
import { BackgroundSaves } from '../../src/lifecycle/backgroundSaves.ts';
import { trackRun } from '../../src/lifecycle/track.ts';
import { runArtifactRef } from '../../src/lifecycle/artifacts.ts';
import { MemoryRunStore } from '../../src/lifecycle/memoryRunStore.ts';
import { MemoryRegistryStore } from '../../src/lifecycle/registryStore.ts';
import { registerCell, registerSchema } from '../../src/cells/register.ts';
import { newRunRecord } from '../../src/lifecycle/record.ts';
import type { RunRecord } from '../../src/lifecycle/runs.ts';
import type { LifecycleServices } from '../../src/lifecycle/host.ts';
import { testContext } from '../helpers/context.ts';
import { columnModel } from './fakes.ts';

/** A host like the worker's: the run's model is written through the queue by `writeModel`, every store write is logged. */
function backgroundHost(writeModel: (ref: string) => Promise<void>) {
  const errors: string[] = [];
  const saves = new BackgroundSaves((n) => errors.push(n.message));
  const log: string[] = [];
  const storedModels = new Set<string>();
  const inner = new MemoryRunStore();
  const put = inner.put.bind(inner);
  inner.put = async (run) => {
    await put(run);
    log.push(`run ${run.modelRef ?? 'without model'}`);
  };
  const registry = new MemoryRegistryStore();
  const putMany = registry.putMany.bind(registry);
  registry.putMany = async (versions) => {
    // The model a version names is stored before the version is.
    for (const v of versions) log.push(`version ${v.modelRef}${v.modelRef && !storedModels.has(v.modelRef) && !v.modelRef.startsWith('copy::') ? ' (model missing!)' : ''}`);
    return putMany(versions);
  };
  const services: LifecycleServices = {
    runs: saves.runs(inner),
    registry,
    notebook: () => ({ id: 'nb1', title: 'Churn' }),
    async saveRunModel(_model, runId) {
      const ref = runArtifactRef(runId);
      saves.artifact(ref, async () => {
        await writeModel(ref);
        storedModels.add(ref);
        log.push(`model ${ref}`);
      });
      return { ref, bytes: 10 };
    },
    async saveModel(_model, name) {
      log.push(`copy ${name}`);
      return `copy::${name}`;
    },
  };
  const model = columnModel({ task: 'classification', target: 'y', predCol: 'y' });
  const ctx = testContext({ model: { type: 'model', model }, metrics: { type: 'metrics', metrics: { accuracy: 0.9 } } }, { ...services, backend: () => 'cpu' } as never);
  return { saves, inner, registry, log, errors, ctx };
}

const train = (ctx: ReturnType<typeof backgroundHost>['ctx']) =>
  trackRun(ctx, { kind: 'train', params: { model: 'fake' }, output: 'model', startedAt: new Date(), durationMs: 1, outputs: [] });

function gate() {
  let open!: () => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<void>((resolve, reject) => {
    open = resolve;
    fail = reject;
  });
  return { promise, open, fail };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('run records and models written after the cell', () => {
  it('the train cell returns before its model is stored; a register cell right after it waits and links the stored model', async () => {
    const write = gate();
    const h = backgroundHost(() => write.promise);
    const run = await train(h.ctx);
    // The cell is done, nothing is stored yet.
    expect(h.saves.pending).toBe(2);
    expect(await h.inner.list()).toEqual([]);
    const registering = registerCell.run(registerSchema.parse({ name: 'churn', metric: 'accuracy' }), h.ctx);
    await tick();
    expect(await h.registry.list()).toEqual([]);
    write.open();
    const outputs = await registering;
    const [v] = await h.registry.list();
    expect(v).toMatchObject({ name: 'churn', version: 1, runId: run!.id, modelRef: runArtifactRef(run!.id) });
    expect(JSON.stringify(outputs)).toContain(`the run's artifact`);
    expect(h.log).toEqual([`model ${runArtifactRef(run!.id)}`, `run ${runArtifactRef(run!.id)}`, `version ${runArtifactRef(run!.id)}`]);
    const [stored] = await h.inner.list();
    expect(stored.model).toEqual({ type: 'fake', saved: true, bytes: 10 });
    expect(h.saves.pending).toBe(0);
    expect(h.errors).toEqual([]);
  });

  it('reads wait for the writes queued before them', async () => {
    const write = gate();
    const h = backgroundHost(() => write.promise);
    const run = await train(h.ctx);
    const listed = h.ctx.host && (h.ctx.host as LifecycleServices).runs!.list();
    let seen: RunRecord[] | undefined;
    void listed!.then((l) => (seen = l));
    await tick();
    expect(seen).toBeUndefined();
    write.open();
    expect((await listed!).map((r) => r.id)).toEqual([run!.id]);
  });

  it('a failed model save is stored as "not saved" with why (the record a waiting save wrote); register then saves a copy', async () => {
    const write = gate();
    const h = backgroundHost(() => write.promise);
    const run = await train(h.ctx);
    write.fail(new Error('Storage is full: the model could not be saved.'));
    const [stored] = await (h.ctx.host as LifecycleServices).runs!.list();
    expect(stored.id).toBe(run!.id);
    expect(stored.modelRef).toBeUndefined();
    expect(stored.model).toEqual({ type: 'fake', saved: false, error: 'saving failed: Storage is full: the model could not be saved.' });
    // The same record as when the cell waited for a save that threw.
    const waited = await trackRun(testContext({ model: h.ctx.values.get('model')! }, {
      runs: new MemoryRunStore(), backend: () => 'cpu', saveRunModel: async () => { throw new Error('Storage is full: the model could not be saved.'); },
    } as never), { kind: 'train', params: {}, output: 'model', startedAt: new Date(), durationMs: 1, outputs: [] });
    expect(stored.model).toEqual(waited!.model);
    await registerCell.run(registerSchema.parse({ name: 'churn', metric: 'accuracy' }), h.ctx);
    const [v] = await h.registry.list();
    expect(v).toMatchObject({ runId: run!.id, modelRef: 'copy::churn' });
    expect(h.log).toEqual(['run without model', 'copy churn', 'version copy::churn']);
  });

  it('a run record that cannot be written is reported, and later writes still happen', async () => {
    const h = backgroundHost(async () => undefined);
    const put = h.inner.put.bind(h.inner);
    let failOnce = true;
    h.inner.put = async (run) => {
      if (failOnce) {
        failOnce = false;
        throw new Error('The disk is full.');
      }
      return put(run);
    };
    const first = await train(h.ctx);
    const second = await train(h.ctx);
    const stored = await (h.ctx.host as LifecycleServices).runs!.list();
    expect(stored.map((r) => r.id)).toEqual([second!.id]);
    expect(h.errors).toEqual([`The run "${first!.id}" could not be recorded: The disk is full.`]);
  });

  it('a malformed run fails its cell at once and queues nothing', async () => {
    const h = backgroundHost(async () => undefined);
    const bad = { ...newRunRecord({ id: 'r1', cellId: 'c', kind: 'train', startedAt: new Date(), durationMs: 1, params: {}, backend: 'cpu' }), status: 'exploded' } as unknown as RunRecord;
    await expect((h.ctx.host as LifecycleServices).runs!.put(bad)).rejects.toThrow(/status/);
    expect(h.saves.pending).toBe(0);
    expect(await h.inner.list()).toEqual([]);
  });
});
