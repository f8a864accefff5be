// The time-series cell: one numeric series (optionally one group's rows,
// sorted by time and resampled) analysed the way the course does it —
// seasonal decomposition, ACF/PACF with confidence bands, the ADF unit-root
// test and Shapiro–Wilk (on the decomposition's residuals when there is one).
// Figures are Plotly specs; the test results come as a table with a
// plain-language reading, and everything is stored as one object value.
import { z } from 'zod';
import * as aq from 'arquero';
import type { CellOutput, FigureOutput } from '../core/outputs.ts';
import { CellError } from '../core/errors.ts';
import { defineCell } from './types.ts';
import { requireColumn } from '../data/columns.ts';
import { columnValues, isMissing } from '../data/stats.ts';
import { tablePreview } from '../data/preview.ts';
import { acf, adfuller, pacf, seasonalDecompose, shapiro, type AdfResult, type Correlogram, type Decomposition, type ShapiroResult } from '../data/timeseries/index.ts';
import { buildSeries } from '../data/timeseries/resample.ts';

const ANALYSES = ['decompose', 'acf', 'pacf', 'adf', 'shapiro'] as const;
const ALPHA = 0.05;

export const timeseriesSchema = z.object({
  input: z.string().default('data').describe('Table holding the series.'),
  time: z.string().optional().describe('Date column: rows are sorted by it (empty: use row order).'),
  value: z.string().default('').describe('Numeric column to analyse.'),
  group: z
    .object({ column: z.string().describe('Column to filter on, e.g. store.'), value: z.union([z.string(), z.number(), z.boolean()]).describe('Keep rows with this value.') })
    .optional()
    .describe('Analyse one group only (one store, one product).'),
  analyses: z.array(z.enum(ANALYSES)).default(() => [...ANALYSES]).describe('Which analyses to run.'),
  period: z.number().int().min(2).default(7).describe('Season length in points (7 for daily data with a weekly cycle, 12 for monthly).'),
  model: z.enum(['additive', 'multiplicative']).default('additive').describe('additive: x = trend + seasonal + resid; multiplicative: x = trend × seasonal × resid.'),
  lags: z.number().int().min(1).default(30).describe('Lags shown in the ACF and PACF.'),
  resample: z.enum(['none', 'day', 'week', 'month']).default('none').describe('Aggregate into calendar buckets (UTC) first; needs a time column.'),
  aggregate: z.enum(['sum', 'mean']).default('sum').describe('How rows in a bucket are combined (an empty bucket sums to 0, has no mean).'),
  output: z.string().default('timeseries').describe('Name to store the results under.'),
});

export type TimeseriesParams = z.output<typeof timeseriesSchema>;

export interface TimeseriesResults {
  n: number;
  decomposition?: Decomposition;
  acf?: Correlogram;
  pacf?: Correlogram;
  adf?: AdfResult;
  shapiro?: ShapiroResult & { on: 'residuals' | 'series' };
}

/** "0.003", "0.41", "< 0.0001": short p-values for sentences. */
export function formatP(p: number): string {
  if (p < 1e-4) return '< 0.0001';
  return `= ${Number(p.toPrecision(2))}`;
}

export function readAdf(r: AdfResult): string {
  return r.pValue < ALPHA
    ? `p ${formatP(r.pValue)} < 0.05: reject a unit root — the series looks stationary.`
    : `p ${formatP(r.pValue)} ≥ 0.05: cannot reject a unit root — the series may be non-stationary (a trend or random walk); try differencing it.`;
}

/** readAdf in Korean (the readings' markdown carries it as its ko). */
function readAdfKo(r: AdfResult): string {
  return r.pValue < ALPHA
    ? `p ${formatP(r.pValue)} < 0.05: 단위근을 기각해요 — 시계열이 정상(stationary)으로 보여요.`
    : `p ${formatP(r.pValue)} ≥ 0.05: 단위근을 기각할 수 없어요 — 시계열이 비정상(추세나 랜덤 워크)일 수 있어요. 차분해 보세요.`;
}

function readShapiroKo(r: ShapiroResult, on: string): string {
  const what = on === 'residuals' ? '잔차가' : '시계열이';
  return r.pValue < ALPHA
    ? `p ${formatP(r.pValue)} < 0.05: ${what} 정규분포로 보이지 않아요.`
    : `p ${formatP(r.pValue)} ≥ 0.05: ${what} 정규분포가 아니라는 증거가 없어요.`;
}

export function readShapiro(r: ShapiroResult, on: string): string {
  return r.pValue < ALPHA
    ? `p ${formatP(r.pValue)} < 0.05: the ${on} do not look normally distributed.`
    : `p ${formatP(r.pValue)} ≥ 0.05: no evidence against normality of the ${on}.`;
}

const PART_KO: Record<string, string> = { observed: '관측값', trend: '추세', seasonal: '계절성', resid: '잔차' };

function decompositionFigure(d: Decomposition, x: (string | number)[], title: string, titleKo: string): FigureOutput {
  const parts: [string, (number | null)[], string][] = [['observed', d.observed, 'lines'], ['trend', d.trend, 'lines'], ['seasonal', d.seasonal, 'lines'], ['resid', d.resid, 'markers']];
  const gap = 0.04;
  const h = (1 - 3 * gap) / 4;
  const layout: Record<string, unknown> = { title: { text: title }, showlegend: false, height: 700, xaxis: { anchor: 'y4' } };
  parts.forEach(([name], i) => {
    const top = 1 - i * (h + gap);
    layout[i === 0 ? 'yaxis' : `yaxis${i + 1}`] = { domain: [top - h, top], title: { text: name } };
  });
  const axesKo = Object.fromEntries(parts.map(([name], i) => [i === 0 ? 'yaxis' : `yaxis${i + 1}`, PART_KO[name]]));
  return {
    type: 'figure',
    title,
    titleKo,
    ko: { layout: { title: titleKo, ...axesKo }, traces: parts.map(([name]) => PART_KO[name]) },
    spec: { data: parts.map(([name, y, mode], i) => ({ type: 'scatter', mode, name, x, y, xaxis: 'x', yaxis: i === 0 ? 'y' : `y${i + 1}` })), layout },
  };
}

/** Stems as thin bars, and the confidence band (centred on 0, as statsmodels plots it) as a shaded area. */
function correlogramFigure(c: Correlogram, name: 'ACF' | 'PACF'): FigureOutput {
  const lags = c.values.map((_, k) => k);
  const from = 1; // lag 0 has no band
  const band = (b: number[]) => b.slice(from).map((v, k) => v - c.values[k + from]);
  return {
    type: 'figure',
    title: name,
    ko: { layout: { title: name === 'ACF' ? '자기상관' : '편자기상관', xaxis: '시차' }, traces: [null, '95% 구간'] },
    spec: {
      data: [
        { type: 'scatter', mode: 'lines', x: lags.slice(from), y: band(c.lower), line: { width: 0 }, hoverinfo: 'skip', showlegend: false },
        { type: 'scatter', mode: 'lines', x: lags.slice(from), y: band(c.upper), fill: 'tonexty', fillcolor: 'rgba(31,119,180,0.2)', line: { width: 0 }, name: '95% band' },
        { type: 'bar', x: lags, y: c.values, width: 0.15, name },
      ],
      layout: { title: { text: name === 'ACF' ? 'Autocorrelation' : 'Partial autocorrelation' }, xaxis: { title: { text: 'lag' } }, yaxis: { range: [-1.05, 1.05] } },
    },
  };
}

export const timeseriesCell = defineCell({
  kind: 'timeseries',
  label: 'Time series',
  description: 'Analyse one numeric series over time: seasonal decomposition, ACF and PACF with confidence bands, the Augmented Dickey–Fuller stationarity test and the Shapiro–Wilk normality test.',
  schema: timeseriesSchema,
  runnable: true,
  reads: (p) => [p.input],
  writes: (p) => (p.output.trim() ? [p.output] : []),
  render(p) {
    const by = p.time ? ` over ${p.time}` : '';
    const g = p.group ? ` where ${p.group.column} = ${JSON.stringify(p.group.value)}` : '';
    const rs = p.resample !== 'none' ? `, ${p.aggregate} per ${p.resample}` : '';
    return `// time series ${p.input}.${p.value}${by}${g}${rs}: ${p.analyses.join(', ')} (period ${p.period}, ${p.model}, ${p.lags} lags)`;
  },
  async run(params, ctx): Promise<CellOutput[]> {
    let table = ctx.table(params.input, 'params.input');
    if (!params.value.trim()) throw CellError.coded('timeseries.chooseValue', { columns: table.columnNames().join(', ') }, { where: 'params.value' });
    requireColumn(table, params.value, 'params.value', params.input);
    const time = params.time?.trim() ? params.time : undefined;
    if (time) requireColumn(table, time, 'params.time', params.input);
    if (params.group) {
      const { column, value } = params.group;
      requireColumn(table, column, 'params.group.column', params.input);
      const keep = columnValues(table, column).map((v) => !isMissing(v) && v === value);
      const rows = keep.flatMap((k, i) => (k ? [i] : []));
      if (rows.length === 0) throw CellError.coded('timeseries.noGroupRows', { column, value: JSON.stringify(value) }, { where: 'params.group.value' });
      table = table.reify(rows);
    }
    ctx.progress({ phase: 'series' });
    const series = buildSeries(table, { time, value: params.value, resample: params.resample, aggregate: params.aggregate });
    const outputs: CellOutput[] = [];
    const keep = series.values.flatMap((v, i) => (v === null ? [] : [i]));
    const dropped = series.values.length - keep.length;
    if (dropped > 0) outputs.push({ type: 'text', text: `${dropped} missing value${dropped === 1 ? '' : 's'} dropped before the analyses.`, ko: `분석 전에 결측값 ${dropped}개를 뺐어요.` });
    const y = keep.map((i) => series.values[i] as number);
    const x: (string | number)[] = keep.map((i) => (series.times ? series.times[i] : i));
    if (y.length < 3) throw CellError.coded('timeseries.short', { n: y.length }, { where: 'params.value' });

    const results: TimeseriesResults = { n: y.length };
    const want = new Set(params.analyses);
    if (want.has('decompose')) {
      results.decomposition = seasonalDecompose(y, params.period, params.model);
      outputs.push(decompositionFigure(results.decomposition, x,
        `${params.model === 'additive' ? 'Additive' : 'Multiplicative'} decomposition of ${params.value} (period ${params.period})`,
        `${params.value}의 ${params.model === 'additive' ? '덧셈' : '곱셈'} 분해 (주기 ${params.period})`));
    }
    if (want.has('acf')) {
      results.acf = acf(y, Math.min(params.lags, y.length - 1), ALPHA);
      outputs.push(correlogramFigure(results.acf, 'ACF'));
    }
    if (want.has('pacf')) {
      // statsmodels allows PACF lags only below half the series length.
      const lags = Math.min(params.lags, Math.floor(y.length / 2) - 1);
      if (lags < 1) throw CellError.coded('timeseries.pacfShort', {}, { where: 'params.lags' });
      if (lags < params.lags) outputs.push({ type: 'text', text: `PACF shown up to lag ${lags} (at most half the series length).`, ko: `PACF는 시차 ${lags}까지만 보여요 (시계열 길이의 절반까지).` });
      results.pacf = pacf(y, lags, ALPHA);
      outputs.push(correlogramFigure(results.pacf, 'PACF'));
    }
    const rows: Record<string, unknown[]> = { test: [], statistic: [], p_value: [], detail: [], reading: [] };
    const readings: string[] = [];
    const readingsKo: string[] = [];
    if (want.has('adf')) {
      const r = (results.adf = adfuller(y));
      rows.test.push('ADF (constant, lag by AIC)');
      rows.statistic.push(r.statistic);
      rows.p_value.push(r.pValue);
      rows.detail.push(`lags ${r.usedLag}, n ${r.nobs}; critical 1% ${r.critical['1%'].toFixed(3)}, 5% ${r.critical['5%'].toFixed(3)}, 10% ${r.critical['10%'].toFixed(3)}`);
      rows.reading.push(readAdf(r));
      readings.push(`**ADF:** ${readAdf(r)}`);
      readingsKo.push(`**ADF:** ${readAdfKo(r)}`);
    }
    if (want.has('shapiro')) {
      const resid = results.decomposition?.resid.filter((v): v is number => v !== null);
      const on = resid ? 'residuals' : 'series';
      const r = shapiro(resid ?? y);
      results.shapiro = { ...r, on };
      rows.test.push(`Shapiro–Wilk (${on})`);
      rows.statistic.push(r.statistic);
      rows.p_value.push(r.pValue);
      rows.detail.push(`n ${(resid ?? y).length}`);
      rows.reading.push(readShapiro(r, on));
      readings.push(`**Shapiro–Wilk:** ${readShapiro(r, on)}`);
      readingsKo.push(`**Shapiro–Wilk:** ${readShapiroKo(r, on)}`);
    }
    if (rows.test.length > 0) {
      outputs.push(tablePreview(aq.table(rows, ['test', 'statistic', 'p_value', 'detail', 'reading']), { title: 'Tests', titleKo: '검정' }));
      outputs.push({ type: 'markdown', markdown: readings.join('\n\n'), ko: readingsKo.join('\n\n') });
    }
    if (params.output.trim()) ctx.set(params.output, { type: 'object', value: results });
    return outputs;
  },
});
