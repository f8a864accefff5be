// The session-features cell (the course's sessionDrop steps 3–6): turns an
// event log into one row per (session, prefix length K) with the session's
// label (1 = complete, 0 = drop) and 88 features of its first K events.
// Fitted like a transform: the bigram vocabulary is learned from the input
// (training) sessions and reused unchanged on the applyTo tables, and the
// fitted transform is stored so a predict cell can featurise new sessions.
import { z } from 'zod';
import type { CellOutput } from '../core/outputs.ts';
import { CellError, checkAborted } from '../core/errors.ts';
import { defineCell } from './types.ts';
import { tablePreview } from '../data/preview.ts';
import { DEFAULT_TERMINALS, fitSessionFeatures } from '../data/sessions/index.ts';
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import { columnValues } from '../data/stats.ts';

const col = (d: string, text: string) => z.string().default(d).describe(text);

export const sessionFeaturesSchema = z.object({
  input: z.string().default('train_log').describe('Event log to fit on (the training sessions): one row per event.'),
  output: z.string().default('train_features').describe('Name for its feature table: one row per (session, K).'),
  applyTo: z
    .array(z.object({ input: z.string().describe('Another event log, e.g. the test sessions.'), output: z.string().describe('Name for its feature table.') }))
    .default(() => [])
    .describe('Other event logs featurised with the same fitted bigram vocabulary (nothing is learned from them).'),
  transform: z.string().default('session_features').describe('Name to store the fitted transform under (a predict cell can apply it to new sessions).'),
  columns: z
    .object({
      session: col('session_id', 'Session id column.'),
      time: col('timestamp', 'Event time column.'),
      state: col('current_state', 'State (page path) of the event.'),
      nextState: col('next_state', 'State of the next event (the label also looks at it).'),
      depth: col('page_depth', 'Page depth column.'),
      gap: col('gap_sec', 'Seconds since the previous event (a transform gaps step).'),
      deltaSearch: col('delta_search_count', 'Searches added by the event (a transform deltas step).'),
      deltaCart: col('delta_cart_item_count', 'Cart items added by the event (a transform deltas step, clipped at 0).'),
    })
    .prefault({})
    .describe('Columns of the event log.'),
  ks: z.array(z.number().int().min(1).max(1000)).default(() => [3, 5, 7]).describe('Prefix lengths K: features of each session\'s first K events.'),
  terminals: z.array(z.string()).default(() => [...DEFAULT_TERMINALS]).describe('Terminal states: a session that reaches one is complete (label 1); they are masked out of the prefixes.'),
  topBigrams: z.number().int().min(0).max(1000).default(50).describe('Size of the bigram vocabulary (most frequent state pairs of the training sessions, terminal pairs left out).'),
  normalize: z.boolean().default(true).describe('Normalise states: lowercase, drop the query string and a trailing "/".'),
  label: z.string().default('label').describe('Name of the label column (1 = complete, 0 = drop).'),
});

export type SessionFeaturesParams = z.output<typeof sessionFeaturesSchema>;

/** Rows and share of label 1 per K of a feature table. */
function balance(table: ColumnTable, label: string, name: string): Record<string, unknown>[] {
  const ks = columnValues(table, 'K');
  const ys = columnValues(table, label);
  const by = new Map<number, { rows: number; complete: number }>();
  ks.forEach((k, i) => {
    const e = by.get(Number(k)) ?? { rows: 0, complete: 0 };
    e.rows++;
    if (ys[i] === 1) e.complete++;
    by.set(Number(k), e);
  });
  return [...by.entries()].sort((a, b) => a[0] - b[0]).map(([k, e]) => ({ table: name, K: k, rows: e.rows, complete: e.complete, complete_share: e.rows ? e.complete / e.rows : 0 }));
}

export const sessionFeaturesCell = defineCell({
  kind: 'sessionfeatures',
  label: 'Session features',
  description:
    'Session-drop features (course sessionDrop): normalise states, label each session (1 = complete if any event\'s current or next state is terminal, else 0 = drop), '
    + 'cut prefixes of the first K events with terminal events masked, and compute 88 features per (session, K): counts and rates, gap statistics, page depth, '
    + 'search and cart activity, time of day, sequence flags, counts of the top-50 state bigrams (learned on the input sessions only), state entropy and start/last/hit flags. '
    + 'Needs gap_sec and delta_* columns from a transform cell (gaps and deltas steps). Every feature is defined in docs/datasets.md.',
  schema: sessionFeaturesSchema,
  runnable: true,
  reads: (p) => [p.input, ...p.applyTo.map((a) => a.input)],
  writes: (p) => [p.output, ...p.applyTo.map((a) => a.output), p.transform],
  render(p) {
    return [
      `// session features ${p.input} → ${p.output}${p.applyTo.map((a) => `, ${a.input} → ${a.output}`).join('')} (fitted as ${p.transform})`,
      `// prefixes K = ${p.ks.join(', ')}; terminals ${p.terminals.join(', ')} masked; top ${p.topBigrams} bigrams from ${p.input}${p.normalize ? '; states normalised' : ''}`,
    ].join('\n');
  },
  async run(params, ctx): Promise<CellOutput[]> {
    const names: [string, string][] = [['params.output', params.output], ['params.transform', params.transform]];
    params.applyTo.forEach((a, i) => names.push([`params.applyTo.${i}.output`, a.output]));
    for (const [where, name] of names) if (name.trim() === '') throw CellError.coded('name.result', {}, { where });
    const table = ctx.table(params.input, 'params.input');
    const others = params.applyTo.map((a, i) => ctx.table(a.input, `params.applyTo.${i}.input`));
    ctx.progress({ phase: 'fit' });
    const fitted = fitSessionFeatures(table, {
      columns: params.columns, ks: params.ks, terminals: params.terminals, topBigrams: params.topBigrams, normalize: params.normalize, label: params.label,
    }, ctx.signal);
    const results = others.map((t, i) => {
      checkAborted(ctx.signal);
      ctx.progress({ phase: 'apply', fraction: (i + 1) / others.length });
      return fitted.apply(t);
    });
    ctx.set(params.output, { type: 'table', table: fitted.fitted });
    results.forEach((t, i) => ctx.set(params.applyTo[i].output, { type: 'table', table: t }));
    ctx.set(params.transform, { type: 'transform', transform: fitted });

    const summary = aq.from([balance(fitted.fitted, params.label, params.output), ...results.map((t, i) => balance(t, params.label, params.applyTo[i].output))].flat());
    const vocab = aq.table({
      bigram: fitted.vocabulary.map((_, i) => `bg_${i}`),
      from: fitted.vocabulary.map(([a]) => a),
      to: fitted.vocabulary.map(([, b]) => b),
    });
    return [
      {
        type: 'text', text: `${fitted.features.length} features per (session, K); bigram vocabulary of ${fitted.vocabulary.length} pairs learned from ${params.input}.`,
        ko: `(세션, K)마다 특성 ${fitted.features.length}개; ${params.input}에서 쌍 ${fitted.vocabulary.length}개의 바이그램 어휘를 배웠어요.`,
      },
      tablePreview(summary, { title: 'Rows and share of complete sessions (label 1) per K', titleKo: 'K별 행 수와 완료된 세션(레이블 1)의 비율' }),
      tablePreview(fitted.fitted, { name: params.output, rows: 10 }),
      tablePreview(vocab, { title: 'Bigram vocabulary (from the training sessions)', titleKo: '바이그램 어휘 (학습 세션에서)', rows: 10 }),
    ];
  },
});
