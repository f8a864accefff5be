// The session-features cell exported to Python gives the workbench's feature
// tables: the same bigram vocabulary, the same rows (session, K) in the same
// order and every one of the features equal (1e-12 relative: the same sums
// in the same order; only libm's log in the entropy could differ in the last
// bit), for the fitted log and an applyTo log. The log is made here with the
// cases that matter: unsorted and tied times, a missing time, states with
// query strings, upper case and trailing slashes, terminal events (first,
// middle, last, and as next_state only), missing gaps and deltas, numeric ids.
// The transform steps that make its gap and delta columns (gaps, deltas) are
// checked the same way: every row.
import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { sessionFeaturesCell, sessionFeaturesSchema } from '../../src/cells/sessionfeatures.ts';
import { transformCell, transformSchema } from '../../src/cells/transform.ts';
import { seededRandom } from '../../src/core/random.ts';
import type { NotebookDoc } from '../../src/notebook/model.ts';
import type { TableOutput } from '../../src/core/outputs.ts';
import type { FittedSessionFeatures } from '../../src/data/sessions/index.ts';
import { testContext } from '../helpers/context.ts';
import { pythonMissing, runExported, typedCell } from './helpers.ts';

const missing = pythonMissing(['numpy', 'pandas']);
const EXACT = 1e-12;

const STATES = ['/', '/Search?q=shoes', '/search', '/products/12', '/products/7/', '/cart/add', '/cart/view', '/checkout', '/checkout_history', '/home', '/logout', '/delete_user'];

interface LogRow { session_id: number; timestamp: Date | null; current_state: string; next_state: string; page_depth: number | null; gap_sec: number | null; delta_search_count: number | null; delta_cart_item_count: number | null }

function eventLog(sessions: number, seed: number, firstId: number): LogRow[] {
  const r = seededRandom(seed);
  const rows: LogRow[] = [];
  for (let s = 0; s < sessions; s++) {
    const n = 1 + Math.floor(r() * 12);
    const start = Date.UTC(2024, 0, 1 + Math.floor(r() * 30), Math.floor(r() * 24), Math.floor(r() * 60), 0);
    const states = Array.from({ length: n }, () => STATES[Math.floor(r() * (r() < 0.15 ? STATES.length : STATES.length - 2))]);
    let t = start;
    const session: LogRow[] = states.map((state, i) => {
      t += Math.floor(r() * 4) * 15_000; // ties: 0-second steps
      return {
        session_id: firstId + s, timestamp: r() < 0.02 ? null : new Date(t), current_state: state, next_state: states[i + 1] ?? (r() < 0.3 ? '/logout' : ''),
        page_depth: r() < 0.03 ? null : 1 + Math.floor(r() * 6), gap_sec: i === 0 || r() < 0.05 ? null : Math.round(r() * 900) / 10,
        delta_search_count: r() < 0.05 ? null : Math.floor(r() * 3) - (r() < 0.1 ? 1 : 0), delta_cart_item_count: r() < 0.05 ? null : Math.floor(r() * 3) - 1,
      };
    });
    // Events arrive out of order now and then (the cell sorts each session by time, stably).
    if (n > 3 && r() < 0.3) session.reverse();
    rows.push(...session);
  }
  return rows;
}

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 19).replace('T', ' ') : '');
const csv = (rows: LogRow[]) => ['session_id,timestamp,current_state,next_state,page_depth,gap_sec,delta_search_count,delta_cart_item_count',
  ...rows.map((x) => [x.session_id, iso(x.timestamp), x.current_state, x.next_state, x.page_depth ?? '', x.gap_sec ?? '', x.delta_search_count ?? '', x.delta_cart_item_count ?? ''].join(','))].join('\n');
const table = (rows: LogRow[]) => aq.from(rows.map((x) => ({ ...x, next_state: x.next_state === '' ? null : x.next_state })));

describe.skipIf(missing !== undefined)(`session features exported to Python match the workbench${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it('the same vocabulary and feature tables, fitted and applied', async () => {
    const train = eventLog(160, 3, 1);
    const test = eventLog(60, 4, 1000);
    const params = sessionFeaturesSchema.parse({ input: 'train_log', output: 'train_x', applyTo: [{ input: 'test_log', output: 'test_x' }], ks: [3, 5, 7], topBigrams: 20, transform: 'session_fe' });
    const doc = {
      title: 'Session features export',
      cells: [
        typedCell('load-1', 'load', { source: { type: 'file', fileId: 'train.csv', fileName: 'train.csv' }, output: 'train_log' }),
        typedCell('load-2', 'load', { source: { type: 'file', fileId: 'test.csv', fileName: 'test.csv' }, output: 'test_log' }),
        typedCell('sf-1', 'sessionfeatures', params),
      ],
    } as unknown as NotebookDoc;
    const { reported, exported } = runExported(doc, { 'train.csv': csv(train), 'test.csv': csv(test) },
      ['train_x', 'test_x'].map((n) => `report('sf-1', 'all:${n}', records(${n}, len(${n})))`).join('\n'));
    expect(exported.todos).toEqual([]);

    const ctx = testContext({ train_log: { type: 'table', table: table(train) }, test_log: { type: 'table', table: table(test) } });
    const out = await sessionFeaturesCell.run(params, ctx);
    const fitted = ctx.values.get('session_fe') as { type: 'transform'; transform: FittedSessionFeatures };
    expect(reported.get('sf-1 vocabulary'), 'bigram vocabulary').toEqual(fitted.transform.vocabulary.map(([a, b]) => [a, b]));
    expect(fitted.transform.vocabulary).toHaveLength(20);
    expect(out.some((o) => o.type === 'table' && (o as TableOutput).name === 'train_x')).toBe(true);

    for (const name of ['train_x', 'test_x']) {
      const wb = (ctx.values.get(name) as { type: 'table'; table: aq.ColumnTable }).table.objects() as Record<string, unknown>[];
      const py = reported.get(`sf-1 all:${name}`) as Record<string, unknown>[];
      expect(py.length, `${name}: rows`).toBe(wb.length);
      expect(wb.length).toBeGreaterThan(150);
      wb.forEach((row, i) => {
        expect(Object.keys(py[i]), `${name} row ${i} columns`).toEqual(Object.keys(row));
        for (const [key, value] of Object.entries(row)) {
          if (typeof value === 'number') expect(Math.abs(Number(py[i][key]) - value), `${name} row ${i} ${key}: workbench ${value}, python ${String(py[i][key])}`).toBeLessThanOrEqual(EXACT * Math.max(1, Math.abs(value)));
          else expect(py[i][key], `${name} row ${i} ${key}`).toEqual(value);
        }
      });
    }
  });
});

describe.skipIf(missing !== undefined)(`the event steps of the transform cell exported to Python${missing ? ` (skipped: ${missing})` : ''}`, () => {
  it('gaps and deltas (clipped and not) give the workbench\'s columns, row for row', async () => {
    const log = eventLog(120, 5, 1).map(({ gap_sec: _g, delta_search_count: _s, delta_cart_item_count: _c, ...rest }, i) => ({
      ...rest, session_id: i % 97 === 5 ? null : rest.session_id, search_count: i % 23 === 0 ? null : (i * 7) % 5, cart_item_count: (i * 3) % 4,
    }));
    const steps = [
      { op: 'gaps', time: 'timestamp', by: 'session_id', name: 'gap_sec' },
      { op: 'deltas', columns: ['search_count'], by: 'session_id', orderBy: 'timestamp', prefix: 'delta_', clip: false },
      { op: 'deltas', columns: ['cart_item_count'], by: 'session_id', orderBy: 'timestamp', prefix: 'delta_', clip: true },
    ];
    const params = transformSchema.parse({ input: 'log', output: 'events', steps, transform: 'events_fe' });
    const header = 'session_id,timestamp,current_state,next_state,page_depth,search_count,cart_item_count';
    const text = [header, ...log.map((x) => [x.session_id ?? '', iso(x.timestamp), x.current_state, x.next_state, x.page_depth ?? '', x.search_count ?? '', x.cart_item_count].join(','))].join('\n');
    const doc = {
      title: 'Event steps export',
      cells: [
        typedCell('load-1', 'load', { source: { type: 'file', fileId: 'log.csv', fileName: 'log.csv' }, output: 'log' }),
        typedCell('tr-1', 'transform', params),
      ],
    } as unknown as NotebookDoc;
    const { reported, exported } = runExported(doc, { 'log.csv': text }, "report('tr-1', 'all', records(events[['gap_sec', 'delta_search_count', 'delta_cart_item_count']], len(events)))");
    expect(exported.todos).toEqual([]);
    const ctx = testContext({ log: { type: 'table', table: aq.from(log.map((x) => ({ ...x, next_state: x.next_state || null }))) } });
    await transformCell.run(params, ctx);
    const wb = (ctx.values.get('events') as { type: 'table'; table: aq.ColumnTable }).table.select('gap_sec', 'delta_search_count', 'delta_cart_item_count').objects() as Record<string, number | null>[];
    const py = reported.get('tr-1 all') as Record<string, number | null>[];
    expect(py).toHaveLength(wb.length);
    expect(wb.filter((r) => r.gap_sec === null).length, 'rows with a missing time').toBeGreaterThan(0);
    expect(wb.some((r) => (r.delta_search_count ?? 0) < 0), 'a falling counter').toBe(true);
    wb.forEach((row, i) => expect(py[i], `row ${i}`).toEqual(row));
  });
});
