// Train, crossval and tune cells record runs in the host's run store.
import { beforeAll, describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { trainCell, trainSchema } from '../../src/cells/train.ts';
import { crossvalCell } from '../../src/cells/crossval.ts';
import { MemoryRunStore } from '../../src/lifecycle/memoryRunStore.ts';
import { fingerprintTable } from '../../src/lifecycle/fingerprint.ts';
import { initBackend } from '../../src/ml/backend.ts';
import { testContext } from '../helpers/context.ts';

beforeAll(async () => {
  await initBackend({ order: ['wasm', 'cpu'] });
});

function data() {
  const x = Array.from({ length: 60 }, (_, i) => (i % 20) / 20);
  return aq.table({ x, z: x.map((v, i) => (i % 3) / 3), y: x.map((v) => (v > 0.5 ? 'hi' : 'lo')) });
}

describe('run tracking', () => {
  it('a train cell records params, final metrics, curves, the data fingerprint and the backend', async () => {
    const runs = new MemoryRunStore();
    const table = data();
    const ctx = testContext({ train: { type: 'table', table } }, { runs, notebook: () => ({ id: 'nb-1', title: 'Tracking' }), backend: () => 'wasm' } as never);
    await trainCell.run(trainSchema.parse({ target: 'y', model: 'logistic', epochs: 3, output: 'clf' }), ctx);
    const [run] = await runs.list();
    expect(run).toMatchObject({ kind: 'train', cellId: 'test-cell', notebookId: 'nb-1', notebookTitle: 'Tracking', output: 'clf', backend: 'wasm', status: 'finished' });
    expect(run.params).toMatchObject({ target: 'y', model: 'logistic', epochs: 3 });
    expect(run.curves).toHaveLength(3);
    expect(run.metrics.loss).toBe(run.curves[2].loss);
    expect(run.dataFingerprint).toEqual(fingerprintTable(table));
    expect(run.durationMs).toBeGreaterThan(0);
    (ctx.values.get('clf') as { model: { dispose(): void } }).model.dispose();
  });

  it('a crossval cell records mean and std per metric', async () => {
    const runs = new MemoryRunStore();
    const ctx = testContext({ data: { type: 'table', table: data() } }, { runs } as never);
    await crossvalCell.run(crossvalCell.schema.parse({ input: 'data', target: 'y', model: 'logistic', epochs: 2, folds: 3, method: 'stratified' }), ctx);
    const [run] = await runs.list();
    expect(run.kind).toBe('crossval');
    expect(run.metrics.accuracy_mean).toBeGreaterThanOrEqual(0);
    expect(run.metrics.accuracy_std).toBeGreaterThanOrEqual(0);
  });

  it('records nothing when the host keeps no run store', async () => {
    const ctx = testContext({ train: { type: 'table', table: data() } });
    await expect(trainCell.run(trainSchema.parse({ target: 'y', model: 'logistic', epochs: 1 }), ctx)).resolves.toHaveLength(1);
    (ctx.values.get('model') as { model: { dispose(): void } }).model.dispose();
  });
});
