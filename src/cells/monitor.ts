// The monitor cell: read an endpoint's request log (SageMaker Model Monitor's
// data capture) and compare it with the training data: drift of every input
// feature, the live metrics of each variant once the true outcomes arrive
// (a labels table joined by key), and an alert when a metric or a drift
// score crosses its threshold.
import { z } from 'zod';
import * as aq from 'arquero';
import type { CellOutput, Scalar, TableOutput } from '../core/outputs.ts';
import { CellError, checkAborted } from '../core/errors.ts';
import { defineCell } from './types.ts';
import { attachLabels, type LogEntry } from '../lifecycle/endpoint.ts';
import { liveMetrics, type VariantLiveMetrics } from '../lifecycle/endpointStats.ts';
import { tableDrift, type FeatureDrift } from '../lifecycle/drift.ts';
import { describeCondition, fmt, holds, metricKey, metricLabel, metricLabelKo, type Op } from '../lifecycle/format.ts';
import { markdownLiteral } from '../notebook/outputText.ts';
import { endpointOf } from './endpointCommon.ts';
import { progressText } from '../core/messages/progress.ts';

export const monitorSchema = z.object({
  endpoint: z.string().default('endpoint').describe('Endpoint handle written by a deploy cell.'),
  config: z.number().int().min(0).default(0).describe('Config version whose requests to check; 0 = the newest config that has requests.'),
  reference: z.string().default('train').describe('Reference table: the data the model was trained on.'),
  labels: z.string().default('').describe('Table holding the true outcomes of the requests (joined by key); empty = no live metrics yet.'),
  key: z.string().default('').describe('Column of the labels table that matches the requests\' key; empty = the row\'s position (as the invoke cell\'s key).'),
  target: z.string().default('y').describe('Column of the labels table with the true outcome.'),
  columns: z.array(z.string()).default([]).describe('Features to check for drift; empty = every logged feature the reference has.'),
  psiThreshold: z.number().min(0).default(0.2).describe('Drift alert when a feature\'s PSI reaches this (0.1 moderate, 0.2 significant).'),
  ksAlpha: z.number().gt(0).lt(1).default(0.01).describe('Significance level of the KS / chi-square tests (shown; the alert uses PSI).'),
  alert: z.object({
    metric: z.string().default('roc_auc').describe('Live metric to watch ("auc" means roc_auc).'),
    op: z.enum(['<', '<=', '>', '>=']).default('<').describe('Comparison: the alert fires when "metric comparison value" holds (< with an AUC: it fell below).'),
    value: z.number().default(0.7).describe('Threshold.'),
  }).nullable().default({ metric: 'roc_auc', op: '<', value: 0.7 }).describe('Alert when a variant\'s live metric crosses this; null = no metric alert.'),
  output: z.string().default('monitor').describe('Name to store the monitoring report under.'),
});

export type MonitorParams = z.output<typeof monitorSchema>;

/** The report a monitor cell stores (a deploy cell's bestOf reads it). */
export interface MonitorReport {
  endpoint: string;
  config: number;
  requests: number;
  labelled: number;
  primaryMetric: string;
  variants: (VariantLiveMetrics & { model: string; version: number })[];
  drift: { column: string; psi: number; test: string; pvalue: number; alert: boolean }[];
  alerts: { en: string; ko: string }[];
}

export const monitorCell = defineCell({
  kind: 'monitor',
  label: 'Monitor endpoint',
  description: 'Monitor a deployed endpoint from its request log: input drift against the training data, live metrics per variant once labels arrive, and an alert threshold.',
  schema: monitorSchema,
  runnable: true,
  reads: (p) => [p.endpoint, p.reference, ...(p.labels ? [p.labels] : [])],
  writes: (p) => (p.output ? [p.output] : []),
  render(p) {
    const alert = p.alert ? `, alert if ${metricLabel(p.alert.metric)} ${p.alert.op} ${p.alert.value}` : '';
    return `// monitor ${p.endpoint} against ${p.reference}${p.labels ? `, labels ${p.labels}.${p.target}` : ''}: drift alert at PSI ≥ ${p.psiThreshold}${alert}`;
  },
  async run(params, ctx): Promise<CellOutput[]> {
    const { store, endpoint } = await endpointOf(ctx, params.endpoint, 'params.endpoint');
    const reference = ctx.table(params.reference, 'params.reference');
    const withRequests = endpoint.configs.filter((c) => endpoint.log.some((e) => e.config === c.config));
    const config = params.config ? endpoint.configs.find((c) => c.config === params.config) : withRequests[withRequests.length - 1];
    if (!config) {
      throw (params.config
        ? CellError.coded('monitor.noConfig', { name: endpoint.name, config: params.config, configs: endpoint.configs.map((c) => c.config).join(', ') }, { where: 'params.config' })
        : CellError.coded('monitor.noRequests', { name: endpoint.name }, { where: 'params.endpoint' }));
    }

    // Labels that arrived: joined onto the log by key, and kept there.
    let log = endpoint.log;
    if (params.labels) {
      const labels = ctx.table(params.labels, 'params.labels');
      for (const [c, where] of [[params.target, 'params.target'], ...(params.key ? [[params.key, 'params.key']] : [])] as const) {
        if (!labels.columnNames().includes(c)) throw CellError.coded('monitor.columnNotIn', { column: c, table: params.labels, columns: labels.columnNames().join(', ') }, { where });
      }
      const target = labels.column(params.target)!;
      const keys = params.key ? labels.column(params.key)! : undefined;
      const byKey = new Map<string, Scalar>();
      Array.from(labels.indices()).forEach((row, position) => byKey.set(keys ? String(keys.at(row)) : String(position), (target.at(row) ?? null) as Scalar));
      log = attachLabels(log, byKey);
      await store.put({ ...endpoint, log });
    }
    const entries = log.filter((e) => e.config === config.config);
    if (!entries.length) throw CellError.coded('monitor.configNoRequests', { config: config.config, name: endpoint.name }, { where: 'params.config' });

    // Drift of the logged inputs against the reference.
    ctx.progress({ phase: 'drift', ...progressText('progress.comparingRequests') });
    const logged = loggedTable(entries);
    const shared = logged.columnNames().filter((c) => reference.columnNames().includes(c));
    for (const c of params.columns) if (!shared.includes(c)) throw CellError.coded('monitor.columnNotBoth', { column: c, table: params.reference }, { where: 'params.columns' });
    const columns = params.columns.length ? params.columns : shared;
    const drift = tableDrift(reference, logged.select(columns), columns, { psiThreshold: params.psiThreshold, alpha: params.ksAlpha, bins: 10 }, () => checkAborted(ctx.signal));

    // Live metrics of each variant on its labelled requests.
    const task = entries.every((e) => e.task === 'regression') ? 'regression' : 'classification';
    const live = liveMetrics(config.variants.map((v) => v.variant), entries, task);
    const variants = live.map((l) => {
      const v = config.variants.find((x) => x.variant === l.variant)!;
      return { ...l, model: v.model, version: v.version };
    });
    const watched = params.alert ? metricKey(params.alert.metric) : undefined;
    const primaryMetric = watched && variants.some((v) => v.metrics[watched] !== undefined) ? watched : task === 'regression' ? 'mae' : variants.some((v) => v.metrics.roc_auc !== undefined) ? 'roc_auc' : 'accuracy';

    const alerts: MonitorReport['alerts'] = [];
    for (const f of drift.features.filter((d) => d.psi >= params.psiThreshold)) {
      alerts.push({
        en: `Input drift: "${f.column}" has PSI ${fmt(f.psi, 3)} ≥ ${params.psiThreshold} against the training data.`,
        ko: `입력 드리프트: "${f.column}"의 PSI가 ${fmt(f.psi, 3)}로 학습 데이터 대비 기준 ${params.psiThreshold} 이상이에요.`,
      });
    }
    if (params.alert && watched) {
      for (const v of variants) {
        const value = v.metrics[watched];
        if (value !== undefined && holds(value, params.alert.op as Op, params.alert.value)) {
          const text = describeCondition(watched, value, params.alert.op as Op, params.alert.value);
          alerts.push({
            en: `Variant "${v.variant}" (${v.model} v${v.version}): live ${text} on ${v.labelled} labelled requests.`,
            ko: `변형 "${v.variant}" (${v.model} v${v.version}): 레이블이 붙은 요청 ${v.labelled}건에서 실시간 ${describeCondition(watched, value, params.alert.op as Op, params.alert.value, metricLabelKo)}.`,
          });
        }
      }
    }
    const labelled = entries.filter((e) => e.label !== undefined && e.label !== null).length;
    const report: MonitorReport = {
      endpoint: endpoint.name, config: config.config, requests: entries.length, labelled, primaryMetric, variants,
      drift: drift.features.map((f) => ({ column: f.column, psi: f.psi, test: f.test, pvalue: f.pvalue, alert: f.psi >= params.psiThreshold })),
      alerts,
    };
    if (params.output) ctx.set(params.output, { type: 'object', value: report });
    return [summaryMarkdown(report, params), metricsTable(report), driftTable(drift.features, params.psiThreshold)];
  },
});

/** The logged request rows as a table (one row per logged row). */
function loggedTable(entries: readonly LogEntry[]): aq.ColumnTable {
  const names = [...new Set(entries.flatMap((e) => Object.keys(e.row)))];
  return aq.table(Object.fromEntries(names.map((n) => [n, entries.map((e) => e.row[n] ?? null)])));
}

function summaryMarkdown(r: MonitorReport, params: MonitorParams): CellOutput {
  const head = `**Endpoint "${markdownLiteral(r.endpoint)}", config ${r.config}:** ${r.requests} logged request row${r.requests === 1 ? '' : 's'}, ${r.labelled} with a label${params.labels ? '' : ' (give the monitor a labels table for live metrics)'}.`;
  const headKo = `**엔드포인트 "${markdownLiteral(r.endpoint)}", 설정 ${r.config}:** 기록된 요청 행 ${r.requests}개, 그중 레이블이 있는 행 ${r.labelled}개${params.labels ? '' : ' (실시간 지표를 보려면 레이블 테이블을 모니터에 주세요)'}.`;
  const en = [head];
  const ko = [headKo];
  if (r.alerts.length) {
    en.push(`**⚠ ${r.alerts.length} alert${r.alerts.length === 1 ? '' : 's'}**`);
    ko.push(`**⚠ 경고 ${r.alerts.length}건**`);
    for (const a of r.alerts) {
      en.push(`- ${markdownLiteral(a.en)}`);
      ko.push(`- ${markdownLiteral(a.ko)}`);
    }
  } else {
    const metric = params.alert ? metricLabel(params.alert.metric) : '';
    const metricKo = params.alert ? metricLabelKo(params.alert.metric) : '';
    en.push(`**No alert:** every feature's PSI is below ${params.psiThreshold}${params.alert ? ` and no variant's live ${metric} is ${params.alert.op} ${params.alert.value}` : ''}.`);
    ko.push(`**경고 없음:** 모든 특성의 PSI가 ${params.psiThreshold} 미만${params.alert ? `이고, 어떤 변형의 실시간 ${metricKo}도 ${params.alert.op} ${params.alert.value}가 아니에요` : '이에요'}.`);
  }
  return { type: 'markdown', markdown: en.join('\n\n'), ko: ko.join('\n\n') };
}

function metricsTable(r: MonitorReport): TableOutput {
  const names = [...new Set(r.variants.flatMap((v) => Object.keys(v.metrics)))];
  const rows = r.variants.map((v) => ({ variant: v.variant, model: `${v.model} v${v.version}`, requests: v.requests, labelled: v.labelled, ...Object.fromEntries(names.map((n) => [metricLabel(n), v.metrics[n] ?? null])) }));
  return {
    type: 'table',
    title: `Live metrics of ${r.endpoint} by variant`,
    titleKo: `${r.endpoint}의 변형별 실시간 지표`,
    columns: [{ name: 'variant', type: 'string' }, { name: 'model', type: 'string' }, { name: 'requests', type: 'integer' }, { name: 'labelled', type: 'integer' }, ...names.map((n) => ({ name: metricLabel(n), type: 'number' as const }))],
    rowCount: rows.length,
    rows,
  };
}

function driftTable(features: readonly FeatureDrift[], threshold: number): TableOutput {
  const sorted = [...features].sort((a, b) => b.psi - a.psi);
  const rows = sorted.map((f) => ({ feature: f.column, PSI: f.psi, test: f.test, 'p-value': f.pvalue, alert: f.psi >= threshold }));
  return {
    type: 'table',
    title: 'Input drift of the requests against the training data (highest PSI first)',
    titleKo: '학습 데이터 대비 요청 입력의 드리프트 (PSI가 높은 순)',
    columns: [{ name: 'feature', type: 'string' }, { name: 'PSI', type: 'number' }, { name: 'test', type: 'string' }, { name: 'p-value', type: 'number' }, { name: 'alert', type: 'boolean' }],
    rowCount: rows.length,
    rows,
  };
}
