// Session-drop features (COURSE.md §2 steps 3–6, the course's sessionDrop
// notebook): per session a label (1 = complete, 0 = drop), and for each
// prefix length K the 88 features of the session's first K events.
//
// Definitions (the course's agg_features, with the choices it leaves open):
//
// Events of a session are ordered by time (ties keep the table's order).
// label = 1 when any event's current_state or next_state (normalised) is a
//   terminal state (/logout, /delete_user), else 0.
// prefix-K = the first K events. An event whose current_state is terminal is
//   blanked (masked): it becomes a pad slot, like the slots that pad a
//   session shorter than K up to K. Pad slots carry nothing: every feature
//   below is computed on the real (unmasked) events of the prefix only, so
//   the terminal state never reaches a feature. (A terminal event always
//   ends its session, so masked slots are trailing.) A prefix with no real
//   event (a session that opens with /delete_user) has nothing to predict
//   from and gives no row.
//
// With n real events, states s, times t (seconds), gaps g, depths d,
// search deltas ds and cart deltas dc:
//   n_events              n
//   session_duration_sec  t[n-1] − t[0] (0 for one event)
//   events_per_min        60·n / max(duration, 1): the course divides by
//                         max(duration/60, 1e-9), which gives 10⁹-scale values
//                         for one-event prefixes; the 1-second floor matches
//                         the log's 1-second timestamps.
//   gap_mean/std/p95      mean, population std (numpy std) and 95th
//                         percentile (numpy linear) of g; g is the gap_sec
//                         column (0 on a session's first event), missing → 0,
//                         clipped at 0
//   page_depth_max        max d
//   page_depth_slope      (d[n-1] − d[0]) / max(n − 1, 1)
//   depth_backtracks      how often d falls from one event to the next
//   search_delta_sum      Σ ds                 search_rate   Σ ds / n
//   cart_adds             Σ max(dc, 0)         cart_touch_count  #(dc > 0)
//   cart_adds_per_event   cart_adds / n
//   search_to_cart_ratio  (search_delta_sum + 1) / (cart_adds + 1)
//   first_event_hour      UTC hour of t[0]     is_weekend    t[0] is Sat/Sun (UTC)
//   time_to_first_search  seconds from t[0] to the first state containing
//                         "/search" (−1 if none); time_to_first_cart likewise
//                         with "/cart"
//   last5_has_search/cart/checkout
//                         the last 5 real states contain "search" / "cart" /
//                         "checkout"
//   bg_0 … bg_{B−1}       how often the b-th vocabulary bigram (a pair of
//                         consecutive states) occurs in s
//   unique_states         distinct states in s
//   entropy_state         −Σ p ln p over the state shares of s
//   start_is_* / last_is_*  s[0] / s[n−1]: root ("/"), search, products, cart,
//                         checkout (contains "/search", "/products", "/cart",
//                         "/checkout")
//   hit_search/products/cart/checkout
//                         any state contains "/search" / "/products" /
//                         "/cart" / "/checkout"
// Substring tests are the course's: "/checkout" also matches
// /checkout_history, "/cart" matches /cart/add, /cart/view, /cart/remove.
//
// Bigram vocabulary: the B (50) most frequent pairs of consecutive
// current_states over the *whole* sessions of the table it is fitted on (the
// training sessions), pairs with a terminal state left out; ties keep the
// order in which pairs were first seen (Python's Counter.most_common).
import { parseDate } from '../infer.ts';
import { normalizeState } from './states.ts';

/** One event as the features read it. */
export interface SessionEvent {
  state: string;
  nextState: string;
  /** Milliseconds since the epoch, or null when the time is missing. */
  time: number | null;
  depth: number | null;
  gap: number | null;
  deltaSearch: number | null;
  deltaCart: number | null;
}

export interface Session {
  id: string;
  /** Events in time order. */
  events: SessionEvent[];
}

export type Bigram = readonly [string, string];

const STATE_FLAGS = ['root', 'search', 'products', 'cart', 'checkout'] as const;
const HITS = ['search', 'products', 'cart', 'checkout'] as const;

/** The feature columns in output order, for a vocabulary of `bigrams` pairs (88 with 50). */
export function featureNames(bigrams: number): string[] {
  return [
    'n_events', 'session_duration_sec', 'events_per_min', 'gap_mean', 'gap_std', 'gap_p95',
    'page_depth_max', 'page_depth_slope', 'depth_backtracks',
    'search_delta_sum', 'search_rate',
    'cart_adds', 'cart_touch_count', 'cart_adds_per_event', 'search_to_cart_ratio',
    'first_event_hour', 'is_weekend', 'time_to_first_search', 'time_to_first_cart',
    'last5_has_search', 'last5_has_cart', 'last5_has_checkout',
    ...Array.from({ length: bigrams }, (_, i) => `bg_${i}`),
    'unique_states', 'entropy_state',
    ...STATE_FLAGS.map((f) => `start_is_${f}`),
    ...STATE_FLAGS.map((f) => `last_is_${f}`),
    ...HITS.map((h) => `hit_${h}`),
  ];
}

/** A time value of the log (Date, "yyyy-mm-dd HH:MM:SS" read as UTC, ISO text, epoch ms) in ms. */
export function timeMs(v: unknown): number | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.getTime();
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') {
    const d = parseDate(v.trim());
    if (d) return d.getTime();
    const t = Date.parse(v);
    return Number.isNaN(t) ? null : t;
  }
  return null;
}

export function numberOrNull(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string' && v.trim() !== '') {
    const x = Number(v);
    return Number.isFinite(x) ? x : null;
  }
  return null;
}

/** Is a session complete? Any event's current or next state is terminal. */
export function sessionLabel(session: Session, terminals: ReadonlySet<string>): 0 | 1 {
  return session.events.some((e) => terminals.has(e.state) || terminals.has(e.nextState)) ? 1 : 0;
}

/** The real events of the prefix-K: the first K events with terminal-state events blanked out. */
export function prefixEvents(session: Session, k: number, terminals: ReadonlySet<string>): SessionEvent[] {
  return session.events.slice(0, k).filter((e) => !terminals.has(e.state));
}

/**
 * The bigram vocabulary: the `top` most frequent consecutive state pairs over
 * whole sessions, pairs touching a terminal state left out, ties in order of
 * first appearance.
 */
export function bigramVocabulary(sessions: readonly Session[], top: number, terminals: ReadonlySet<string>): Bigram[] {
  const counts = new Map<string, { pair: Bigram; count: number; first: number }>();
  let seen = 0;
  for (const s of sessions) {
    for (let i = 1; i < s.events.length; i++) {
      const a = s.events[i - 1].state;
      const b = s.events[i].state;
      if (terminals.has(a) || terminals.has(b)) continue;
      const key = `${a}\u0000${b}`;
      const entry = counts.get(key);
      if (entry) entry.count++;
      else counts.set(key, { pair: [a, b], count: 1, first: seen++ });
    }
  }
  return [...counts.values()]
    .sort((x, y) => y.count - x.count || x.first - y.first)
    .slice(0, top)
    .map((e) => e.pair);
}

function mean(xs: readonly number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

/** numpy.quantile with linear interpolation. */
function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}

function flags(state: string): number[] {
  return [state === '/' ? 1 : 0, ...STATE_FLAGS.slice(1).map((f) => (state.includes(`/${f}`) ? 1 : 0))];
}

/**
 * The features of one prefix's real events (see the definitions above), in
 * featureNames() order; undefined when there is no real event.
 */
export function prefixFeatures(events: readonly SessionEvent[], vocabulary: readonly Bigram[]): number[] | undefined {
  const n = events.length;
  if (n === 0) return undefined;
  const states = events.map((e) => e.state);
  const t0 = events[0].time;
  const tn = events[n - 1].time;
  const duration = n > 1 && t0 !== null && tn !== null ? (tn - t0) / 1000 : 0;
  const gaps = events.map((e) => Math.max(0, e.gap ?? 0));
  const gapMean = mean(gaps);
  const gapStd = Math.sqrt(mean(gaps.map((g) => (g - gapMean) ** 2)));
  const depths = events.map((e) => e.depth ?? 0);
  let backtracks = 0;
  for (let i = 1; i < n; i++) if (depths[i] - depths[i - 1] < 0) backtracks++;
  const searchSum = events.reduce((a, e) => a + (e.deltaSearch ?? 0), 0);
  const cartDeltas = events.map((e) => Math.max(0, e.deltaCart ?? 0));
  const cartAdds = cartDeltas.reduce((a, b) => a + b, 0);
  const cartTouches = cartDeltas.filter((d) => d > 0).length;
  const first = t0 === null ? null : new Date(t0);
  const timeTo = (needle: string): number => {
    const i = states.findIndex((s) => s.includes(needle));
    const ti = i < 0 ? null : events[i].time;
    return i < 0 || ti === null || t0 === null ? -1 : (ti - t0) / 1000;
  };
  const last5 = states.slice(-5).join(' ');
  const pairCounts = new Map<string, number>();
  for (let i = 1; i < n; i++) {
    const key = `${states[i - 1]}\u0000${states[i]}`;
    pairCounts.set(key, (pairCounts.get(key) ?? 0) + 1);
  }
  const shares = new Map<string, number>();
  for (const s of states) shares.set(s, (shares.get(s) ?? 0) + 1);
  let entropy = 0;
  for (const c of shares.values()) {
    const p = c / n;
    entropy -= p * Math.log(p);
  }
  const all = states.join(' ');
  const day = first?.getUTCDay();
  return [
    n, duration, (60 * n) / Math.max(duration, 1), gapMean, gapStd, quantile(gaps, 0.95),
    Math.max(...depths), (depths[n - 1] - depths[0]) / Math.max(n - 1, 1), backtracks,
    searchSum, searchSum / n,
    cartAdds, cartTouches, cartAdds / n, (searchSum + 1) / (cartAdds + 1),
    first ? first.getUTCHours() : -1, day === 0 || day === 6 ? 1 : 0, timeTo('/search'), timeTo('/cart'),
    last5.includes('search') ? 1 : 0, last5.includes('cart') ? 1 : 0, last5.includes('checkout') ? 1 : 0,
    ...vocabulary.map(([a, b]) => pairCounts.get(`${a}\u0000${b}`) ?? 0),
    shares.size, entropy === 0 ? 0 : entropy,
    ...flags(states[0]),
    ...flags(states[n - 1]),
    ...HITS.map((h) => (all.includes(`/${h}`) ? 1 : 0)),
  ];
}

/** Normalised state of a raw value (or the raw text when normalisation is off). */
export function stateOf(v: unknown, normalize: boolean): string {
  if (normalize) return normalizeState(v);
  return v === null || v === undefined ? '' : String(v);
}
