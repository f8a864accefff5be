// Session-drop features on a tiny hand-made log: every value below is worked
// out by hand from the definitions in src/data/sessions/features.ts.
import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { bigramVocabulary, featureNames, fitSessionFeatures, normalizeState, readSessions, type SessionFeatureOptions } from '../../src/data/sessions/index.ts';

const COLUMNS = {
  session: 'session_id', time: 'timestamp', state: 'current_state', nextState: 'next_state',
  depth: 'page_depth', gap: 'gap_sec', deltaSearch: 'delta_search_count', deltaCart: 'delta_cart_item_count',
};

const OPTIONS: SessionFeatureOptions = { columns: COLUMNS, ks: [3, 5], terminals: ['/logout', '/delete_user'], topBigrams: 3, normalize: true, label: 'label' };

// A: complete (logs out at event 4), starts Saturday 2025-03-08 10:00 UTC.
// B: drop, Monday 23:59:59 across midnight, depth goes back once.
// C: opens with /delete_user: label 1, no real event, no rows.
// D: one event whose next state is /logout: label 1 through next_state.
const rows: [string, string, string, string, number, number, number, number][] = [
  ['A', '2025-03-08 10:00:00', '/Search?q=shoes', '/product', 1, 0, 1, 0],
  ['A', '2025-03-08 10:00:02', '/product', '/cart/add', 2, 2, 0, 0],
  ['A', '2025-03-08 10:00:05', '/cart/add', '/logout', 3, 3, 0, 2],
  ['A', '2025-03-08 10:00:06', '/logout/', '/logout', 4, 1, 0, 0],
  ['B', '2025-03-10 23:59:59', '/', '/products', 1, 0, 0, 0],
  ['B', '2025-03-11 00:00:01', '/products', '/', 3, 2, 0, 0],
  ['B', '2025-03-11 00:00:05', '/', '/', 2, 4, 0, 0],
  ['C', '2025-03-12 08:00:00', '/delete_user', '/delete_user', 1, 0, 0, 0],
  ['D', '2025-03-09 12:00:00', '/Login', '/logout', 1, 0, 0, 0],
];

function log(subset = rows) {
  const cols = ['session_id', 'timestamp', 'current_state', 'next_state', 'page_depth', 'gap_sec', 'delta_search_count', 'delta_cart_item_count'];
  return aq.table(Object.fromEntries(cols.map((c, j) => [c, subset.map((r) => r[j])])), cols);
}

function row(table: aq.ColumnTable, session: string, k: number): Record<string, unknown> {
  const found = table.objects().find((r) => (r as Record<string, unknown>).session_id === session && (r as Record<string, unknown>).K === k);
  if (!found) throw new Error(`no row ${session} K=${k}`);
  return found as Record<string, unknown>;
}

describe('normalizeState', () => {
  it('lowercases, drops the query string and a trailing slash, keeps the root', () => {
    expect(normalizeState(' /Search?q=Shoes ')).toBe('/search');
    expect(normalizeState('/logout/')).toBe('/logout');
    expect(normalizeState('/')).toBe('/');
    expect(normalizeState('/?x=1')).toBe('/');
    expect(normalizeState(null)).toBe('');
  });
});

describe('session features', () => {
  const fitted = fitSessionFeatures(log(), OPTIONS);
  const table = fitted.fitted;

  it('has 88 feature columns with a 50-pair vocabulary, in the documented order', () => {
    const names = featureNames(50);
    expect(names).toHaveLength(88);
    expect(names.slice(0, 3)).toEqual(['n_events', 'session_duration_sec', 'events_per_min']);
    expect(names.slice(-4)).toEqual(['hit_search', 'hit_products', 'hit_cart', 'hit_checkout']);
    expect(table.columnNames()).toEqual(['session_id', 'K', 'label', ...featureNames(3)]);
  });

  it('learns the bigram vocabulary without terminal pairs, ties in order of first appearance', () => {
    expect(fitted.vocabulary).toEqual([['/search', '/product'], ['/product', '/cart/add'], ['/', '/products']]);
    const sessions = readSessions(log(), COLUMNS, true);
    expect(bigramVocabulary(sessions, 50, new Set(['/logout', '/delete_user']))).toHaveLength(4);
  });

  it('gives one row per (session, K) with a real event; labels from current or next state', () => {
    expect(table.numRows()).toBe(6); // A, B, D × K 3, 5; C has no real event
    expect(row(table, 'A', 3).label).toBe(1);
    expect(row(table, 'B', 3).label).toBe(0);
    expect(row(table, 'D', 5).label).toBe(1);
    expect(table.objects().some((r) => (r as Record<string, unknown>).session_id === 'C')).toBe(false);
  });

  it('computes every feature of session A at K = 3 by hand', () => {
    const r = row(table, 'A', 3);
    const expected: Record<string, number> = {
      n_events: 3, session_duration_sec: 5, events_per_min: 36, gap_mean: 5 / 3, gap_std: Math.sqrt(14 / 9), gap_p95: 2.9,
      page_depth_max: 3, page_depth_slope: 1, depth_backtracks: 0,
      search_delta_sum: 1, search_rate: 1 / 3,
      cart_adds: 2, cart_touch_count: 1, cart_adds_per_event: 2 / 3, search_to_cart_ratio: 2 / 3,
      first_event_hour: 10, is_weekend: 1, time_to_first_search: 0, time_to_first_cart: 5,
      last5_has_search: 1, last5_has_cart: 1, last5_has_checkout: 0,
      bg_0: 1, bg_1: 1, bg_2: 0,
      unique_states: 3, entropy_state: Math.log(3),
      start_is_root: 0, start_is_search: 1, start_is_products: 0, start_is_cart: 0, start_is_checkout: 0,
      last_is_root: 0, last_is_search: 0, last_is_products: 0, last_is_cart: 1, last_is_checkout: 0,
      hit_search: 1, hit_products: 0, hit_cart: 1, hit_checkout: 0,
    };
    for (const [name, value] of Object.entries(expected)) expect(r[name], name).toBeCloseTo(value, 10);
  });

  it('masks the terminal event: A at K = 5 equals A at K = 3', () => {
    const a3 = row(table, 'A', 3);
    const a5 = row(table, 'A', 5);
    for (const name of featureNames(3)) expect(a5[name], name).toBe(a3[name]);
  });

  it('computes every feature of session B at K = 3 by hand, and pads it at K = 5', () => {
    const r = row(table, 'B', 3);
    const p = (2 / 3) * Math.log(2 / 3) + (1 / 3) * Math.log(1 / 3);
    const expected: Record<string, number> = {
      n_events: 3, session_duration_sec: 6, events_per_min: 30, gap_mean: 2, gap_std: Math.sqrt(8 / 3), gap_p95: 3.8,
      page_depth_max: 3, page_depth_slope: 0.5, depth_backtracks: 1,
      search_delta_sum: 0, search_rate: 0, cart_adds: 0, cart_touch_count: 0, cart_adds_per_event: 0, search_to_cart_ratio: 1,
      first_event_hour: 23, is_weekend: 0, time_to_first_search: -1, time_to_first_cart: -1,
      last5_has_search: 0, last5_has_cart: 0, last5_has_checkout: 0,
      bg_0: 0, bg_1: 0, bg_2: 1,
      unique_states: 2, entropy_state: -p,
      start_is_root: 1, start_is_search: 0, start_is_products: 0, start_is_cart: 0, start_is_checkout: 0,
      last_is_root: 1, last_is_search: 0, last_is_products: 0, last_is_cart: 0, last_is_checkout: 0,
      hit_search: 0, hit_products: 1, hit_cart: 0, hit_checkout: 0,
    };
    for (const [name, value] of Object.entries(expected)) expect(r[name], name).toBeCloseTo(value, 10);
    const b5 = row(table, 'B', 5);
    for (const name of featureNames(3)) expect(b5[name], name).toBe(r[name]);
  });

  it('handles a one-event prefix (D): no duration, a 1-second floor for the rate', () => {
    const r = row(table, 'D', 3);
    expect([r.n_events, r.session_duration_sec, r.events_per_min, r.gap_std, r.page_depth_slope, r.entropy_state]).toEqual([1, 0, 60, 0, 0, 0]);
    expect([r.first_event_hour, r.is_weekend]).toEqual([12, 1]);
  });

  it('applies the fitted vocabulary unchanged to another log', () => {
    const other = fitted.apply(log(rows.filter((r) => r[0] === 'B')));
    expect(other.columnNames()).toEqual(table.columnNames());
    expect(row(other, 'B', 3).bg_2).toBe(1);
    // Refitted on B alone the vocabulary would differ: (/, /products) would be bg_0.
    expect(fitSessionFeatures(log(rows.filter((r) => r[0] === 'B')), OPTIONS).vocabulary[0]).toEqual(['/', '/products']);
  });

  it('orders events by time within a session', () => {
    const shuffled = log([rows[2], rows[0], rows[3], rows[1]]);
    const r = row(fitSessionFeatures(shuffled, OPTIONS).fitted, 'A', 3);
    expect([r.start_is_search, r.last_is_cart, r.time_to_first_cart]).toEqual([1, 1, 5]);
  });

  it('names a missing column', () => {
    expect(() => fitSessionFeatures(log().select('session_id', 'timestamp'), OPTIONS)).toThrow(/current_state/);
  });
});
