import { describe, expect, it } from 'vitest';
import { getByStage, register, rollback, transition, type ModelVersion } from '../../src/lifecycle/registry.ts';
import { MemoryRegistryStore, modelsInStage, registerModel, rollbackModel, transitionModel } from '../../src/lifecycle/registryStore.ts';

const t = (n: number) => new Date(Date.UTC(2024, 0, 1, 0, n)).toISOString();

function setup(): ModelVersion[] {
  let all: ModelVersion[] = [];
  for (let i = 1; i <= 3; i++) all = register(all, { name: 'churn', runId: `run${i}`, metrics: { roc_auc: 0.7 + i / 100 } }, t(i)).versions;
  return all;
}

describe('registry state machine', () => {
  it('numbers versions per name and starts them in none', () => {
    let all = setup();
    all = register(all, { name: 'other', runId: 'x' }, t(9)).versions;
    expect(all.filter((v) => v.name === 'churn').map((v) => v.version)).toEqual([1, 2, 3]);
    expect(all.find((v) => v.name === 'other')!.version).toBe(1);
    expect(all.every((v) => v.stage === 'none')).toBe(true);
  });

  it('promoting to production archives the previous production version (archive_existing_versions)', () => {
    let all = setup();
    all = transition(all, 'churn', 1, 'production', t(10)).versions;
    all = transition(all, 'churn', 2, 'staging', t(11)).versions;
    const r = transition(all, 'churn', 2, 'production', t(12));
    expect(r.changed.map((v) => [v.version, v.stage])).toEqual([[1, 'archived'], [2, 'production']]);
    expect(getByStage(r.versions, 'churn', 'production').map((v) => v.version)).toEqual([2]);
    expect(getByStage(r.versions, 'churn', 'archived').map((v) => v.version)).toEqual([1]);
    expect(r.versions.find((v) => v.version === 1)!.history.at(-1)).toEqual({ stage: 'archived', at: t(12), note: 'replaced by v2' });
    expect(all.find((v) => v.version === 1)!.stage).toBe('production'); // inputs are not mutated
  });

  it('rejects invalid transitions with clear errors', () => {
    let all = setup();
    expect(() => transition(all, 'churn', 1, 'none', t(5))).toThrow('churn v1 is already in none.');
    expect(() => transition(all, 'nope', 1, 'staging', t(5))).toThrow('No registered model named "nope".');
    expect(() => transition(all, 'churn', 7, 'staging', t(5))).toThrow('"churn" has no version 7 (versions: 1, 2, 3).');
    all = transition(all, 'churn', 1, 'archived', t(6)).versions;
    expect(() => transition(all, 'churn', 1, 'production', t(7))).toThrow(/cannot go from archived to production; from archived it may go to staging, none\. Use rollback/);
    all = transition(all, 'churn', 2, 'production', t(8)).versions;
    expect(() => transition(all, 'churn', 2, 'none', t(9))).toThrow(/from production it may go to staging, archived/);
    expect(() => register(all, { name: ' ', runId: 'r' }, t(1))).toThrow(/needs a name/);
  });

  it('rollback restores the previous production version', () => {
    let all = setup();
    expect(() => rollback(all, 'churn', t(5))).toThrow('"churn" has no earlier production version to roll back to.');
    all = transition(all, 'churn', 1, 'production', t(10)).versions;
    all = transition(all, 'churn', 2, 'production', t(11)).versions;
    all = transition(all, 'churn', 3, 'production', t(12)).versions;
    let r = rollback(all, 'churn', t(13));
    expect(r.version.version).toBe(2);
    expect(getByStage(r.versions, 'churn', 'production').map((v) => v.version)).toEqual([2]);
    expect(r.versions.find((v) => v.version === 3)!.stage).toBe('archived');
    r = rollback(r.versions, 'churn', t(14));
    expect(r.version.version).toBe(3); // the one that was in production just before v2
  });

  it('registering straight into production archives the current one', () => {
    let all = setup();
    all = transition(all, 'churn', 3, 'production', t(10)).versions;
    const r = register(all, { name: 'churn', runId: 'r4', stage: 'production' }, t(11));
    expect(r.version).toMatchObject({ version: 4, stage: 'production' });
    expect(r.versions.find((v) => v.version === 3)!.stage).toBe('archived');
  });
});

describe('registry store', () => {
  it('register, transition, rollback through the async store', async () => {
    const store = new MemoryRegistryStore();
    const clock = (() => { let n = 0; return () => new Date(Date.UTC(2024, 0, 1, 0, n++)); })();
    await registerModel(store, { name: 'm', runId: 'a', stage: 'production' }, clock);
    await registerModel(store, { name: 'm', runId: 'b' }, clock);
    await transitionModel(store, 'm', 2, 'production', clock);
    expect((await modelsInStage(store, 'm', 'production')).map((v) => v.version)).toEqual([2]);
    const back = await rollbackModel(store, 'm', clock);
    expect(back.version).toBe(1);
    expect((await store.get('m', 2))!.stage).toBe('archived');
    await expect(transitionModel(store, 'm', 2, 'production', clock)).rejects.toThrow(/archived to production/);
    await expect(store.putMany([{ ...(await store.get('m', 1))!, version: 0 }])).rejects.toThrow();
    await store.delete('m', 1);
    expect((await store.list('m')).map((v) => v.version)).toEqual([2]);
  });
});
