// Simulates web-shop visitors through the course's state machines and
// returns the refined-log table (COURSE.md §1 columns, in that order),
// sorted by session_id, timestamp, event_id like data_check.ipynb.
import { makeRng, type Rng } from '../rng.ts';
import { hex256 } from '../hash.ts';
import { round, type Cell } from '../csv.ts';
import {
  ANON_SUB_TRANSITIONS, CATEGORIES, LOGGED_SUB_TRANSITIONS, SEARCH_KEYWORDS, SUB_PATHS, TOP_TRANSITIONS,
  loggedInWeights, topAction, type SubState, type TopState,
} from './tables.ts';

export const SHOP_COLUMNS = [
  'session_id', 'event_id', 'user_id', 'gender', 'age', 'current_state', 'search_count', 'cart_item_count', 'page_depth',
  'last_action_elapsed', 'next_state', 'timestamp', 'avg_response_time', 'session_duration', 'category_name', 'search_keyword', 'product_id',
] as const;

export interface ShopOptions {
  seed: number;
  /** Simulated users; each produces one or more sessions. */
  users: number;
  /** First day of traffic (UTC, 'yyyy-MM-dd'); users start uniformly over `days` days. */
  startDate?: string;
  days?: number;
  /** The course caps a user at 30 top-level transitions. */
  maxTopTransitions?: number;
  /**
   * Share of users who already have an account and start in AnonReg rather
   * than AnonNotReg (the course starts everyone unregistered; returning
   * customers shorten sessions towards the course's ~2–10 events and balance
   * the complete/drop labels). Default 0.5.
   */
  returningShare?: number;
}

interface User { id: string; gender: 'F' | 'M'; age: number }

interface Event {
  path: string;
  /** Seconds since the simulation epoch, sub-second precision. */
  time: number;
  responseTime: number;
  user: User | null;
  category: string | null;
  keyword: string | null;
  product: string | null;
}

const PRODUCT_CATEGORY = new Map(Object.entries(CATEGORIES).flatMap(([cat, ids]) => ids.map((id) => [id, cat] as const)));
const CATEGORY_NAMES = Object.keys(CATEGORIES);
const ALL_PRODUCTS = [...PRODUCT_CATEGORY.keys()];
// Relative traffic by hour of day (UTC): quiet nights, a lunchtime bump and an evening peak.
const HOUR_WEIGHTS = [2, 1, 1, 1, 1, 2, 3, 5, 6, 7, 8, 9, 10, 9, 8, 8, 8, 9, 11, 13, 14, 12, 8, 4];

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function formatTimestamp(epochSeconds: number): string {
  const d = new Date(Math.floor(epochSeconds) * 1000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** One visitor's life: top FSM moves, each state running a sub-FSM episode; sessions are cut at /logout. */
class Visitor {
  private sessions: Event[][] = [];
  private current: Event[] = [];
  private time: number;
  private loggedIn = false;
  private cartItems = 0;
  private context: { category: string | null } = { category: null };

  constructor(private rng: Rng, private user: User, start: number) {
    this.time = start;
  }

  /** The course's request gap: sleeps of U(.5,1) + U(.1,1) s plus the server's response. */
  private emit(path: string, detail: Partial<Pick<Event, 'category' | 'keyword' | 'product'>> = {}, identified = this.loggedIn): void {
    const responseTime = Math.exp(Math.log(path === '/error' ? 0.3 : 0.12) + 0.45 * this.rng.normal());
    if (this.current.length > 0 || this.sessions.length > 0) {
      const previous = this.time;
      this.time += this.rng.uniform(0.5, 1) + this.rng.uniform(0.1, 1) + responseTime;
      // Timestamps have 1-second resolution and rows are later sorted by
      // timestamp then event_id, so two events of a session in the same second
      // could swap; keep each event in a later second than the one before.
      if (this.current.length > 0 && Math.floor(this.time) <= Math.floor(previous)) this.time = Math.floor(previous) + 1 + this.rng.uniform(0, 0.3);
    }
    this.current.push({
      path, time: this.time, responseTime, user: identified ? this.user : null,
      category: detail.category ?? null, keyword: detail.keyword ?? null, product: detail.product ?? null,
    });
  }

  private endSession(): void {
    if (this.current.length > 0) this.sessions.push(this.current);
    this.current = [];
    this.cartItems = 0;
    // A new cookie means a new visit a little later.
    this.time += this.rng.uniform(2, 30);
  }

  private productIn(category: string | null): string {
    return category ? this.rng.pick(CATEGORIES[category]) : this.rng.pick(ALL_PRODUCTS);
  }

  /** Request one sub-state's endpoint with the details its page carries. */
  private visit(state: Exclude<SubState, 'Initial' | 'Done'>): void {
    const path = SUB_PATHS[state];
    switch (state) {
      case 'Search':
        this.context.category = null;
        this.emit(path, { keyword: this.rng.pick(SEARCH_KEYWORDS) });
        return;
      case 'CategoryList': {
        const category = this.rng.pick(CATEGORY_NAMES);
        this.context.category = category;
        this.emit(path, { category });
        return;
      }
      case 'ViewProduct':
      case 'AddReview':
      case 'CartRemove': {
        const product = this.productIn(this.context.category);
        this.emit(path, { product, category: PRODUCT_CATEGORY.get(product) ?? null });
        if (state === 'CartRemove') this.cartItems = Math.max(0, this.cartItems - 1);
        return;
      }
      case 'CartAdd': {
        const product = this.productIn(this.context.category);
        this.emit(path, { product, category: PRODUCT_CATEGORY.get(product) ?? null });
        this.cartItems += this.rng.int(1, 5);
        return;
      }
      case 'Checkout':
        this.emit(path);
        this.cartItems = 0;
        return;
      default:
        this.context.category = null;
        this.emit(path);
    }
  }

  /** Run one sub-FSM episode from Initial to Done; reports whether cart or checkout pages were seen. */
  private episode(logged: boolean): boolean {
    const table = logged ? LOGGED_SUB_TRANSITIONS : ANON_SUB_TRANSITIONS;
    let state: SubState = 'Initial';
    let sawCart = false;
    this.context.category = null;
    // A hard cap keeps a pathological table from looping; real episodes end far sooner.
    for (let steps = 0; steps < 40; steps++) {
      const row = table[state];
      if (!row) break;
      state = this.rng.weighted(row as Record<string, number>) as SubState;
      if (state === 'Done' || state === 'Initial') break;
      if (state === 'CartAdd' || state === 'CartView' || state === 'CartRemove' || state === 'Checkout') sawCart = true;
      this.visit(state);
    }
    return sawCart;
  }

  run(maxTop: number, returning: boolean): Event[][] {
    let top: TopState = returning ? 'AnonReg' : 'AnonNotReg';
    for (let step = 0; step < maxTop; step++) {
      let weights: Partial<Record<TopState, number>>;
      if (top === 'LoggedIn') {
        const sawCart = this.episode(true);
        weights = loggedInWeights(sawCart, this.cartItems);
      } else if (top === 'AnonNotReg' || top === 'AnonReg') {
        this.episode(false);
        weights = TOP_TRANSITIONS[top];
      } else if (top === 'LoggedOut') {
        weights = TOP_TRANSITIONS.LoggedOut;
      } else break;
      const next = this.rng.weighted(weights as Record<TopState, number>);
      const action = topAction(top, next);
      if (action === '/login') {
        this.loggedIn = true;
        this.emit(action);
      } else if (action === '/logout') {
        this.emit(action);
        this.loggedIn = false;
        this.endSession();
      } else if (action === '/delete_user') {
        // Deleting an account identifies the user even outside a login.
        this.emit(action, {}, true);
        this.loggedIn = false;
      } else if (action) this.emit(action);
      top = next;
      if (top === 'Done' || top === 'Unregistered') break;
    }
    this.endSession();
    return this.sessions;
  }
}

function userId(rng: Rng): string {
  let id = '';
  for (let i = 0; i < 6; i++) id += Math.floor(rng.next() * 36).toString(36);
  return `user_${id}`;
}

/** Refined-log rows, columns as SHOP_COLUMNS. */
export function generateShopSessions(options: ShopOptions): Cell[][] {
  const rng = makeRng(options.seed);
  const start = Date.parse(`${options.startDate ?? '2025-03-03'}T00:00:00Z`) / 1000;
  const days = options.days ?? 14;
  const rows: { key: [string, string, string]; cells: Cell[] }[] = [];
  for (let u = 0; u < options.users; u++) {
    // Gender alternates F/M and age ~ U(18, 70), as in the course generator.
    const user: User = { id: userId(rng), gender: u % 2 === 0 ? 'F' : 'M', age: rng.int(18, 70) };
    const at = start + rng.int(0, days - 1) * 86400 + rng.index(HOUR_WEIGHTS) * 3600 + rng.uniform(0, 3600);
    const returning = rng.next() < (options.returningShare ?? 0.5);
    for (const events of new Visitor(rng, user, at).run(options.maxTopTransitions ?? 30, returning)) {
      const sessionId = rng.uuid4();
      const meanResponse = round(events.reduce((s, e) => s + e.responseTime, 0) / events.length, 3);
      let searches = 0;
      let carts = 0;
      events.forEach((e, i) => {
        if (e.path.startsWith('/search')) searches++;
        if (e.path === '/cart/add') carts++;
        const timestamp = formatTimestamp(e.time);
        const elapsed = i === 0 ? 0 : round(e.time - events[i - 1].time, 1);
        const duration = round(e.time - events[0].time, 1);
        const next = i + 1 < events.length ? events[i + 1].path : e.path;
        // A digest of the row's identifying fields: stable for a seed, unique per event.
        const eventId = hex256(`${sessionId}|${i + 1}|${timestamp}|${e.path}|${e.product ?? ''}`);
        rows.push({
          key: [sessionId, timestamp, eventId],
          cells: [
            sessionId, eventId, e.user?.id ?? null, e.user?.gender ?? null, e.user?.age ?? null, e.path, searches, carts, i + 1,
            elapsed, next, timestamp, meanResponse, duration, e.category, e.keyword, e.product,
          ],
        });
      });
    }
  }
  rows.sort((a, b) => cmp(a.key[0], b.key[0]) || cmp(a.key[1], b.key[1]) || cmp(a.key[2], b.key[2]));
  return rows.map((r) => r.cells);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
