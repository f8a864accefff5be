// Web-shop session generator: determinism, the refined-log schema and the
// course's session patterns (COURSE.md §1).
import { describe, expect, it } from 'vitest';
import { SHOP_COLUMNS, generateShopSessions } from '../../src/datasets/generators/shop/sessions.ts';
import { generateShopCsv } from '../../src/datasets/generators/shop/index.ts';
import { ALL_STATES, CATEGORIES, TERMINAL_STATES } from '../../src/datasets/generators/shop/tables.ts';
import type { Cell } from '../../src/datasets/generators/csv.ts';

const col = (name: (typeof SHOP_COLUMNS)[number]) => SHOP_COLUMNS.indexOf(name);
// 600 users (~650 sessions, ~6k rows) is enough for stable shares and fast.
const rows = generateShopSessions({ seed: 7, users: 600 });
const sessions = new Map<string, Cell[][]>();
for (const r of rows) {
  const id = r[col('session_id')] as string;
  if (!sessions.has(id)) sessions.set(id, []);
  sessions.get(id)!.push(r);
}

describe('shop sessions: determinism', () => {
  it('gives identical text for the same seed and different text for another', () => {
    const a = generateShopCsv({ seed: 3, users: 50 });
    expect(generateShopCsv({ seed: 3, users: 50 })).toBe(a);
    expect(generateShopCsv({ seed: 4, users: 50 })).not.toBe(a);
  });
});

describe('shop sessions: schema', () => {
  it('has the refined-log columns in order', () => {
    expect(generateShopCsv({ seed: 1, users: 2 }).split('\n')[0]).toBe(SHOP_COLUMNS.join(','));
    for (const r of rows) expect(r).toHaveLength(SHOP_COLUMNS.length);
  });

  it('uses UUID4 sessions, 64-hex event ids and the listed states', () => {
    const states = new Set<string>(ALL_STATES);
    const eventIds = new Set<string>();
    for (const r of rows) {
      expect(r[col('session_id')]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(r[col('event_id')]).toMatch(/^[0-9a-f]{64}$/);
      eventIds.add(r[col('event_id')] as string);
      expect(states.has(r[col('current_state')] as string)).toBe(true);
      expect(states.has(r[col('next_state')] as string)).toBe(true);
      expect(r[col('timestamp')]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    }
    expect(eventIds.size).toBe(rows.length);
  });

  it('keeps user fields null or complete, products in 101–124 with their category', () => {
    const categoryOf = new Map(Object.entries(CATEGORIES).flatMap(([c, ids]) => ids.map((id) => [id, c])));
    for (const r of rows) {
      const user = r[col('user_id')];
      if (user === null) expect([r[col('gender')], r[col('age')]]).toEqual([null, null]);
      else {
        expect(user).toMatch(/^user_[0-9a-z]{6}$/);
        expect(['F', 'M']).toContain(r[col('gender')]);
        expect(r[col('age')]).toBeGreaterThanOrEqual(18);
        expect(r[col('age')]).toBeLessThanOrEqual(70);
      }
      const product = r[col('product_id')];
      if (product !== null) {
        expect(Number(product)).toBeGreaterThanOrEqual(101);
        expect(Number(product)).toBeLessThanOrEqual(124);
        expect(r[col('category_name')]).toBe(categoryOf.get(product as string));
      }
      if (r[col('current_state')] === '/search') expect(r[col('search_keyword')]).not.toBeNull();
    }
  });
});

describe('shop sessions: patterns', () => {
  it('is sorted by session_id, timestamp, event_id', () => {
    for (let i = 1; i < rows.length; i++) {
      const a = [rows[i - 1][col('session_id')], rows[i - 1][col('timestamp')], rows[i - 1][col('event_id')]].join('|');
      const b = [rows[i][col('session_id')], rows[i][col('timestamp')], rows[i][col('event_id')]].join('|');
      expect(a < b).toBe(true);
    }
  });

  it('has running counters, 1-based depth, chained next_state and a repeated last state', () => {
    for (const events of sessions.values()) {
      let searches = 0;
      let carts = 0;
      events.forEach((r, i) => {
        const state = r[col('current_state')] as string;
        if (state.startsWith('/search')) searches++;
        if (state === '/cart/add') carts++;
        expect(r[col('search_count')]).toBe(searches);
        expect(r[col('cart_item_count')]).toBe(carts);
        expect(r[col('page_depth')]).toBe(i + 1);
        const next = i + 1 < events.length ? events[i + 1][col('current_state')] : state;
        expect(r[col('next_state')]).toBe(next);
        if (i === 0) {
          expect(r[col('last_action_elapsed')]).toBe(0);
          expect(r[col('session_duration')]).toBe(0);
        } else {
          // The course's sleeps give ~1–2 s gaps; every event is in a later second than the one before.
          expect(r[col('last_action_elapsed')]).toBeGreaterThanOrEqual(0.6);
          expect(r[col('last_action_elapsed')]).toBeLessThan(5);
          expect(r[col('timestamp')] as string > (events[i - 1][col('timestamp')] as string)).toBe(true);
        }
      });
      // Logout clears the session cookie: nothing follows /logout in a session.
      const logout = events.findIndex((r) => r[col('current_state')] === '/logout');
      if (logout >= 0) expect(logout).toBe(events.length - 1);
    }
  });

  it('balances complete (logout/delete) and dropped sessions', () => {
    const complete = [...sessions.values()].filter((ev) => ev.some((r) => TERMINAL_STATES.has(r[col('current_state')] as string))).length;
    // The course's K=7 sample is 5/5; the generator aims at ~50%. 40–60% leaves room for seed noise at ~650 sessions.
    expect(complete / sessions.size).toBeGreaterThan(0.4);
    expect(complete / sessions.size).toBeLessThan(0.6);
  });

  it('produces short sessions with enough length for K = 3, 5, 7 prefixes', () => {
    const lengths = [...sessions.values()].map((e) => e.length).sort((a, b) => a - b);
    const median = lengths[lengths.length >> 1];
    // Course: sessions of ~2–10 events.
    expect(median).toBeGreaterThanOrEqual(4);
    expect(median).toBeLessThanOrEqual(12);
    expect(lengths.filter((l) => l >= 7).length / lengths.length).toBeGreaterThan(0.3);
    // Every listed state occurs, so the next-state vocabulary is complete.
    expect(new Set(rows.map((r) => r[col('current_state')])).size).toBe(ALL_STATES.length);
  });
});
