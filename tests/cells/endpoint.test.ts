// The deploy, invoke and monitor cells over in-memory stores and a model
// that predicts a column: the endpoint card, routing, the log, monitoring
// with labels joined later, redeploying the best variant, and the errors.
import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { deployCell, deploySchema } from '../../src/cells/deploy.ts';
import { invokeCell, invokeSchema } from '../../src/cells/invoke.ts';
import { monitorCell, monitorSchema, type MonitorReport } from '../../src/cells/monitor.ts';
import type { MarkdownOutput, TableOutput } from '../../src/core/outputs.ts';
import { testContext } from '../helpers/context.ts';
import { columnModel, lifecycleHost } from '../lifecycle/fakes.ts';
import { registerModel } from '../../src/lifecycle/registryStore.ts';
import { MemoryEndpointStore } from '../../src/lifecycle/endpointStore.ts';
import type { TrainedModel } from '../../src/core/values.ts';

/** Two registered versions: v1 predicts column p1 (score s1), v2 column p2 (score s2). */
async function world() {
  const endpoints = new MemoryEndpointStore();
  const models: Record<string, TrainedModel> = {
    'ref-1': { ...columnModel({ task: 'classification', target: 'y', predCol: 'p1', probaCol: 's1', classes: ['no', 'yes'] }), features: ['x'] },
    'ref-2': { ...columnModel({ task: 'classification', target: 'y', predCol: 'p2', probaCol: 's2', classes: ['no', 'yes'] }), features: ['x'] },
  };
  const loaded: string[] = [];
  const { host, registry } = lifecycleHost({ endpoints, loadModel: async (ref) => (loaded.push(ref), models[ref]) });
  await registerModel(registry, { name: 'bank', runId: 'r1', modelRef: 'ref-1', stage: 'production' });
  await registerModel(registry, { name: 'bank', runId: 'r2', modelRef: 'ref-2' });
  // 200 rows; v2 ranks y perfectly, v1 at random.
  const n = 200;
  const y = Array.from({ length: n }, (_, i) => (i % 4 === 0 ? 'yes' : 'no'));
  const data = aq.table({
    x: Array.from({ length: n }, (_, i) => i),
    y,
    p1: Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 'yes' : 'no')),
    s1: Array.from({ length: n }, (_, i) => ((i * 37) % 100) / 100),
    p2: y,
    s2: y.map((v, i) => (v === 'yes' ? 0.6 + (i % 10) / 100 : 0.1 + (i % 10) / 100)),
  });
  const ctx = testContext({ test: { type: 'table', table: data }, train: { type: 'table', table: data.select('x') } }, host);
  return { ctx, endpoints, loaded, data, registry };
}

const md = (o: unknown) => (o as MarkdownOutput).markdown;

describe('deploy, invoke, monitor cells', () => {
  it('defaults parse, every field is described, reads and writes name the values', () => {
    for (const schema of [deploySchema, invokeSchema, monitorSchema]) for (const [name, f] of Object.entries(schema.shape)) expect(f.description, name).toBeTruthy();
    const d = deploySchema.parse({});
    expect(deployCell.reads(d)).toEqual(['registered']);
    expect(deployCell.reads({ ...d, variants: [{ variant: 'A', model: 'bank@production', weight: 1 }] })).toEqual([]);
    expect(deployCell.reads({ ...d, bestOf: 'monitor' })).toEqual(['monitor']);
    expect(deployCell.writes(d)).toEqual(['endpoint']);
    expect(invokeCell.reads(invokeSchema.parse({ input: 'test' }))).toEqual(['endpoint', 'test']);
    expect(monitorCell.reads(monitorSchema.parse({ labels: 'test' }))).toEqual(['endpoint', 'train', 'test']);
  });

  it('deploys by version and stage, splits the traffic, logs each request, monitors, undeploys and redeploys the best variant', async () => {
    const { ctx, endpoints, loaded } = await world();
    const card = await deployCell.run(deploySchema.parse({ name: 'bank-ep', variants: [{ variant: 'A', model: 'bank@production', weight: 1 }, { variant: 'B', model: 'bank@2', weight: 1 }] }), ctx);
    expect(md(card[0])).toContain('Endpoint "bank-ep" · config 1 · InService');
    expect((card[1] as TableOutput).rows).toEqual([
      { variant: 'A', model: 'bank', version: 1, weight: 1, traffic: 0.5 },
      { variant: 'B', model: 'bank', version: 2, weight: 1, traffic: 0.5 },
    ]);
    expect(ctx.values.get('endpoint')).toEqual({ type: 'object', value: { endpoint: 'bank-ep', config: 1, status: 'in-service', variants: [{ variant: 'A', model: 'bank', version: 1, weight: 1 }, { variant: 'B', model: 'bank', version: 2, weight: 1 }] } });

    const out = await invokeCell.run(invokeSchema.parse({ input: 'test', rows: 'each', seed: 3 }), ctx);
    expect(md(out[0])).toMatch(/^\*\*200 requests\*\* \(200 rows\) answered by endpoint "bank-ep" \(config 1\)\. Every variant's share is within the 99 % binomial interval/);
    expect((out[0] as { ko?: string }).ko).toMatch(/^엔드포인트 "bank-ep" \(설정 1\)가 \*\*요청 200건\*\* \(행 200개\)에 답했어요\. 모든 변형의 몫이 가중치의 99 % 이항 구간 안에 있어요/);
    expect(loaded.sort()).toEqual(['ref-1', 'ref-2']);
    const responses = ctx.table('responses');
    const p1 = ctx.table('test').array('p1') as string[];
    const p2 = ctx.table('test').array('p2') as string[];
    // Each row's answer is the prediction of the variant that answered it.
    (responses.array('variant') as string[]).forEach((v, i) => expect(responses.get('prediction', i)).toBe(v === 'A' ? p1[i] : p2[i]));
    const traffic = (out[1] as TableOutput).rows;
    expect(traffic.map((r) => r.requests)).toEqual([0, 1].map((k) => (responses.array('variant') as string[]).filter((v) => v === 'AB'[k]).length));
    expect(traffic[0]).toMatchObject({ '99% interval': '82–118', within: true });

    const stored = (await endpoints.get('bank-ep'))!;
    expect(stored.log).toHaveLength(200);
    expect(stored.log[5]).toMatchObject({ seq: 6, config: 1, key: '5', row: { x: 5 }, task: 'classification', scoreClass: 'yes' });
    expect(stored.log[5].label).toBeUndefined();

    const mon = await monitorCell.run(monitorSchema.parse({ labels: 'test', target: 'y', alert: { metric: 'auc', op: '<', value: 0.75 } }), ctx);
    const report = (ctx.values.get('monitor') as { value: MonitorReport }).value;
    expect(report).toMatchObject({ endpoint: 'bank-ep', config: 1, requests: 200, labelled: 200, primaryMetric: 'roc_auc' });
    const [a, b] = report.variants;
    expect(b.metrics).toMatchObject({ accuracy: 1, roc_auc: 1 });
    expect(a.metrics.roc_auc).toBeLessThan(0.75);
    // The alert names the variant below the threshold, in English and Korean; x is identical to the reference: no drift alert.
    expect(report.alerts).toEqual([{ en: expect.stringContaining('Variant "A" (bank v1): live AUC'), ko: expect.stringContaining('변형 "A" (bank v1): 레이블이 붙은 요청') }]);
    expect(md(mon[0])).toContain('⚠ 1 alert');
    // The same summary in Korean, for a Korean UI.
    expect((mon[0] as { ko?: string }).ko).toContain('⚠ 경고 1건');
    expect((mon[0] as { ko?: string }).ko).toContain('변형 "A" (bank v1)');
    expect(report.drift).toEqual([expect.objectContaining({ column: 'x', alert: false })]);
    // A metric with a word for a name is said in Korean in the Korean text (issue 13): here no variant's accuracy is below 0.
    const quiet = await monitorCell.run(monitorSchema.parse({ labels: 'test', target: 'y', alert: { metric: 'accuracy', op: '<', value: 0 }, output: 'monitor_accuracy' }), ctx);
    expect(md(quiet[0])).toContain("no variant's live Accuracy is < 0");
    expect((quiet[0] as { ko?: string }).ko).toContain('어떤 변형의 실시간 정확도도 < 0가 아니에요');
    // The labels that arrived are kept on the log.
    expect((await endpoints.get('bank-ep'))!.log.every((e) => e.label === 'yes' || e.label === 'no')).toBe(true);

    await deployCell.run(deploySchema.parse({ name: 'bank-ep', action: 'undeploy', output: 'off' }), ctx);
    await expect(invokeCell.run(invokeSchema.parse({ endpoint: 'off', input: 'test' }), ctx)).rejects.toThrow('is not in service (undeployed in config 2)');
    const redeployed = await deployCell.run(deploySchema.parse({ name: 'bank-ep', bestOf: 'monitor', output: 'best' }), ctx);
    expect(md(redeployed[0])).toContain('Deployed: best variant of monitor by live AUC (1).');
    // The Korean card says why in Korean too (the note is kept in both languages).
    expect((redeployed[0] as { ko?: string }).ko).toContain('배포 이유: monitor에서 가장 좋은 변형 (실시간 AUC 1).');
    const e = (await endpoints.get('bank-ep'))!;
    expect(e.configs.map((c) => [c.config, c.status, c.variants.map((v) => `${v.variant}:${v.model}@${v.version}:${v.weight}`)])).toEqual([
      [1, 'in-service', ['A:bank@1:1', 'B:bank@2:1']], [2, 'deleted', []], [3, 'in-service', ['B:bank@2:1']],
    ]);
    expect(e.configs[2].note).toContain('best variant of monitor by live AUC (1)');
  });

  it('batches: one variant answers every row of a request; sampling is seeded', async () => {
    const { ctx } = await world();
    await deployCell.run(deploySchema.parse({ name: 'e', variants: [{ variant: 'A', model: 'bank@1', weight: 1 }, { variant: 'B', model: 'bank@2', weight: 3 }] }), ctx);
    await invokeCell.run(invokeSchema.parse({ input: 'test', requests: 30, batchSize: 5, seed: 11 }), ctx);
    const r = ctx.table('responses');
    expect(r.numRows()).toBe(150);
    const variants = r.array('variant') as string[];
    for (let q = 0; q < 30; q++) expect(new Set(variants.slice(q * 5, q * 5 + 5)).size).toBe(1);
    const keys = r.array('key');
    await invokeCell.run(invokeSchema.parse({ input: 'test', requests: 30, batchSize: 5, seed: 11, output: 'again' }), ctx);
    expect(ctx.table('again').array('key')).toEqual(keys);
  });

  it('clear errors: no endpoint store, unknown versions, unsaved models, wrong handles', async () => {
    const { ctx, registry } = await world();
    const bare = testContext({}, lifecycleHost().host);
    await expect(deployCell.run(deploySchema.parse({ variants: [{ variant: 'A', model: 'bank@1', weight: 1 }] }), bare)).rejects.toThrow('This host keeps no endpoints');
    await expect(deployCell.run(deploySchema.parse({ variants: [{ variant: 'A', model: 'bank@7', weight: 1 }] }), ctx)).rejects.toMatchObject({ message: 'Variant "A": "bank" has no version 7 (it has 1, 2).', where: 'params.variants.0.model' });
    await expect(deployCell.run(deploySchema.parse({ variants: [{ variant: 'A', model: 'other@production', weight: 1 }] }), ctx)).rejects.toThrow('no model is registered as "other"');
    await expect(deployCell.run(deploySchema.parse({ variants: [{ variant: 'A', model: 'bank@staging', weight: 1 }] }), ctx)).rejects.toThrow('"bank" has no version in stage staging');
    await expect(deployCell.run(deploySchema.parse({ variants: [{ variant: 'A', model: 'bank@1', weight: 0 }] }), ctx)).rejects.toThrow('has weight 0');
    await expect(deployCell.run(deploySchema.parse({}), ctx)).rejects.toThrow('"registered" is neither');
    ctx.set('registered', { type: 'object', value: { registered: false, name: 'bank', reason: 'AUC 0.7 < 0.75: not registered' } });
    await expect(deployCell.run(deploySchema.parse({}), ctx)).rejects.toThrow('did not register a model (AUC 0.7 < 0.75: not registered)');
    await expect(deployCell.run(deploySchema.parse({ action: 'undeploy', name: 'nope' }), ctx)).rejects.toThrow('There is no endpoint "nope" to undeploy');
    await registerModel(registry, { name: 'plain', runId: 'r3' });
    await expect(deployCell.run(deploySchema.parse({ variants: [{ variant: 'A', model: 'plain@1', weight: 1 }] }), ctx)).rejects.toThrow('"plain" version 1 has no saved model');
    ctx.set('endpoint', { type: 'object', value: { something: 1 } });
    await expect(invokeCell.run(invokeSchema.parse({ input: 'test' }), ctx)).rejects.toThrow('"endpoint" is not an endpoint');
  });
});

describe('the Python export of the endpoint cells', () => {
  it('is a TODO cell that says why (the endpoint lives in the browser tab)', async () => {
    const { exportPython } = await import('../../src/export/python/index.ts');
    const { NotebookBuilder } = await import('../../notebooks/source/builder.ts');
    const doc = new NotebookBuilder('endpoints')
      .cell('deploy', { name: 'e', variants: [{ variant: 'A', model: 'm@1', weight: 1 }] })
      .cell('invoke', { endpoint: 'endpoint', input: 'test' })
      .cell('monitor', { endpoint: 'endpoint', reference: 'train' })
      .build();
    const todos = exportPython(doc).todos;
    expect(todos.map((t) => t.kind)).toEqual(['deploy', 'invoke', 'monitor']);
    for (const t of todos) expect(t.reason).toMatch(/^the endpoint lives in the browser tab/);
  });
});
