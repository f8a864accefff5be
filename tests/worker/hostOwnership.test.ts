// Host calls are checked against the calling notebook (issue 14): notebook
// B's kernel cannot list, read, overwrite or re-stage notebook A's saved
// models, run artifacts, runs or registered versions, even with hand-made
// calls; A's registered versions stay readable by reference (shared on
// purpose), and A's own kernel still does everything the cells do.
import { describe, expect, it } from 'vitest';
import { hostBridge, type HostDeps } from '../../src/worker/hostBridge.ts';
import { notebookScope } from '../../src/worker/hostScope.ts';
import { MemoryStore } from '../../src/store/memory.ts';
import { MemoryRunStore } from '../../src/lifecycle/memoryRunStore.ts';
import { MemoryRegistryStore, registerModel, transitionModel } from '../../src/lifecycle/registryStore.ts';
import { RemoteRegistryStore, RemoteRunStore, RemoteStore, type HostCaller } from '../../src/store/remote.ts';
import { newRunRecord } from '../../src/lifecycle/record.ts';
import { runArtifactRef } from '../../src/lifecycle/artifacts.ts';
import type { ModelRecord } from '../../src/store/types.ts';
import { MemoryEndpointStore } from '../../src/lifecycle/endpointStore.ts';
import { deploy } from '../../src/lifecycle/endpoint.ts';
import type { HostCall, HostOp } from '../../src/worker/protocol.ts';

const model = (id: string, notebookId: string, name: string, w = 1): ModelRecord => ({ id, notebookId, name, kind: 'mlp', cellId: 'c', size: 1, createdAt: 1, artifacts: { w: [w] } });
const run = (id: string, notebookId: string) => newRunRecord({ id, notebook: { id: notebookId, title: notebookId }, cellId: 'c', kind: 'train', startedAt: new Date(0), durationMs: 1, params: {}, metrics: { acc: 0.9 }, backend: 'cpu' });

async function world() {
  const store = new MemoryStore();
  const runs = new MemoryRunStore();
  const registry = new MemoryRegistryStore();
  const endpoints = new MemoryEndpointStore();
  let seq = 0;
  /** The host calls of a kernel whose open notebook is `notebookId`. */
  const kernelOf = (notebookId: string) => {
    const deps: HostDeps = { store, lifecycle: async () => ({ runs, registry, endpoints }), scope: notebookScope(() => ({ cells: [], trust: { notebook: true, cells: [] }, notebookId }), []) };
    const bridge = hostBridge(deps);
    const call = ((op: HostOp, ...args: unknown[]) => bridge({ kind: 'host', id: ++seq, op, args } as HostCall).then((a) => a.result)) as HostCaller;
    return { call, store: new RemoteStore(call), runs: new RemoteRunStore(call), registry: new RemoteRegistryStore(call) };
  };
  // Notebook A, through its own kernel: a saved model, two runs with artifacts (as track.ts: artifact first), one registered in production.
  const a = kernelOf('user:a');
  await a.store.putModel(model('user:a::clf', 'user:a', 'clf'));
  for (const id of ['run-a1', 'run-a2']) {
    await a.store.putModel(model(runArtifactRef(id), 'run-artifacts', id));
    await a.runs.put({ ...run(id, 'user:a'), modelRef: runArtifactRef(id) });
  }
  await registerModel(a.registry, { name: 'churn', runId: 'run-a1', modelRef: runArtifactRef('run-a1'), stage: 'production', description: 'A v1' });
  return { store, runs, registry, endpoints, kernelOf };
}

describe('host calls scoped to the calling notebook', () => {
  it('notebook B cannot list, read or overwrite A\'s saved models, runs or run artifacts', async () => {
    const { store, runs, kernelOf } = await world();
    const b = kernelOf('user:b');
    await expect(b.call('listModels', 'user:a')).rejects.toThrow('may not list the models of notebook "user:a"');
    await expect(b.call('getModel', 'user:a::clf')).rejects.toThrow('may not read the saved model');
    await expect(b.call('putModel', model('user:a::clf', 'user:a', 'clf', 666))).rejects.toThrow('may not save the model');
    // Runs: not listed, read as missing, never overwritten (nor re-labelled as B's).
    expect(await b.call('listRuns')).toEqual([]);
    expect(await b.call('getRun', 'run-a2')).toBeUndefined();
    await expect(b.call('putRun', { ...run('run-a2', 'user:b') })).rejects.toThrow('may not write the run "run-a2"');
    // The artifact of A's unregistered run: not readable, not overwritable.
    await expect(b.call('getModel', runArtifactRef('run-a2'))).rejects.toThrow('may not read the saved model "run-artifacts::run-a2"');
    await expect(b.call('putModel', model(runArtifactRef('run-a2'), 'run-artifacts', 'run-a2', 666))).rejects.toThrow('may not overwrite the saved model "run-artifacts::run-a2"');
    // The artifact of A's registered version: readable (shared by the registry), never writable.
    expect(((await b.call('getModel', runArtifactRef('run-a1'))) as ModelRecord).name).toBe('run-a1');
    await expect(b.call('putModel', model(runArtifactRef('run-a1'), 'run-artifacts', 'run-a1', 666))).rejects.toThrow('may not overwrite');
    // Nothing of A changed.
    expect(((await store.getModel('user:a::clf'))!.artifacts as { w: number[] }).w).toEqual([1]);
    expect(((await store.getModel(runArtifactRef('run-a1')))!.artifacts as { w: number[] }).w).toEqual([1]);
    expect(((await store.getModel(runArtifactRef('run-a2')))!.artifacts as { w: number[] }).w).toEqual([1]);
    expect((await runs.get('run-a2'))!.notebookId).toBe('user:a');
  });

  it('notebook B reads A\'s registered version but cannot re-stage it, redescribe it or add versions to its name', async () => {
    const { registry, kernelOf } = await world();
    const b = kernelOf('user:b');
    const [v1] = (await b.call('listVersions')) as Awaited<ReturnType<typeof registry.list>>;
    expect(v1).toMatchObject({ name: 'churn', version: 1, stage: 'production' });
    await expect(b.call('putVersions', [{ ...v1, stage: 'archived', description: 'pwned' }])).rejects.toThrow('The registered model "churn" belongs to another notebook');
    await expect(transitionModel(b.registry, 'churn', 1, 'archived')).rejects.toThrow('belongs to another notebook');
    // A new version under A's name (promoting it would archive A's) is refused too, even with B's own run.
    await b.runs.put(run('run-b', 'user:b'));
    await expect(registerModel(b.registry, { name: 'churn', runId: 'run-b', stage: 'production' })).rejects.toThrow('belongs to another notebook');
    // B registers under its own name, but not A's run or A's run artifact.
    await expect(registerModel(b.registry, { name: 'mine', runId: 'run-a2' })).rejects.toThrow('may not register run "run-a2"');
    await expect(registerModel(b.registry, { name: 'mine', runId: 'run-b', modelRef: runArtifactRef('run-a2') })).rejects.toThrow('may not point mine v1 at the saved model "run-artifacts::run-a2"');
    await expect(registerModel(b.registry, { name: 'mine', runId: 'run-b', modelRef: 'registry::churn::x' })).rejects.toThrow('may not point');
    expect((await registerModel(b.registry, { name: 'mine', runId: 'run-b', modelRef: 'registry::mine::abc' })).version).toBe(1);
    expect(await registry.get('churn', 1)).toMatchObject({ stage: 'production', description: 'A v1' });
    expect((await registry.list('churn'))).toHaveLength(1);
  });

  it('notebook A\'s own kernel still registers, promotes and reads its versions, runs and models', async () => {
    const { registry, kernelOf } = await world();
    const a = kernelOf('user:a');
    expect(((await a.call('listRuns')) as { id: string }[]).map((r) => r.id).sort()).toEqual(['run-a1', 'run-a2']);
    await registerModel(a.registry, { name: 'churn', runId: 'run-a2', modelRef: runArtifactRef('run-a2'), stage: 'production' });
    expect((await registry.list('churn')).map((v) => v.stage)).toEqual(['archived', 'production']);
    await transitionModel(a.registry, 'churn', 1, 'staging');
    expect(((await a.call('getModel', runArtifactRef('run-a2'))) as ModelRecord).name).toBe('run-a2');
    // A registered copy (a model with no run artifact) is written once, under a fresh key; never over an existing one.
    await a.store.putModel(model('registry::churn::k1', 'registry', 'churn'));
    await expect(a.store.putModel(model('registry::churn::k1', 'registry', 'churn', 2))).rejects.toThrow('may not overwrite');
  });

  it('an endpoint belongs to the notebook that deployed it: another notebook neither sees nor replaces it', async () => {
    const { endpoints, kernelOf } = await world();
    const a = kernelOf('user:a');
    const b = kernelOf('user:b');
    const at = '2026-01-01T00:00:00.000Z';
    const mine = deploy(undefined, 'bank', [{ variant: 'A', model: 'churn', version: 1, weight: 1 }], at, 'user:a');
    await a.call('putEndpoint', mine);
    expect(await a.call('getEndpoint', 'bank')).toMatchObject({ name: 'bank', notebookId: 'user:a' });
    expect(await b.call('getEndpoint', 'bank')).toBeUndefined();
    expect(await b.call('listEndpoints')).toEqual([]);
    await expect(b.call('putEndpoint', { ...mine, notebookId: 'user:b' })).rejects.toThrow('belongs to another notebook');
    await expect(b.call('putEndpoint', { ...mine, name: 'x', notebookId: 'user:a' })).rejects.toThrow('belongs to another notebook');
    await expect(a.call('putEndpoint', { ...mine, configs: [] })).rejects.toThrow('not a valid endpoint');
    expect((await endpoints.get('bank'))!.notebookId).toBe('user:a');
    expect(await endpoints.get('x')).toBeUndefined();
  });
});
