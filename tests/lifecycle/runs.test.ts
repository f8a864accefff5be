import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { MemoryRunStore } from '../../src/lifecycle/memoryRunStore.ts';
import { newRunRecord } from '../../src/lifecycle/record.ts';
import { bestRun, filterRuns, paramsDiff, searchRuns, sortRuns } from '../../src/lifecycle/runQuery.ts';
import { parseRunExport, validateRun, type RunRecord } from '../../src/lifecycle/runs.ts';

function run(id: string, at: string, params: Record<string, unknown>, metrics: Record<string, number>, extra: Partial<RunRecord> = {}): RunRecord {
  return { ...newRunRecord({ id, cellId: 'c1', kind: 'train', startedAt: new Date(at), durationMs: 100, params, metrics, backend: 'cpu', notebook: { id: 'nb', title: 'Penguins' } }), ...extra };
}

const r1 = run('r1', '2024-01-01T10:00:00Z', { model: 'mlp', hidden: [32, 16], learningRate: 0.01 }, { roc_auc: 0.8, rmse: 3 });
const r2 = run('r2', '2024-01-02T10:00:00Z', { model: 'mlp', hidden: [64], learningRate: 0.01 }, { roc_auc: 0.85 }, { kind: 'tune', tags: { owner: 'ana' } });
const r3 = run('r3', '2024-01-03T10:00:00Z', { model: 'logistic', learningRate: 0.1 }, { roc_auc: 0.7 }, { status: 'failed', notebookId: 'other' });

describe('run records', () => {
  it('newRunRecord fingerprints the table, keeps finite metrics and curves, validates', () => {
    const r = newRunRecord({
      id: 'x', cellId: 'c', kind: 'train', startedAt: new Date('2024-05-01T00:00:00Z'), durationMs: 5, backend: 'wasm',
      params: { lr: 0.1, f: undefined }, metrics: { acc: 0.9, bad: NaN }, history: [{ epoch: 1, loss: 0.5, val_loss: NaN }],
      table: aq.table({ a: [1, 2] }), output: 'model',
    });
    expect(r.dataFingerprint.rows).toBe(2);
    expect(r.metrics).toEqual({ acc: 0.9 });
    expect(r.curves).toEqual([{ epoch: 1, loss: 0.5 }]);
    expect(r.params).toEqual({ lr: 0.1 });
    expect(r.startedAt).toBe('2024-05-01T00:00:00.000Z');
    expect(() => validateRun({ ...r, kind: 'predict' })).toThrow(/kind/);
    expect(() => validateRun({ ...r, dataFingerprint: { hash: 'xyz', rows: 1, columns: 1 } })).toThrow(/dataFingerprint.hash/);
  });

  it('filter, search, sort and best run', () => {
    const all = [r1, r2, r3];
    expect(filterRuns(all, { kind: 'tune' }).map((r) => r.id)).toEqual(['r2']);
    expect(filterRuns(all, { notebookId: 'nb', metric: { name: 'roc_auc', min: 0.8 } }).map((r) => r.id)).toEqual(['r1', 'r2']);
    expect(filterRuns(all, { since: '2024-01-02T00:00:00Z', status: 'finished' }).map((r) => r.id)).toEqual(['r2']);
    expect(searchRuns(all, 'mlp hidden=[64]').map((r) => r.id)).toEqual(['r2']);
    expect(searchRuns(all, 'OWNER=ana').map((r) => r.id)).toEqual(['r2']);
    expect(sortRuns(all, 'metric:roc_auc').map((r) => r.id)).toEqual(['r2', 'r1', 'r3']);
    expect(sortRuns(all, 'metric:rmse', 'asc').map((r) => r.id)).toEqual(['r1', 'r2', 'r3']);
    expect(sortRuns(all, 'startedAt', 'asc').map((r) => r.id)).toEqual(['r1', 'r2', 'r3']);
    expect(bestRun(all, 'roc_auc')?.id).toBe('r2');
    expect(bestRun(all, 'rmse', false)?.id).toBe('r1');
  });

  it('params diff shows only what changed', () => {
    expect(paramsDiff([r1, r2])).toEqual([{ param: 'hidden', values: [[32, 16], [64]] }]);
    expect(paramsDiff([r1, r3])).toEqual([
      { param: 'hidden', values: [[32, 16], undefined] },
      { param: 'learningRate', values: [0.01, 0.1] },
      { param: 'model', values: ['mlp', 'logistic'] },
    ]);
  });

  it('memory store: CRUD, newest first, export/import round trip with validation', async () => {
    const store = new MemoryRunStore();
    await store.put(r1);
    await store.put(r3);
    await store.put(r2);
    expect((await store.list()).map((r) => r.id)).toEqual(['r3', 'r2', 'r1']);
    const got = await store.get('r1');
    got!.metrics.roc_auc = 0;
    expect((await store.get('r1'))!.metrics.roc_auc).toBe(0.8); // copies, not shared objects
    await store.delete('r3');
    const text = await store.exportJSON();
    expect(parseRunExport(text).runs).toHaveLength(2);
    const other = new MemoryRunStore([r3]);
    expect(await other.importJSON(text)).toBe(2);
    expect((await other.list()).map((r) => r.id)).toEqual(['r3', 'r2', 'r1']);
    expect(await other.importJSON(text, { replace: true })).toBe(2);
    expect(await other.get('r3')).toBeUndefined();
    await expect(other.importJSON('{nope')).rejects.toThrow(/not JSON/);
    await expect(other.importJSON(JSON.stringify({ format: 'ml-workbench-runs', version: 1, runs: [{ ...r1, durationMs: -1 }] }))).rejects.toThrow(/runs.0.durationMs/);
    await expect(other.importJSON(JSON.stringify({ format: 'ml-workbench-runs', version: 1, runs: [r1, r1] }))).rejects.toThrow(/twice/);
    expect(await other.list()).toHaveLength(2); // a bad file changed nothing
    await expect(store.put({ ...r1, status: 'done' as RunRecord['status'] })).rejects.toThrow(/status/);
  });
});
