import { describe, expect, it } from 'vitest';
import { registerCell, registerSchema } from '../../src/cells/register.ts';
import type { MarkdownOutput } from '../../src/core/outputs.ts';
import { testContext } from '../helpers/context.ts';
import { columnModel, lifecycleHost } from '../lifecycle/fakes.ts';
import { newRunRecord } from '../../src/lifecycle/record.ts';

const model = columnModel({ task: 'classification', target: 'y', predCol: 'y' });
const values = (auc: number) => ({ model: { type: 'model' as const, model }, metrics: { type: 'metrics' as const, metrics: { roc_auc: auc, accuracy: 0.7 } } });

describe('register cell', () => {
  it('parses {} to defaults with described fields, reads/writes/render', () => {
    const p = registerSchema.parse({});
    expect(p).toMatchObject({ model: 'model', name: '', metric: 'roc_auc', metrics: 'metrics', condition: null, stage: 'none', tags: {}, output: 'registered' });
    for (const [name, field] of Object.entries(registerSchema.shape)) expect(field.description, name).toBeTruthy();
    expect(registerCell.reads(p)).toEqual(['model', 'metrics']);
    expect(registerCell.writes(p)).toEqual(['registered']);
    expect(registerCell.render({ ...p, name: 'churn', condition: { metric: 'auc', op: '>=', value: 0.78 } })).toBe('// register model as "churn" if AUC >= 0.78 → stage none');
  });

  it('condition fails: explains, registers nothing, does not throw', async () => {
    const { host, registry } = lifecycleHost();
    const ctx = testContext(values(0.771), host);
    const out = await registerCell.run(registerSchema.parse({ name: 'churn', condition: { metric: 'auc', op: '>=', value: 0.78 } }), ctx);
    expect((out[0] as MarkdownOutput).markdown).toContain('AUC 0.771 < 0.78: not registered');
    expect(await registry.list()).toEqual([]);
    expect(ctx.values.get('registered')).toEqual({ type: 'object', value: { registered: false, name: 'churn', reason: 'AUC 0.771 < 0.78: not registered' } });
  });

  it('says the condition with the metric\'s Korean name in its Korean text (issue 13)', async () => {
    const { host } = lifecycleHost();
    const ctx = testContext(values(0.9), host);
    const failed = await registerCell.run(registerSchema.parse({ name: 'churn', metric: 'accuracy', condition: { metric: 'accuracy', op: '>=', value: 0.8 } }), ctx);
    expect((failed[0] as MarkdownOutput).markdown).toContain('Accuracy 0.7 < 0.8: not registered');
    expect((failed[0] as MarkdownOutput).ko).toContain('정확도 0.7 < 0.8: 등록하지 않았어요');
    const passed = await registerCell.run(registerSchema.parse({ name: 'churn', metric: 'accuracy', condition: { metric: 'accuracy', op: '>=', value: 0.6 } }), ctx);
    const ko = (passed[0] as MarkdownOutput).ko ?? '';
    expect(ko).toContain('— 정확도 0.7.');
    expect(ko).toContain('조건을 만족했어요: 정확도 0.7 ≥ 0.6.');
    expect(ko).not.toMatch(/Accuracy/);
  });

  it('condition holds: registers the next version, links a run, saves the model', async () => {
    const { host, registry, runs, saved } = lifecycleHost();
    const ctx = testContext(values(0.81), host);
    const params = registerSchema.parse({ name: 'churn', condition: { metric: 'roc_auc', op: '>', value: 0.78 }, stage: 'staging', description: 'first', tags: { team: 'a' } });
    const out = await registerCell.run(params, ctx);
    expect((out[0] as MarkdownOutput).markdown).toContain('Registered "churn" version 1');
    expect((out[0] as MarkdownOutput).markdown).toContain('AUC 0.81 > 0.78');
    const [v] = await registry.list('churn');
    expect(v).toMatchObject({ version: 1, stage: 'staging', description: 'first', tags: { team: 'a' }, metrics: { roc_auc: 0.81 }, modelRef: 'indexeddb://models/churn-1' });
    const [run] = await runs.list();
    expect(v.runId).toBe(run.id);
    expect(run).toMatchObject({ notebookId: 'nb1', notebookTitle: 'Churn', output: 'model', metrics: { roc_auc: 0.81 } });
    expect(saved).toEqual(['churn']);
    await registerCell.run({ ...params, stage: 'production' }, ctx);
    await registerCell.run({ ...params, stage: 'production' }, ctx);
    expect((await registry.list('churn')).map((x) => [x.version, x.stage])).toEqual([[1, 'staging'], [2, 'archived'], [3, 'production']]);
    expect(ctx.values.get('registered')).toMatchObject({ value: { registered: true, version: 3, stage: 'production' } });
  });

  it('uses the tracked run that wrote the model', async () => {
    const { host, registry, runs } = lifecycleHost();
    await runs.put(newRunRecord({ id: 'tracked', cellId: 'train1', kind: 'train', startedAt: new Date(), durationMs: 10, params: {}, backend: 'cpu', output: 'model' }));
    await registerCell.run(registerSchema.parse({}), testContext(values(0.9), host));
    expect((await registry.list())[0].runId).toBe('tracked');
  });

  it('clear errors: no registry, unknown condition metric', async () => {
    await expect(registerCell.run(registerSchema.parse({}), testContext(values(0.9)))).rejects.toThrow(/no model registry/);
    const { host } = lifecycleHost();
    await expect(registerCell.run(registerSchema.parse({ condition: { metric: 'f2', op: '>=', value: 1 } }), testContext(values(0.9), host))).rejects.toThrow(/does not hold/);
  });
});
