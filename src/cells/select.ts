// The feature-selection cell: score the feature columns against a target,
// keep the best, and pass the kept columns (plus the target) on as a table.
// Univariate scores follow scikit-learn (VarianceThreshold, f_classif, chi2,
// mutual_info_classif / mutual_info_regression: integer and boolean features
// discrete, the others by the kNN estimator; or all on equal-width bins);
// model-based and RFE use the workbench's own models.
import { z } from 'zod';
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { CellError, checkAborted } from '../core/errors.ts';
import type { CellOutput, FigureOutput } from '../core/outputs.ts';
import { defineCell, type CellContext } from './types.ts';
import { requireColumn } from '../data/columns.ts';
import { columnType, tablePreview } from '../data/preview.ts';
import { isMissing } from '../data/stats.ts';
import { chi2, fClassif, varianceThreshold } from '../data/selection/index.ts';
import { discretize, mutualInfo, mutualInfoClassif } from '../data/selection/mutual-info.ts';
import { correlationFilter } from '../data/selection/correlation-filter.ts';
import { rfe } from '../data/selection/rfe.ts';
import { fitModel, fitTreeModel } from '../ml/fit.ts';
import { progressText } from '../core/messages/progress.ts';

export const selectSchema = z.object({
  input: z.string().default('data').describe('Table to select features from.'),
  target: z.string().default('').describe('Column to predict (the features are scored against it).'),
  features: z.array(z.string()).default(() => []).describe('Candidate features; empty means every numeric or boolean column but the target.'),
  method: z.enum(['variance', 'correlation', 'anova', 'chi2', 'mutual_info', 'model', 'rfe']).default('anova')
    .describe('variance: drop near-constant columns; correlation: drop one of each highly correlated pair; anova (F), chi2, mutual_info: univariate scores; model: boosted-tree importances; rfe: recursive elimination.'),
  k: z.number().int().min(1).nullable().default(null).describe('Keep the k best features. Empty: the method\'s default (10 for scores, half for RFE).'),
  threshold: z.number().nullable().default(null).describe('Keep features scoring above this instead of top k (variance: default 0; correlation: the |r| above which a pair counts, default 0.9; model: default the mean importance).'),
  continuous: z.enum(['knn', 'bins']).default('knn').describe('mutual_info: knn — integer and boolean features are discrete (scored from counts), the others by scikit-learn\'s k-nearest-neighbour estimator (3 neighbours; mutual_info_regression when the target is numeric with more than 10 distinct values, else mutual_info_classif); bins — features with more distinct values than `bins` are cut into equal-width bins and every feature is scored from counts.'),
  bins: z.number().int().min(2).default(10).describe('mutual_info with continuous "bins": equal-width bins for numeric features (and a numeric target) with more distinct values than this.'),
  estimator: z.enum(['tree', 'linear']).default('tree').describe('rfe: rank by boosted-tree importances, or by |coefficient| × feature std of a logistic/linear model.'),
  step: z.number().int().min(1).default(1).describe('rfe: features removed per round.'),
  output: z.string().default('selected').describe('Name for the table of kept features and the target.'),
  scores: z.string().default('feature_scores').describe('Name for the table of scores per feature.'),
});

export type SelectParams = z.output<typeof selectSchema>;

interface Scored {
  score: number[];
  keep: boolean[];
  /** Extra columns for the scores table (p-values, ranking, dropped-for). */
  extra: Record<string, unknown[]>;
  label: string;
  /** The label in Korean, for the chart's title and axis in the Korean UI. */
  labelKo: string;
  /** What the student should know about how the scores were made, in English and Korean. */
  notes: Note[];
}

interface Note {
  text: string;
  ko: string;
}

const NUMERIC = new Set(['number', 'integer', 'boolean']);

function candidateFeatures(table: ColumnTable, p: SelectParams): string[] {
  if (p.features.length > 0) {
    p.features.forEach((f, i) => {
      requireColumn(table, f, `params.features.${i}`, p.input);
      if (!NUMERIC.has(columnType(table, f))) throw CellError.coded('select.featureNotNumeric', { feature: f }, { where: `params.features.${i}` });
    });
    return p.features.filter((f) => f !== p.target);
  }
  return table.columnNames().filter((c) => c !== p.target && NUMERIC.has(columnType(table, c)));
}

/** Columns of the complete rows (no missing feature or target), booleans as 0/1. */
function completeRows(table: ColumnTable, features: string[], target: string): { columns: number[][]; y: unknown[]; dropped: number } {
  const raw = features.map((f) => table.array(f) as unknown[]);
  const yRaw = table.array(target) as unknown[];
  const columns: number[][] = features.map(() => []);
  const y: unknown[] = [];
  let dropped = 0;
  for (let i = 0; i < yRaw.length; i++) {
    if (isMissing(yRaw[i]) || raw.some((c) => isMissing(c[i]))) {
      dropped++;
      continue;
    }
    raw.forEach((c, j) => columns[j].push(typeof c[i] === 'boolean' ? (c[i] ? 1 : 0) : (c[i] as number)));
    y.push(yRaw[i]);
  }
  return { columns, y, dropped };
}

const rowsOf = (columns: number[][]) => Array.from({ length: columns[0]?.length ?? 0 }, (_, i) => columns.map((c) => c[i]));

function topK(score: number[], k: number): boolean[] {
  const order = score.map((s, j) => ({ s: Number.isNaN(s) ? -Infinity : s, j })).sort((a, b) => b.s - a.s || a.j - b.j);
  const keep = new Array<boolean>(score.length).fill(false);
  for (const o of order.slice(0, k)) keep[o.j] = true;
  return keep;
}

function keepBy(score: number[], p: SelectParams, defaultK: number): boolean[] {
  if (p.threshold !== null) return score.map((s) => s > (p.threshold as number));
  return topK(score, Math.min(p.k ?? defaultK, score.length));
}

async function modelImportances(table: ColumnTable, features: string[], p: SelectParams, ctx: CellContext): Promise<number[]> {
  if (p.estimator === 'tree' || p.method === 'model') {
    const { model } = await fitTreeModel(table, { target: p.target, features, rounds: 50, maxDepth: 4 }, { signal: ctx.signal });
    const imp = model.featureImportance('gain');
    return features.map((f) => imp[f] ?? 0);
  }
  const task = ['number', 'integer'].includes(columnType(table, p.target)) && new Set(table.array(p.target) as unknown[]).size > 10 ? 'regression' : 'classification';
  const { model } = await fitModel(table, {
    target: p.target, features, task, model: task === 'regression' ? 'linear' : 'logistic',
    optimizer: 'adam', learningRate: 0.05, epochs: 30, batchSize: 64, seed: 42,
  }, { signal: ctx.signal });
  try {
    const coef = model.coefficients();
    if (!coef) throw CellError.coded('select.noCoefficients', {}, { where: 'params.estimator' });
    // |coef| × std is the size of the coefficient on standardized features (coefficients alone depend on units).
    return features.map((f, j) => {
      const v = (table.array(f) as unknown[]).filter((x) => !isMissing(x)).map(Number);
      const m = v.reduce((a, b) => a + b, 0) / v.length;
      const sd = Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / v.length);
      return coef.coef.reduce((a, row) => a + Math.abs(row[j]), 0) * sd;
    });
  } finally {
    model.dispose();
  }
}

async function score(table: ColumnTable, features: string[], p: SelectParams, ctx: CellContext): Promise<Scored> {
  const { columns, y, dropped } = completeRows(table, features, p.target);
  const notes: Note[] = dropped > 0
    ? [{ text: `${dropped} row${dropped === 1 ? '' : 's'} with a missing feature or target ${dropped === 1 ? 'was' : 'were'} left out of the scoring.`, ko: `특성이나 타깃 값이 빠진 행 ${dropped}개는 점수 계산에서 뺐어요.` }]
    : [];
  if (y.length < 2) throw CellError.coded('select.fewRows', {}, { where: 'params.input' });
  const X = rowsOf(columns);
  switch (p.method) {
    case 'variance': {
      const { variances } = varianceThreshold(X, 0);
      return { score: variances, keep: p.k !== null ? topK(variances, p.k) : variances.map((v) => v > (p.threshold ?? 0)), extra: {}, label: 'variance', labelKo: '분산', notes };
    }
    case 'correlation': {
      const r = correlationFilter(columns, y, p.threshold ?? 0.9);
      const droppedFor: (string | null)[] = features.map(() => null);
      for (const d of r.dropped) droppedFor[d.feature] = `${features[d.kept]} (|r| = ${d.r.toFixed(3)})`;
      return { score: r.relevance, keep: r.keep, extra: { dropped_for: droppedFor }, label: 'relevance to target (|r| or η)', labelKo: '타깃과의 관련성 (|r| 또는 η)', notes };
    }
    case 'anova': {
      const s = fClassif(X, y);
      return { score: s.scores, keep: keepBy(s.scores, p, 10), extra: { p_value: s.pValues }, label: 'ANOVA F', labelKo: 'ANOVA F', notes };
    }
    case 'chi2': {
      const s = chi2(X, y);
      return { score: s.scores, keep: keepBy(s.scores, p, 10), extra: { p_value: s.pValues }, label: 'chi²', labelKo: '카이제곱 (chi²)', notes };
    }
    case 'mutual_info':
      return mutualInfoScores(features, columns, y, p, notes);
    case 'model': {
      const imp = await modelImportances(table, features, p, ctx);
      const mean = imp.reduce((a, b) => a + b, 0) / imp.length;
      const keep = p.k !== null ? topK(imp, p.k) : imp.map((v) => v >= (p.threshold ?? mean));
      notes.push({ text: 'Importances: total split gain in a boosted-tree model (50 rounds, depth 4).', ko: '중요도: 부스팅 트리 모델(라운드 50, 깊이 4)에서 분할 이득을 모두 더한 값이에요.' });
      return { score: imp, keep, extra: {}, label: 'tree importance (gain)', labelKo: '트리 중요도 (이득)', notes };
    }
    case 'rfe': {
      const keepCount = p.k ?? Math.max(1, Math.floor(features.length / 2));
      const res = await rfe(features.length, keepCount, p.step, (idx) => modelImportances(table, idx.map((j) => features[j]), p, ctx), ctx.signal,
        (remaining) => ctx.progress({ phase: 'rfe', ...progressText('progress.featuresLeft', { n: remaining }) }));
      // Score for the chart: higher is better (kept longest).
      const maxRank = Math.max(...res.ranking);
      return { score: res.ranking.map((r) => maxRank - r + 1), keep: res.keep, extra: { ranking: res.ranking }, label: 'RFE (rounds survived)', labelKo: 'RFE (버틴 라운드 수)', notes };
    }
  }
}

/** A numeric target with more than 10 distinct values is a regression target (as for the linear RFE estimator). */
function isRegressionTarget(y: readonly unknown[]): boolean {
  return y.every((v) => typeof v === 'number') && new Set(y).size > 10;
}

function mutualInfoScores(features: string[], columns: number[][], y: unknown[], p: SelectParams, notes: Note[]): Scored {
  const regression = isRegressionTarget(y);
  if (p.continuous === 'bins') {
    const binned = columns.map((c) => (new Set(c).size > p.bins ? discretize(c, p.bins) : c));
    const mi = mutualInfoClassif(rowsOf(binned), regression && new Set(y).size > p.bins ? discretize(y as number[], p.bins) : y);
    notes.push({
      text: `Mutual information (nats) of discrete features: numeric features${regression ? ' and the numeric target' : ''} with more than ${p.bins} distinct values were cut into ${p.bins} equal-width bins (sklearn mutual_info_classif with discrete_features=True on the binned values).`,
      ko: `이산 특성의 상호정보량(nats)이에요: 서로 다른 값이 ${p.bins}개보다 많은 수치 특성${regression ? '과 수치 타깃' : ''}은 폭이 같은 구간 ${p.bins}개로 나눴어요 (나눈 값에 sklearn mutual_info_classif, discrete_features=True).`,
    });
    return { score: mi, keep: keepBy(mi, p, 10), extra: {}, label: 'mutual information', labelKo: '상호정보량', notes };
  }
  // Integer codes (one-hot, ordinal, counts) and booleans (0/1 here) are discrete, as with discrete_features=X.dtypes == int in pandas.
  const discrete = columns.map((c) => c.every(Number.isInteger));
  const r = mutualInfo(columns, y, { discrete, discreteTarget: !regression, seed: 0 });
  const listed = (want: boolean, none: string) => features.filter((_, j) => discrete[j] === want).join(', ') || none;
  notes.push({
    text: `Mutual information (nats), as sklearn ${regression ? 'mutual_info_regression (numeric target)' : 'mutual_info_classif (class target)'} with n_neighbors=3. ` +
      `Discrete (integer or boolean, scored from counts): ${listed(true, '(none)')}. Continuous (k-nearest-neighbour estimator, tie-breaking noise from seed 0): ${listed(false, '(none)')}.` +
      (r.sampledRows ? ` Continuous features against the numeric target were scored on a seeded sample of ${r.sampledRows} of the ${y.length} rows.` : ''),
    ko: `상호정보량(nats)이에요. sklearn ${regression ? 'mutual_info_regression (수치 타깃)' : 'mutual_info_classif (범주 타깃)'}처럼 n_neighbors=3으로 계산했어요. ` +
      `이산 특성 (정수나 불리언, 개수로 계산): ${listed(true, '(없음)')}. 연속 특성 (k-최근접 이웃 추정, 동점을 가르는 잡음은 시드 0): ${listed(false, '(없음)')}.` +
      (r.sampledRows ? ` 수치 타깃에 대한 연속 특성은 ${y.length}행 중 시드로 고른 ${r.sampledRows}행에서 계산했어요.` : ''),
  });
  return { score: r.mi, keep: keepBy(r.mi, p, 10), extra: { estimator: discrete.map((d) => (d ? 'discrete' : 'kNN')) }, label: 'mutual information', labelKo: '상호정보량', notes };
}

function scoreChart(features: string[], s: Scored): FigureOutput {
  // Undefined scores (a constant column's F is NaN, as in sklearn) sort to the bottom.
  const rank = (v: number) => (Number.isNaN(v) ? -Infinity : v);
  const order = features.map((f, j) => ({ f, v: s.score[j], keep: s.keep[j] })).sort((a, b) => rank(a.v) - rank(b.v));
  return {
    type: 'figure',
    title: `Feature scores: ${s.label}`,
    titleKo: `특성 점수: ${s.labelKo}`,
    ko: { layout: { title: `${s.labelKo} (파란색: 남긴 특성)`, xaxis: s.labelKo } },
    spec: {
      data: [{
        type: 'bar', orientation: 'h', x: order.map((o) => (Number.isFinite(o.v) ? o.v : null)), y: order.map((o) => o.f),
        marker: { color: order.map((o) => (o.keep ? '#1f77b4' : '#c7c7c7')) },
      }],
      layout: { title: { text: `${s.label} (blue: kept)` }, xaxis: { title: { text: s.label } }, yaxis: { type: 'category', automargin: true }, height: Math.max(240, 24 * features.length + 80) },
    },
  };
}

export const selectFeaturesCell = defineCell({
  kind: 'select',
  label: 'Select features',
  description: 'Score feature columns against a target (variance, correlation filter, ANOVA F, chi², mutual information, tree importances or recursive elimination), keep the best and pass them on with the target.',
  schema: selectSchema,
  runnable: true,
  reads: (p) => [p.input],
  writes: (p) => [p.output, p.scores],
  render(p) {
    const keep = p.k !== null ? `top ${p.k}` : p.threshold !== null ? `above ${p.threshold}` : 'default cut';
    return `// select features of ${p.input} for ${p.target || '?'} by ${p.method} (${keep}) → ${p.output}, scores → ${p.scores}`;
  },
  async run(params, ctx): Promise<CellOutput[]> {
    const table = ctx.table(params.input, 'params.input');
    if (!params.target.trim()) throw CellError.coded('select.chooseTarget', {}, { where: 'params.target' });
    requireColumn(table, params.target, 'params.target', params.input);
    if (params.output.trim() === '' || params.scores.trim() === '') throw CellError.coded('select.nameOutputs', {}, { where: 'params.output' });
    const features = candidateFeatures(table, params);
    if (features.length === 0) throw CellError.coded('select.noNumericFeatures', {}, { where: 'params.features' });
    ctx.progress({ phase: 'score', message: params.method });
    const s = await score(table, features, params, ctx);
    checkAborted(ctx.signal);
    const kept = features.filter((_, j) => s.keep[j]);
    const rank = (v: number) => (Number.isNaN(v) ? -Infinity : v);
    const order = features.map((_, j) => j).sort((a, b) => rank(s.score[b]) - rank(s.score[a]) || a - b);
    const scores = aq.table({
      feature: order.map((j) => features[j]),
      score: order.map((j) => (Number.isFinite(s.score[j]) ? s.score[j] : null)),
      kept: order.map((j) => s.keep[j]),
      ...Object.fromEntries(Object.entries(s.extra).map(([k, v]) => [k, order.map((j) => {
        const x = v[j];
        return typeof x === 'number' && !Number.isFinite(x) ? null : x;
      })])),
    });
    const selected = table.select([...kept, params.target]);
    ctx.set(params.output, { type: 'table', table: selected });
    ctx.set(params.scores, { type: 'table', table: scores });
    return [
      ...s.notes.map(({ text, ko }): CellOutput => ({ type: 'text', text, ko })),
      scoreChart(features, s),
      { type: 'text', text: `Kept ${kept.length} of ${features.length} features: ${kept.join(', ') || '(none)'}.`, ko: `특성 ${features.length}개 중 ${kept.length}개를 남겼어요: ${kept.join(', ') || '(없음)'}.` },
      tablePreview(scores, { name: params.scores, rows: 1000 }),
      tablePreview(selected, { name: params.output, rows: 10 }),
    ];
  },
});
