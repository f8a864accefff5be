// The registered models cells read by reference: loaded into the kernel once per saved model,
// brought up to date when the registry moves, and a catalogued reason when there is none.
import { describe, expect, it } from 'vitest';
import { RegistryModels } from '../../src/worker/registryModels.ts';
import { aliasParams, type RegistryRef } from '../../src/worker/registryRefs.ts';
import type { ModelVersion } from '../../src/lifecycle/registry.ts';
import type { TrainedModel } from '../../src/core/values.ts';

function setup(versions: ModelVersion[]) {
  const refs = new Map<string, RegistryRef>();
  const params = aliasParams({ model: 'registry:churn@production' }, refs) as { model: string };
  const alias = params.model;
  const values = new Map<string, unknown>();
  const loads: string[] = [];
  const kernel = {
    cells: () => [{ id: 'p', reads: [alias] }, { id: 'q', reads: ['other'] }],
    cellState: (id: string) => ({ id, reads: id === 'p' ? [alias] : ['other'] }),
    getValue: (name: string) => values.get(name),
    restoreValue: (name: string, value: unknown) => void values.set(name, value),
  };
  const models = new RegistryModels({
    kernel: kernel as never,
    listVersions: async () => versions,
    loadModel: async (ref) => {
      loads.push(ref);
      if (ref === 'broken') throw new Error('The saved bytes are damaged.');
      return { modelType: 'gbdt' } as unknown as TrainedModel;
    },
    backendReady: async () => undefined,
  });
  models.setRefs(refs);
  return { models, alias, values, loads, versions };
}

const v = (version: number, stage: ModelVersion['stage'], modelRef?: string) => ({ name: 'churn', version, stage, modelRef }) as unknown as ModelVersion;

describe('RegistryModels', () => {
  it('loads the model a reference points at once, and again only when the registry moves', async () => {
    const versions = [v(1, 'production', 'm1')];
    const h = setup(versions);
    expect(await h.models.resolve()).toEqual([]);
    expect(await h.models.resolve()).toEqual([]);
    expect(h.loads).toEqual(['m1']);
    expect(h.values.has(h.alias)).toBe(true);
    versions[0] = v(1, 'archived', 'm1');
    versions.push(v(2, 'production', 'm2'));
    await h.models.beforeRun();
    expect(h.loads).toEqual(['m1', 'm2']);
    h.models.forgetLoaded();
    await h.models.resolve();
    expect(h.loads).toEqual(['m1', 'm2', 'm2']);
  });

  it('says why a reference has no model, with a code', async () => {
    const h = setup([v(1, 'staging', 'm1')]);
    const [notice] = await h.models.resolve();
    expect(notice).toMatchObject({ code: 'registryRef.noStage', params: { name: 'churn', stage: 'production', list: 'v1 staging' } });
    expect(await h.models.explainMissing('q')).toEqual([]);
    expect(await h.models.explainMissing('p')).toEqual([notice]);
  });

  it('says so when a saved model cannot be read', async () => {
    const h = setup([v(3, 'production', 'broken')]);
    expect(await h.models.resolve()).toEqual([expect.objectContaining({ code: 'models.registryNotLoaded', message: 'registry:churn@production: the saved model of churn v3 could not be loaded: The saved bytes are damaged.' })]);
    expect(h.values.has(h.alias)).toBe(false);
  });
});
