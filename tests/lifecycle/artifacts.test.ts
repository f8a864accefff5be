// Run artifacts: every train run saves its model through the host and links
// it from modelRef; register reuses it; deleting runs deletes the artifacts
// nothing else uses.
import { beforeAll, describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { trainCell, trainSchema } from '../../src/cells/train.ts';
import { crossvalCell } from '../../src/cells/crossval.ts';
import { registerCell, registerSchema } from '../../src/cells/register.ts';
import { trackRun } from '../../src/lifecycle/track.ts';
import { newRunRecord } from '../../src/lifecycle/record.ts';
import { artifactsToDelete, deleteRunsWithArtifacts, registerRun, runArtifactRef, RUN_ARTIFACTS } from '../../src/lifecycle/artifacts.ts';
import { MemoryRunStore } from '../../src/lifecycle/memoryRunStore.ts';
import { MemoryRegistryStore } from '../../src/lifecycle/registryStore.ts';
import { parseRunExport, serializeRuns, validateRun, type RunRecord } from '../../src/lifecycle/runs.ts';
import type { ModelVersion } from '../../src/lifecycle/registry.ts';
import type { TrainedModel } from '../../src/core/values.ts';
import { nodeHost } from '../../src/cli/nodeHost.ts';
import { initBackend } from '../../src/ml/backend.ts';
import { testContext } from '../helpers/context.ts';
import { columnModel, lifecycleHost } from './fakes.ts';

beforeAll(async () => {
  await initBackend({ order: ['wasm', 'cpu'] });
});

function data() {
  const x = Array.from({ length: 60 }, (_, i) => (i % 20) / 20);
  return aq.table({ x, z: x.map((_v, i) => (i % 3) / 3), y: x.map((v) => (v > 0.5 ? 'hi' : 'lo')) });
}

function run(id: string, extra: Partial<RunRecord> = {}): RunRecord {
  return { ...newRunRecord({ id, cellId: 'c', kind: 'train', startedAt: new Date('2024-01-01T00:00:00Z'), durationMs: 1, params: {}, backend: 'cpu', output: 'model' }), ...extra };
}

function version(name: string, n: number, modelRef?: string): ModelVersion {
  const at = '2024-01-02T00:00:00.000Z';
  return { name, version: n, runId: 'x', stage: 'none', description: '', tags: {}, createdAt: at, metrics: {}, history: [{ stage: 'none', at }], ...(modelRef ? { modelRef } : {}) };
}

const dispose = (ctx: { values: Map<string, unknown> }, name: string) => (ctx.values.get(name) as { model: TrainedModel }).model.dispose();

describe('each train run records its model artifact', () => {
  it('a train run saves its model under its own key and links it (kind, size); loading it gives the same predictions', async () => {
    const host = nodeHost({ backend: () => 'wasm', notebook: { id: 'nb', title: 'Artifacts' } });
    const table = data();
    const ctx = testContext({ train: { type: 'table', table } }, host);
    await trainCell.run(trainSchema.parse({ target: 'y', model: 'logistic', epochs: 2, output: 'clf' }), ctx);
    await trainCell.run(trainSchema.parse({ target: 'y', model: 'logistic', epochs: 3, output: 'clf2' }), ctx);
    const runs = await host.runs!.list();
    expect(runs).toHaveLength(2);
    for (const r of runs) {
      expect(r.modelRef).toBe(runArtifactRef(r.id));
      expect(r.modelRef!.startsWith(`${RUN_ARTIFACTS}::run-`)).toBe(true);
      expect(r.model).toMatchObject({ type: 'logistic', saved: true });
      expect(r.model!.bytes).toBeGreaterThan(0);
    }
    expect(new Set(runs.map((r) => r.modelRef)).size).toBe(2);
    const clfRun = runs.find((r) => r.output === 'clf')!;
    const loaded = await host.loadModel!(clfRun.modelRef!);
    const original = (ctx.values.get('clf') as { model: TrainedModel }).model;
    expect((await loaded.predict(table)).predictions).toEqual((await original.predict(table)).predictions);
    loaded.dispose();
    dispose(ctx, 'clf');
    dispose(ctx, 'clf2');
  });

  it('a model that cannot be saved is recorded without an artifact, with its kind and why', async () => {
    const runs = new MemoryRunStore();
    const model = columnModel({ task: 'classification', target: 'y', predCol: 'y' });
    const host = { runs, saveRunModel: async () => undefined, backend: () => 'cpu' };
    const ctx = testContext({ seq: { type: 'model', model } }, host as never);
    const record = await trackRun(ctx, { kind: 'train', params: {}, output: 'seq', startedAt: new Date(), durationMs: 1, outputs: [] });
    expect(record!.modelRef).toBeUndefined();
    expect(record!.model).toEqual({ type: 'fake', saved: false, error: 'fake models cannot be saved yet' });
    expect((await runs.list())[0].model).toEqual(record!.model);
  });

  it('a failed save does not fail the run: the run says why', async () => {
    const runs = new MemoryRunStore();
    const model = columnModel({ task: 'classification', target: 'y', predCol: 'y' });
    const host = { runs, saveRunModel: async () => { throw new Error('Storage is full'); }, backend: () => 'cpu' };
    const record = await trackRun(testContext({ m: { type: 'model', model } }, host as never), { kind: 'train', params: {}, output: 'm', startedAt: new Date(), durationMs: 1, outputs: [] });
    expect(record!.model).toEqual({ type: 'fake', saved: false, error: 'saving failed: Storage is full' });
    expect(record!.modelRef).toBeUndefined();
  });

  it('a crossval run produces no model and records none', async () => {
    const host = nodeHost({ backend: () => 'wasm' });
    const ctx = testContext({ data: { type: 'table', table: data() } }, host);
    await crossvalCell.run(crossvalCell.schema.parse({ input: 'data', target: 'y', model: 'logistic', epochs: 1, folds: 2, method: 'stratified' }), ctx);
    const [r] = await host.runs!.list();
    expect(r.kind).toBe('crossval');
    expect(r.model).toBeUndefined();
    expect(r.modelRef).toBeUndefined();
  });
});

describe('register reuses the run artifact', () => {
  it('the register cell links the run that produced the model and reuses its artifact instead of saving a copy', async () => {
    const host = nodeHost({ backend: () => 'wasm', notebook: { id: 'nb', title: 'Artifacts' } });
    let copies = 0;
    const save = host.saveModel!;
    host.saveModel = async (m, n) => {
      copies++;
      return save(m, n);
    };
    const ctx = testContext({ train: { type: 'table', table: data() } }, host);
    await trainCell.run(trainSchema.parse({ target: 'y', model: 'logistic', epochs: 2, output: 'model' }), ctx);
    const [trained] = await host.runs!.list();
    ctx.values.set('metrics', { type: 'metrics', metrics: { accuracy: 0.9 } });
    await registerCell.run(registerSchema.parse({ name: 'clf', metric: 'accuracy' }), ctx);
    const [v] = await host.registry!.list();
    expect(v).toMatchObject({ name: 'clf', version: 1, runId: trained.id, modelRef: trained.modelRef });
    expect(copies).toBe(0);
    expect(await host.runs!.list()).toHaveLength(1);
    dispose(ctx, 'model');
  });

  it('finds the model\'s own run even when another notebook later wrote a value of the same name', async () => {
    const { host, runs, registry, saved } = lifecycleHost();
    const model = columnModel({ task: 'classification', target: 'y', predCol: 'y' });
    const ctx = testContext({ model: { type: 'model', model }, metrics: { type: 'metrics', metrics: { roc_auc: 0.8 } } }, { ...host, saveRunModel: async (_m: TrainedModel, id: string) => ({ ref: runArtifactRef(id), bytes: 10 }) } as never);
    const own = await trackRun(ctx, { kind: 'train', params: {}, output: 'model', startedAt: new Date(Date.now() - 1000), durationMs: 1, outputs: [] });
    await runs.put(run('other-notebook', { notebookId: 'nb2', startedAt: new Date().toISOString(), modelRef: runArtifactRef('other-notebook') }));
    await registerCell.run(registerSchema.parse({ name: 'churn' }), ctx);
    const [v] = await registry.list();
    expect(v.runId).toBe(own!.id);
    expect(v.modelRef).toBe(runArtifactRef(own!.id));
    expect(saved).toEqual([]);
  });

  it('a run without an artifact (older runs, unsaved kinds) still gets a saved copy at registration', async () => {
    const { host, runs, registry, saved } = lifecycleHost();
    await runs.put(run('old'));
    const model = columnModel({ task: 'classification', target: 'y', predCol: 'y' });
    await registerCell.run(registerSchema.parse({ name: 'churn', metrics: '' }), testContext({ model: { type: 'model', model } }, host));
    const [v] = await registry.list();
    expect(v.runId).toBe('old');
    expect(v.modelRef).toBe('indexeddb://models/churn-1');
    expect(saved).toEqual(['churn']);
  });
});

describe('registering a run from the runs panel', () => {
  it('registers the run\'s artifact with its metrics', async () => {
    const registry = new MemoryRegistryStore();
    const r = run('r1', { modelRef: runArtifactRef('r1'), model: { type: 'mlp', saved: true, bytes: 100 }, metrics: { accuracy: 0.9 } });
    const v = await registerRun(registry, r, { name: ' penguins ', description: 'from the panel' });
    expect(v).toMatchObject({ name: 'penguins', version: 1, runId: 'r1', modelRef: runArtifactRef('r1'), metrics: { accuracy: 0.9 }, stage: 'none', description: 'from the panel' });
    expect((await registerRun(registry, r, { name: 'penguins' })).version).toBe(2);
  });

  it('refuses a run without a saved model and says why', async () => {
    const registry = new MemoryRegistryStore();
    await expect(registerRun(registry, run('r2', { model: { type: 'lstm', saved: false, error: 'lstm models cannot be saved yet' } }), { name: 'x' })).rejects.toThrow('Run r2 has no saved model to register: its lstm model was not saved (lstm models cannot be saved yet).');
    await expect(registerRun(registry, run('r3', { kind: 'crossval' }), { name: 'x' })).rejects.toThrow('it produced no model');
    expect(await registry.list()).toEqual([]);
  });
});

describe('deleting runs deletes their artifacts unless something uses them', () => {
  it('artifactsToDelete keeps artifacts a registry version or a remaining run uses', () => {
    const a = run('a', { modelRef: 'run-artifacts::a' });
    const b = run('b', { modelRef: 'run-artifacts::b' });
    const c = run('c', { modelRef: 'run-artifacts::c' });
    const copyOfC = run('c2', { modelRef: 'run-artifacts::c' });
    const none = run('n');
    const r = artifactsToDelete([a, b, c, none], [a, b, c, copyOfC, none], [version('m', 1, 'run-artifacts::a'), version('m', 2)]);
    expect(r.remove).toEqual(['run-artifacts::b']);
    expect(r.keep.sort()).toEqual(['run-artifacts::a', 'run-artifacts::c']);
    // Deleting the copy too frees c.
    expect(artifactsToDelete([c, copyOfC], [a, b, c, copyOfC], []).remove).toEqual(['run-artifacts::c']);
  });

  it('deleteRunsWithArtifacts deletes the runs, then the unused artifacts', async () => {
    const runs = new MemoryRunStore([run('a', { modelRef: 'run-artifacts::a' }), run('b', { modelRef: 'run-artifacts::b' }), run('keep', { modelRef: 'run-artifacts::keep' })]);
    const registry = new MemoryRegistryStore();
    await registry.putMany([version('m', 1, 'run-artifacts::a')]);
    const deleted: string[] = [];
    const r = await deleteRunsWithArtifacts(['a', 'b', 'missing'], { runs, registry, deleteArtifact: async (ref) => void deleted.push(ref) });
    expect(r).toEqual({ runs: 2, deleted: ['run-artifacts::b'], kept: ['run-artifacts::a'] });
    expect(deleted).toEqual(['run-artifacts::b']);
    expect((await runs.list()).map((x) => x.id)).toEqual(['keep']);
    expect(await registry.list()).toHaveLength(1);
  });
});

describe('run records with a model', () => {
  it('round-trip through export/import; a bad model field names where', () => {
    const r = run('r', { modelRef: 'run-artifacts::r', model: { type: 'gbdt', saved: true, bytes: 1234 } });
    expect(parseRunExport(serializeRuns([r])).runs[0]).toEqual(r);
    expect(() => validateRun({ ...r, model: { type: 'gbdt', saved: true, bytes: -1 } })).toThrow(/model\.bytes/);
    expect(() => validateRun({ ...r, model: { saved: true } })).toThrow(/model\.type/);
  });
});
