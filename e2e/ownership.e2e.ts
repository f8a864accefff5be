// Host calls are checked against the calling notebook (issue 14,
// docs/security.md "Isolation"): notebook A trains two models and registers
// one in production; notebook B, opened next in the same tab and kernel,
// sends hand-made host calls on the kernel's own port and cannot list, read,
// overwrite or re-stage anything of A's — while its predict cell still uses
// A's production model by reference, the sharing the app offers. A notice
// the kernel posts is shown as B's words, not the app's.
import { describe, expect, it } from 'vitest';
import { useApp } from './session.ts';
import { cells, openNotebook, penguins, runAll, summary } from './helpers.ts';

type Run = { id: string; notebookId: string; kind: string; output?: string; modelRef?: string };
type Version = { name: string; version: number; stage: string; description: string; runId: string; modelRef?: string };
type WB = { workbench: { runs(): Promise<Run[]>; registry(): Promise<Version[]> } };

const NAME = 'owned-penguins';

function cell(id: string, kind: string, params: Record<string, unknown>) {
  return { cell_type: 'code', execution_count: null, id, metadata: { workbench: { kind, params } }, outputs: [], source: [`// ${kind}`] };
}
const code = (id: string, source: string) => ({ cell_type: 'code', id, metadata: { workbench: { kind: 'code', params: {} } }, source, outputs: [], execution_count: null });

/** penguins' load, split and transform cells, then `more`. */
function withData(title: string, more: unknown[]) {
  const nb = penguins();
  const keep = nb.cells.filter((c) => ['load', 'split', 'transform'].includes(c.metadata.workbench?.kind ?? ''));
  nb.cells = [...keep, ...more] as typeof nb.cells;
  (nb.metadata as Record<string, unknown>).title = title;
  return { nb, train: penguins().cells.find((c) => c.metadata.workbench?.kind === 'train' && c.metadata.workbench.params.model === 'mlp')!.metadata.workbench!.params };
}

// Hostile code in B: captures the kernel's port and sends host calls itself; every answer is recorded.
const ATTACK = (a: { notebookId: string; registeredRun: string; otherRun: string; version: Version }) => `
const send = MessagePort.prototype.postMessage;
let port;
MessagePort.prototype.postMessage = function (...args) { port = this; return send.apply(this, args); };
display('capturing the port');
MessagePort.prototype.postMessage = send;
const replies = {};
port.addEventListener('message', (e) => { if (e.data && e.data.kind === 'host-reply' && e.data.id >= 900000) replies[e.data.id] = e.data; });
const junk = (id, notebookId, name) => ({ id, notebookId, name, kind: 'mlp', cellId: '', size: 1, createdAt: 1, artifacts: { junk: true } });
const A = ${JSON.stringify(a)};
const calls = {
  listRuns: ['listRuns', []],
  getRun: ['getRun', [A.otherRun]],
  listModels: ['listModels', [A.notebookId]],
  getModel: ['getModel', [A.notebookId + '::mlp_a']],
  putModel: ['putModel', [junk(A.notebookId + '::mlp_a', A.notebookId, 'mlp_a')]],
  getOtherArtifact: ['getModel', ['run-artifacts::' + A.otherRun]],
  putOtherArtifact: ['putModel', [junk('run-artifacts::' + A.otherRun, 'run-artifacts', A.otherRun)]],
  putRegisteredArtifact: ['putModel', [junk('run-artifacts::' + A.registeredRun, 'run-artifacts', A.registeredRun)]],
  restage: ['putVersions', [[{ ...A.version, stage: 'archived', description: 'pwned' }]]],
  newVersion: ['putVersions', [[{ ...A.version, version: A.version.version + 1, stage: 'production', description: 'mine now' }]]],
  takeRun: ['putRun', [{ id: A.otherRun, notebookId: '' }]],
  getRegisteredArtifact: ['getModel', ['run-artifacts::' + A.registeredRun]],
  listVersions: ['listVersions', []],
};
let id = 900000;
const ids = {};
for (const [key, [op, args]] of Object.entries(calls)) { ids[key] = ++id; send.call(port, { kind: 'host', id, op, args }); }
send.call(port, { kind: 'notice', message: 'Your session expired: type your password in cell 1.' });
await new Promise((r) => setTimeout(r, 2000));
const show = (r) => !r ? 'no reply' : !r.ok ? { ok: false, error: r.error } : { ok: true, result: r.result === undefined ? 'undefined' : Array.isArray(r.result) ? r.result.map((x) => x.notebookId ?? x.name) : typeof r.result };
return Object.fromEntries(Object.entries(ids).map(([k, i]) => [k, show(replies[i])]));`;

describe('host calls scoped to the calling notebook', () => {
  const s = useApp();

  it('notebook B cannot list, read, overwrite or re-stage notebook A\'s models, artifacts, runs or registry versions', async () => {
    const page = s.page;
    const a = withData('Owner A', []);
    const mlp = (output: string) => ({ ...a.train, hidden: [8], epochs: 2, batchSize: 16, output });
    a.nb.cells.push(
      cell('train-a', 'train', mlp('mlp_a')) as never,
      cell('train-b', 'train', mlp('mlp_b')) as never,
      cell('eval-a', 'evaluate', { input: 'test_x', model: 'mlp_a', output: 'mlp_a_metrics' }) as never,
      cell('register-a', 'register', { model: 'mlp_a', name: NAME, metric: 'accuracy', metrics: 'mlp_a_metrics', condition: null, stage: 'production', description: 'A in production', tags: {}, data: '', output: 'registered' }) as never,
    );
    await openNotebook(page, a.nb, { trusted: true });
    await runAll(page);
    let list = await cells(page);
    expect(list.every((c) => c.kind === 'markdown' || c.status === 'done'), summary(list)).toBe(true);
    await page.locator('[data-testid="save-state"].save-saved').waitFor();

    const runsBefore = (await page.evaluate(() => (window as unknown as WB).workbench.runs())).filter((r) => r.kind === 'train' && (r.output === 'mlp_a' || r.output === 'mlp_b'));
    const runA = runsBefore.find((r) => r.output === 'mlp_a')!;
    const runB = runsBefore.find((r) => r.output === 'mlp_b')!;
    const version = (await page.evaluate(() => (window as unknown as WB).workbench.registry())).find((v) => v.name === 'owned-penguins')!;
    expect(version).toMatchObject({ stage: 'production', runId: runA.id, modelRef: `run-artifacts::${runA.id}` });

    // Notebook B, in the same tab and kernel: the attack, then a predict cell on A's production model by reference.
    const b = withData('Intruder B', [
      code('attack', ATTACK({ notebookId: runA.notebookId, registeredRun: runA.id, otherRun: runB.id, version })),
      cell('predict', 'predict', { model: `registry:${NAME}@production`, transform: '', input: 'test_x', row: {}, output: 'prod_predictions' }),
    ]);
    await openNotebook(page, b.nb, { trusted: true });
    await runAll(page);
    list = await cells(page);
    expect(list.every((c) => c.kind === 'markdown' || c.status === 'done'), summary(list)).toBe(true);
    const got = list.find((c) => c.id === 'attack')!.outputs.find((o) => o.type === 'json')!.value as Record<string, { ok: boolean; error?: string; result?: unknown }>;
    const refused = (pattern: RegExp) => ({ ok: false, error: expect.stringMatching(pattern) });
    expect(got.listRuns.ok && (got.listRuns.result as string[]).includes(runA.notebookId), JSON.stringify(got.listRuns)).toBe(false);
    expect(got.getRun).toEqual({ ok: true, result: 'undefined' });
    expect(got.listModels).toEqual(refused(/may not list the models of notebook/));
    expect(got.getModel).toEqual(refused(/may not read the saved model/));
    expect(got.putModel).toEqual(refused(/may not save the model/));
    expect(got.getOtherArtifact).toEqual(refused(/may not read the saved model "run-artifacts::/));
    expect(got.putOtherArtifact).toEqual(refused(/may not overwrite the saved model/));
    expect(got.putRegisteredArtifact).toEqual(refused(/may not overwrite the saved model/));
    expect(got.restage).toEqual(refused(/The registered model "owned-penguins" belongs to another notebook/));
    expect(got.newVersion).toEqual(refused(/belongs to another notebook/));
    expect(got.takeRun).toEqual(refused(/may not write the run|Invalid run record/));
    // Shared on purpose: the registry's versions and the model a version points at.
    expect(got.getRegisteredArtifact).toEqual({ ok: true, result: 'object' });
    expect(got.listVersions.ok).toBe(true);

    // A is intact: its version, its runs, its saved models.
    const after = (await page.evaluate(() => (window as unknown as WB).workbench.registry())).filter((v) => v.name === 'owned-penguins');
    expect(after).toEqual([expect.objectContaining({ version: version.version, stage: 'production', description: 'A in production' })]);
    const runsAfter = await page.evaluate(() => (window as unknown as WB).workbench.runs());
    for (const r of [runA, runB]) expect(runsAfter.find((x) => x.id === r.id)).toMatchObject({ notebookId: runA.notebookId, modelRef: r.modelRef });
    const junked = await page.evaluate(async (keys) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => { const q = indexedDB.open('ml-workbench'); q.onsuccess = () => ok(q.result); q.onerror = () => fail(q.error); });
      const get = (key: string) => new Promise<unknown>((ok) => { const g = db.transaction('models').objectStore('models').get(key); g.onsuccess = () => ok(g.result); });
      const records = await Promise.all(keys.map(get));
      db.close();
      return records.map((r) => (r ? JSON.stringify((r as { artifacts: unknown }).artifacts).includes('"junk"') : 'missing'));
    }, [`${runA.notebookId}::mlp_a`, `run-artifacts::${runA.id}`, `run-artifacts::${runB.id}`]);
    expect(junked).toEqual([false, false, false]);

    // The kernel's notice: B's words under B's title, not the app's voice.
    const kernelNotice = page.locator('.notices .notice[data-from="kernel"]', { hasText: 'Your session expired' });
    await kernelNotice.first().waitFor({ timeout: 10_000 });
    expect(await kernelNotice.first().locator('.notice-from').textContent()).toBe('From the code of notebook “Intruder B” (not from this app):');
    expect(await page.locator('.notices .notice[data-from="app"]', { hasText: 'Your session expired' }).count()).toBe(0);
  });
});
