// The app's side of the sandboxed kernel (docs/security.md, "Isolation"):
// every message from the kernel is shape-checked (validate.ts), and host
// calls are allow-listed, argument-checked and scoped to the open notebook
// (hostBridge.ts, hostScope.ts). The kernel's RemoteStore forwards only what
// the kernel needs and refuses the rest.
import { describe, expect, it } from 'vitest';
import { checkFromFrame, checkFromKernel, checkResult } from '../../src/worker/validate.ts';
import { hostBridge, type HostDeps } from '../../src/worker/hostBridge.ts';
import { KernelNotebooks, notebookScope } from '../../src/worker/hostScope.ts';
import { RemoteStore } from '../../src/store/remote.ts';
import { MemoryStore } from '../../src/store/memory.ts';
import { MemoryRunStore } from '../../src/lifecycle/memoryRunStore.ts';
import { MemoryRegistryStore } from '../../src/lifecycle/registryStore.ts';
import { MemoryEndpointStore } from '../../src/lifecycle/endpointStore.ts';
import { newRunRecord } from '../../src/lifecycle/record.ts';
import type { NotebookCell } from '../../src/notebook/model.ts';
import type { HostCall, HostOp } from '../../src/worker/protocol.ts';
import type { TrustState } from '../../src/worker/trust.ts';

const cell = (id: string, kind: string, params: Record<string, unknown>): NotebookCell => ({ id, kind, params, outputs: [], jupyter: { cellType: 'code', metadata: {}, source: '' } });

describe('checkFromKernel', () => {
  it('accepts the protocol shapes', () => {
    const ok: unknown[] = [
      { kind: 'response', id: 3, ok: true, result: { anything: 1 } },
      { kind: 'response', id: 4, ok: false, error: 'bad' },
      { kind: 'event', event: { type: 'status', cellId: 'c1', status: 'done', durationMs: 5 } },
      { kind: 'event', event: { type: 'outputs', cellId: 'c1', outputs: [{ type: 'text', text: 'x' }] } },
      { kind: 'event', event: { type: 'progress', cellId: 'c1', progress: { phase: 'train', epoch: 1, loss: 0.5, metrics: { acc: 0.9 } } } },
      { kind: 'event', event: { type: 'values', values: [{ name: 'df', type: 'table', detail: '3 rows', cellId: 'c1' }] } },
      { kind: 'backend', info: { backend: 'wasm', tried: [{ name: 'webgpu', ok: false, error: 'none' }, { name: 'wasm', ok: true }] } },
      { kind: 'fatal', error: 'gone', dead: true },
      { kind: 'notice', message: 'hello' },
      { kind: 'models', saved: 'baseline' },
      { kind: 'host', id: 1, op: 'getFile', args: ['file:1'] },
    ];
    for (const m of ok) expect(checkFromKernel(m), JSON.stringify(m)).toEqual(m);
  });

  it('drops everything else', () => {
    const bad: unknown[] = [
      null, 'response', [1], {},
      { kind: 'response', id: 0, ok: true, result: 1 },
      { kind: 'response', id: 1.5, ok: true, result: 1 },
      { kind: 'response', id: 2, ok: false },
      { kind: 'event', event: { type: 'status', cellId: 'c1', status: 'exploded' } },
      { kind: 'event', event: { type: 'outputs', cellId: 'c1', outputs: 'not a list' } },
      { kind: 'event', event: { type: 'outputs', cellId: 'c1', outputs: [{ text: 'no type' }] } },
      { kind: 'event', event: { type: 'progress', cellId: 'c1', progress: { phase: 'x', metrics: { acc: 'high' } } } },
      { kind: 'event', event: { type: 'navigate', cellId: 'c1' } },
      { kind: 'backend', info: { backend: 'wasm', tried: [{ name: 'quantum', ok: true }] } },
      { kind: 'fatal', error: 42 },
      { kind: 'host', id: 1, op: 'listNotebooks', args: [] },
      { kind: 'host', id: 1, op: 'getSetting', args: ['trusted'] },
      { kind: 'host', id: 1, op: 'getFile', args: 'file:1' },
      { kind: 'eval', code: 'alert(1)' },
    ];
    for (const m of bad) expect(checkFromKernel(m), JSON.stringify(m)).toBeUndefined();
  });

  it('checks results by request type', () => {
    expect(checkResult('setCells', { sources: { c1: 'load penguins' }, issues: {} })).toBe(true);
    expect(checkResult('setCells', { sources: { c1: 7 }, issues: {} })).toBe(false);
    expect(checkResult('runNext', null)).toBe(true);
    expect(checkResult('runAll', [{ cellId: 'c1', status: 'done' }, { cellId: 'c2', status: 'nope' }])).toBe(false);
    expect(checkResult('columns', ['a', 'b'])).toBe(true);
    expect(checkResult('columns', [1])).toBe(false);
    expect(checkResult('openNotebook', { restored: ['m'] })).toBe(true);
    // The app lists these names in its own notice: value names only, never a sentence.
    expect(checkResult('openNotebook', { restored: ['m', 'Your session expired: type your password'] })).toBe(false);
  });

  it('takes only the frame\'s own two messages', () => {
    expect(checkFromFrame({ kind: 'frame-ready' })).toEqual({ kind: 'frame-ready' });
    expect(checkFromFrame({ kind: 'worker-error', message: 'boom' })).toEqual({ kind: 'worker-error', message: 'boom' });
    expect(checkFromFrame({ kind: 'worker-error', message: 3 })).toBeUndefined();
    expect(checkFromFrame({ kind: 'response', id: 1, ok: true })).toBeUndefined();
  });
});

describe('notebookScope', () => {
  const cells = [
    cell('load', 'load', { source: { type: 'file', fileId: 'file:mine', fileName: 'a.csv' }, output: 'df' }),
    cell('url', 'load', { source: { type: 'url', url: '/data/a.csv' }, output: 'a' }),
    cell('url2', 'load', { source: { type: 'url', url: '/data/b.csv' }, output: 'b' }),
  ];
  const scope = (trust: TrustState) => notebookScope(() => ({ cells, trust, notebookId: 'user:open' }), new Set(['user:before']));

  it('allows the uploads the notebook names, and no others', () => {
    const s = scope({ notebook: false, cells: [] });
    expect(s.fileAllowed('file:mine')).toBe(true);
    expect(s.fileAllowed('file:other')).toBe(false);
  });

  it('allows a URL only where a trusted cell loads it', () => {
    expect(scope({ notebook: false, cells: [] }).urlAllowed('/data/a.csv')).toBe(false);
    expect(scope({ notebook: false, cells: ['url'] }).urlAllowed('/data/a.csv')).toBe(true);
    expect(scope({ notebook: false, cells: ['url'] }).urlAllowed('/data/b.csv')).toBe(false);
    expect(scope({ notebook: true, cells: [] }).urlAllowed('/data/b.csv')).toBe(true);
    expect(scope({ notebook: true, cells: [] }).urlAllowed('/index.html')).toBe(false);
  });

  it('lists the notebook the kernel is switching from and the open one', () => {
    expect([...scope({ notebook: true, cells: [] }).notebookIds()].sort()).toEqual(['user:before', 'user:open']);
  });

  it('drops the notebook a kernel switched away from once the switch is done (the set never only grows)', () => {
    const reach = new KernelNotebooks();
    reach.switchTo('user:a')();
    const doneB = reach.switchTo('user:b');
    expect([...reach].sort()).toEqual(['user:a', 'user:b']); // A's pending saves may still land
    const doneC = reach.switchTo('user:c'); // opened before B finished
    doneB();
    expect([...reach].sort()).toEqual(['user:b', 'user:c']);
    doneC();
    expect([...reach]).toEqual(['user:c']);
    reach.switchTo('user:a')();
    expect([...reach]).toEqual(['user:a']);
  });
});

describe('hostBridge', () => {
  async function setup() {
    const store = new MemoryStore();
    const runs = new MemoryRunStore();
    const registry = new MemoryRegistryStore();
    await store.putFile({ id: 'file:mine', name: 'a.csv', type: 'text/csv', size: 3, blob: new Blob(['a,b']), createdAt: 0 });
    await store.putFile({ id: 'file:other', name: 'secret.csv', type: 'text/csv', size: 6, blob: new Blob(['secret']), createdAt: 0 });
    const model = (notebookId: string, name: string) => ({ id: `${notebookId}::${name}`, notebookId, name, kind: 'mlp', cellId: 'c', size: 1, createdAt: 1, artifacts: { w: [1] } });
    await store.putModel(model('user:open', 'mine'));
    await store.putModel(model('user:other', 'theirs'));
    await runs.put(newRunRecord({ id: 'run-other', notebook: { id: 'user:other', title: 'Other' }, cellId: 'c', kind: 'train', startedAt: new Date(0), durationMs: 1, params: {}, metrics: {}, backend: 'cpu' }));
    const deps: HostDeps = {
      store,
      lifecycle: async () => ({ runs, registry, endpoints: new MemoryEndpointStore() }),
      scope: notebookScope(() => ({ cells: [cell('load', 'load', { source: { type: 'file', fileId: 'file:mine', fileName: 'a.csv' } })], trust: { notebook: true, cells: [] }, notebookId: 'user:open' }), new Set()),
    };
    let id = 0;
    const bridge = hostBridge(deps);
    const call = (op: string, ...args: unknown[]) => bridge({ kind: 'host', id: ++id, op: op as HostOp, args } as HostCall).then((a) => a.result);
    return { call, store, runs, model };
  }

  it('returns the named upload as its Blob, and nothing for another', async () => {
    const { call } = await setup();
    const mine = (await call('getFile', 'file:mine')) as { blob: Blob };
    expect(await mine.blob.text()).toBe('a,b');
    expect(await call('getFile', 'file:other')).toBeUndefined();
  });

  it('scopes saved models to the notebooks opened here, registry models and run artifacts', async () => {
    const { call, store, model } = await setup();
    expect(((await call('listModels', 'user:open')) as { name: string }[]).map((m) => m.name)).toEqual(['mine']);
    await expect(call('listModels', 'user:other')).rejects.toThrow('may not list the models of notebook "user:other"');
    expect(((await call('getModel', 'user:open::mine')) as { name: string }).name).toBe('mine');
    await expect(call('getModel', 'user:other::theirs')).rejects.toThrow('may not read the saved model');
    await call('putModel', model('user:open', 'new'));
    await call('putModel', { ...model('registry', 'reg'), id: 'registry::reg::abc' });
    await call('putModel', { ...model('run-artifacts', 'run-1'), id: 'run-artifacts::run-1' });
    expect((await store.listModels()).map((m) => m.id).sort()).toEqual(['registry::reg::abc', 'run-artifacts::run-1', 'user:open::mine', 'user:open::new', 'user:other::theirs']);
    await expect(call('putModel', model('user:other', 'theirs'))).rejects.toThrow('may not save the model "user:other::theirs"');
    await expect(call('putModel', { ...model('user:open', 'x'), id: 'user:other::x' })).rejects.toThrow('may not save');
    await expect(call('putModel', { ...model('user:open', 'x'), size: 'big' })).rejects.toThrow("a saved model's size must be a number");
  });

  it('writes runs of open notebooks only, validated', async () => {
    const { call, runs } = await setup();
    const mine = newRunRecord({ id: 'run-mine', notebook: { id: 'user:open', title: 'Open' }, cellId: 'c', kind: 'train', startedAt: new Date(0), durationMs: 1, params: {}, metrics: { acc: 1 }, backend: 'cpu' });
    await call('putRun', mine);
    expect((await runs.get('run-mine'))?.metrics).toEqual({ acc: 1 });
    await expect(call('putRun', { ...mine, id: 'run-other' })).rejects.toThrow('may not write the run "run-other"');
    await expect(call('putRun', { ...mine, notebookId: 'user:other', id: 'run-new' })).rejects.toThrow('may not write');
    await expect(call('putRun', { ...mine, id: 'run-bad', kind: 'explode' })).rejects.toThrow('Invalid run record');
    // Another notebook's run is neither listed nor read.
    expect(((await call('listRuns')) as { id: string }[]).map((r) => r.id)).toEqual(['run-mine']);
    expect(await call('getRun', 'run-other')).toBeUndefined();
    expect(((await call('getRun', 'run-mine')) as { id: string }).id).toBe('run-mine');
  });

  it('validates registry writes before any is written', async () => {
    const { call } = await setup();
    await expect(call('putVersions', [{ name: 'm' }])).rejects.toThrow();
    expect(await call('listVersions')).toEqual([]);
    await expect(call('getVersion', 'm', 'one')).rejects.toThrow('a version must be an integer');
  });

  it('refuses what is not on the allow-list, bad arguments and URLs no trusted cell loads', async () => {
    const { call } = await setup();
    await expect(call('listNotebooks')).rejects.toThrow('may not ask the app for "listNotebooks"');
    await expect(call('deleteModel', 'user:open::mine')).rejects.toThrow('may not ask the app');
    await expect(call('getFile')).rejects.toThrow('getFile takes 1 arguments');
    await expect(call('getFile', 42)).rejects.toThrow('the upload id must be a string');
    await expect(call('fetchSameOrigin', '/index.html')).rejects.toThrow('only for a trusted cell of the open notebook');
  });
});

describe('RemoteStore', () => {
  it('forwards what the kernel uses and refuses the rest', async () => {
    const calls: unknown[][] = [];
    const store = new RemoteStore(async (op: string, ...args: unknown[]) => {
      calls.push([op, ...args]);
      return undefined as never;
    });
    await store.getFile('file:1');
    await store.listModels('user:open');
    await store.getModel('user:open::m');
    expect(calls).toEqual([['getFile', 'file:1'], ['listModels', 'user:open'], ['getModel', 'user:open::m']]);
    await expect(store.listNotebooks()).rejects.toThrow('Listing notebooks is not available to the sandboxed kernel.');
    await expect(store.getSetting()).rejects.toThrow('not available to the sandboxed kernel');
    await expect(store.listModels()).rejects.toThrow('Listing the models of every notebook');
  });
});
