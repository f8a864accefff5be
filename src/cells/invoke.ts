// The invoke cell: send requests to a deployed endpoint — each row of a
// table once, or N requests drawn from it at random, or one typed-in row —
// and see which variant answered each, how fast, and whether each variant's
// share of the requests matches its weight (the binomial 99 % interval).
// Every request is logged on the endpoint for the monitor cell.
import { z } from 'zod';
import * as aq from 'arquero';
import type { CellOutput, Scalar, TableOutput } from '../core/outputs.ts';
import { CellError, checkAborted } from '../core/errors.ts';
import { defineCell } from './types.ts';
import { tablePreview } from '../data/preview.ts';
import { seededRandom } from '../core/random.ts';
import type { TrainedModel } from '../core/values.ts';
import { lifecycleServices } from '../lifecycle/host.ts';
import { appendLog, currentConfig, routeRequests, type LogEntry } from '../lifecycle/endpoint.ts';
import { trafficSummary } from '../lifecycle/endpointStats.ts';
import { fmt } from '../lifecycle/format.ts';
import { markdownLiteral } from '../notebook/outputText.ts';
import { endpointOf } from './endpointCommon.ts';
import { progressText } from '../core/messages/progress.ts';

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const invokeSchema = z.object({
  endpoint: z.string().default('endpoint').describe('Endpoint handle written by a deploy cell.'),
  input: z.string().default('').describe('Table whose rows are sent; empty = the single row below.'),
  row: z.record(z.string(), scalar).default({}).describe('One row, column → value, sent when input is empty.'),
  rows: z.enum(['sample', 'each']).default('sample').describe('sample: send the number of requests below, each with rows drawn at random (seeded); each: send every row once.'),
  requests: z.number().int().min(1).max(100000).default(100).describe('Requests to send (sample mode).'),
  batchSize: z.number().int().min(1).max(10000).default(1).describe('Rows per request: 1 sends single rows; more sends batches, each answered by one variant.'),
  key: z.string().default('').describe('Column that identifies a row, to join its label later; empty = the row\'s position in the table.'),
  seed: z.number().int().default(42).describe('Seed of the traffic routing and of the row sampling.'),
  output: z.string().default('responses').describe('Name to store the responses table under.'),
});

export type InvokeParams = z.output<typeof invokeSchema>;

/** The rows of each request, as indices into the table. */
function requestRows(n: number, params: InvokeParams): number[][] {
  const out: number[][] = [];
  if (params.rows === 'each') {
    for (let i = 0; i < n; i += params.batchSize) out.push(Array.from({ length: Math.min(params.batchSize, n - i) }, (_, k) => i + k));
    return out;
  }
  // A stream of its own (not the routing's), so changing the batch size does not change the routing.
  const random = seededRandom(params.seed ^ 0x5bd1e995);
  for (let r = 0; r < params.requests; r++) out.push(Array.from({ length: params.batchSize }, () => Math.floor(random() * n)));
  return out;
}

function toScalar(v: unknown): Scalar {
  if (v === undefined || (typeof v === 'number' && Number.isNaN(v))) return null;
  if (v instanceof Date) return v.toISOString();
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? v : String(v);
}

export const invokeCell = defineCell({
  kind: 'invoke',
  label: 'Invoke endpoint',
  description: 'Send rows to a deployed endpoint (single rows or batches, each row once or N random requests): predictions with the variant that answered and its latency, and each variant\'s share against its weight.',
  schema: invokeSchema,
  runnable: true,
  reads: (p) => [p.endpoint, ...(p.input ? [p.input] : [])],
  writes: (p) => (p.output ? [p.output] : []),
  render(p) {
    const what = p.input ? (p.rows === 'each' ? `each row of ${p.input}` : `${p.requests} requests from ${p.input}`) : `the row ${JSON.stringify(p.row)}`;
    return `// invoke ${p.endpoint} with ${what}${p.batchSize > 1 ? `, ${p.batchSize} rows a request` : ''} (seed ${p.seed}) → ${p.output}`;
  },
  async run(params, ctx): Promise<CellOutput[]> {
    const { store, endpoint } = await endpointOf(ctx, params.endpoint, 'params.endpoint');
    const config = currentConfig(endpoint);
    if (config.status !== 'in-service') throw CellError.coded('invoke.notInService', { name: endpoint.name, config: config.config }, { where: 'params.endpoint' });
    const loadModel = lifecycleServices(ctx.host).loadModel;
    if (!loadModel) throw CellError.coded('invoke.cannotLoad', {}, { where: 'params.endpoint' });

    let table: aq.ColumnTable;
    if (params.input) table = ctx.table(params.input, 'params.input');
    else {
      if (Object.keys(params.row).length === 0) throw CellError.coded('invoke.nothingToSend', {}, { where: 'params.row' });
      table = aq.table(Object.fromEntries(Object.entries(params.row).map(([k, v]) => [k, [v]])));
    }
    const n = table.numRows();
    if (n === 0) throw CellError.coded('invoke.noRows', { table: params.input }, { where: 'params.input' });
    if (params.key && !table.columnNames().includes(params.key)) throw CellError.coded('invoke.keyMissing', { column: params.key, columns: table.columnNames().join(', ') }, { where: 'params.key' });
    const requests = requestRows(n, params);
    const route = routeRequests(config.variants, requests.length, params.seed);

    const models = new Map<string, TrainedModel>();
    const entries: Omit<LogEntry, 'seq'>[] = [];
    const perRequest: { variant: string; latencyMs: number }[] = [];
    const keyColumn = params.key ? table.column(params.key)! : undefined;
    const rowIndex = Array.from(table.indices());
    try {
      for (const v of config.variants) {
        if (v.weight > 0 && !models.has(v.variant)) {
          ctx.progress({ phase: 'load', ...progressText('progress.loadingVariant', { model: v.model, version: v.version, variant: v.variant }) });
          models.set(v.variant, await loadModel(v.modelRef ?? ''));
        }
      }
      for (const m of models.values()) {
        const missing = m.features.filter((f) => !table.columnNames().includes(f));
        if (missing.length) throw CellError.coded(missing.length === 1 ? 'invoke.columnMissing' : 'invoke.columnsMissing', { columns: missing.map((c) => `"${c}"`).join(', ') }, { where: params.input ? 'params.input' : 'params.row' });
      }
      const columns = table.columnNames();
      for (let r = 0; r < requests.length; r++) {
        if (r % 50 === 0) {
          checkAborted(ctx.signal);
          ctx.progress({ phase: 'invoke', fraction: r / requests.length, ...progressText('progress.request', { n: r + 1, total: requests.length }) });
        }
        const variant = config.variants[route[r]];
        const model = models.get(variant.variant)!;
        const rows = requests[r].map((i) => rowIndex[i]);
        const batch = table.reify(rows);
        const started = performance.now();
        const pred = await model.predict(batch, ctx.signal);
        const latencyMs = Math.max(0, performance.now() - started);
        perRequest.push({ variant: variant.variant, latencyMs });
        const classes = pred.classes ?? model.classes ?? [];
        const two = classes.length === 2 && pred.probabilities !== undefined;
        const at = new Date().toISOString();
        rows.forEach((row, k) => {
          const record: Record<string, Scalar> = {};
          for (const f of model.features) if (columns.includes(f)) record[f] = toScalar(table.column(f)!.at(row));
          entries.push({
            at, config: config.config, variant: variant.variant, key: keyColumn ? String(keyColumn.at(row)) : String(requests[r][k]), row: record,
            prediction: toScalar(pred.predictions[k]), task: model.task === 'regression' ? 'regression' : 'classification', latencyMs,
            ...(two ? { score: pred.probabilities![k][1], scoreClass: String(classes[1]) } : {}),
          });
        });
      }
    } finally {
      for (const m of models.values()) m.dispose();
    }
    await store.put(appendLog(endpoint, entries));

    const responses = aq.table({
      request: entries.map((_, i) => i),
      key: entries.map((e) => e.key),
      variant: entries.map((e) => e.variant),
      prediction: entries.map((e) => e.prediction),
      ...(entries.every((e) => e.score !== undefined) ? { score: entries.map((e) => e.score as number) } : {}),
      latency_ms: entries.map((e) => e.latencyMs),
    });
    if (params.output) ctx.set(params.output, { type: 'table', table: responses });
    const summary = trafficSummary(config.variants, perRequest);
    const rows = summary.map((s) => ({
      variant: s.variant, model: `${s.model} v${s.version}`, weight: s.weight, requests: s.requests, share: s.share, expected: s.expectedShare,
      '99% interval': `${s.low}–${s.high}`, within: s.withinInterval, 'mean latency ms': s.meanLatencyMs, 'p95 latency ms': s.p95LatencyMs,
    }));
    const table2: TableOutput = {
      type: 'table',
      title: `Traffic of ${endpoint.name} (config ${config.config}) by variant`,
      titleKo: `${endpoint.name}의 변형별 트래픽 (설정 ${config.config})`,
      columns: [
        { name: 'variant', type: 'string' }, { name: 'model', type: 'string' }, { name: 'weight', type: 'number' }, { name: 'requests', type: 'integer' },
        { name: 'share', type: 'number' }, { name: 'expected', type: 'number' }, { name: '99% interval', type: 'string' }, { name: 'within', type: 'boolean' },
        { name: 'mean latency ms', type: 'number' }, { name: 'p95 latency ms', type: 'number' },
      ],
      rowCount: rows.length,
      rows,
    };
    const outside = summary.filter((s) => !s.withinInterval);
    const line = `**${requests.length} request${requests.length === 1 ? '' : 's'}** (${entries.length} row${entries.length === 1 ? '' : 's'}) answered by endpoint "${markdownLiteral(endpoint.name)}" (config ${config.config}).`
      + (config.variants.length < 2 ? '' : ' ') + (config.variants.length < 2 ? '' : outside.length
        ? `Variant${outside.length === 1 ? '' : 's'} ${outside.map((s) => `"${markdownLiteral(s.variant)}" (${s.requests}, expected ${s.low}–${s.high})`).join(', ')} got a share outside the 99 % interval of ${outside.length === 1 ? 'its' : 'their'} weight: with a fixed seed this happens for 1 seed in 100 by chance.`
        : `Every variant's share is within the 99 % binomial interval of its weight (${summary.map((s) => `${markdownLiteral(s.variant)} ${fmt(s.share, 3)} vs ${fmt(s.expectedShare, 3)}`).join(', ')}).`);
    const ko = `엔드포인트 "${markdownLiteral(endpoint.name)}" (설정 ${config.config})가 **요청 ${requests.length}건** (행 ${entries.length}개)에 답했어요.`
      + (config.variants.length < 2 ? '' : ' ') + (config.variants.length < 2 ? '' : outside.length
        ? `변형 ${outside.map((s) => `"${markdownLiteral(s.variant)}" (${s.requests}건, 기대 범위 ${s.low}–${s.high})`).join(', ')}의 몫이 가중치의 99 % 구간을 벗어났어요: 시드가 고정돼 있어도 시드 100개 중 1개꼴로 우연히 일어나요.`
        : `모든 변형의 몫이 가중치의 99 % 이항 구간 안에 있어요 (${summary.map((s) => `${markdownLiteral(s.variant)} ${fmt(s.share, 3)} / 기대 ${fmt(s.expectedShare, 3)}`).join(', ')}).`);
    return [{ type: 'markdown', markdown: line, ko }, table2, tablePreview(responses, { name: params.output || undefined })];
  },
});
