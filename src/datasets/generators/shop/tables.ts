// State machines and catalogue of the simulated web shop (COURSE.md §1, after
// kakaocloud-edu/tutorial's traffic_generator config.py). The top FSM and the
// Main/ViewProduct/Search rows of the anonymous sub-FSM are the course's own
// numbers; the other sub-FSM rows are reconstructed from the state list
// (documented in docs/datasets.md) so that browsing flows look plausible:
// list pages lead to product pages, carts lead to checkout, errors send the
// user home or away.

export type TopState = 'AnonNotReg' | 'AnonReg' | 'LoggedIn' | 'LoggedOut' | 'Unregistered' | 'Done';

/** Top-level transitions. The endpoint that the move itself requests is in TOP_ACTIONS. */
export const TOP_TRANSITIONS: Record<'AnonNotReg' | 'AnonReg' | 'LoggedIn' | 'LoggedOut', Partial<Record<TopState, number>>> = {
  AnonNotReg: { AnonNotReg: 0.3, AnonReg: 0.5, Done: 0.2 },
  AnonReg: { AnonReg: 0.3, LoggedIn: 0.5, Unregistered: 0.1, Done: 0.1 },
  LoggedIn: { LoggedIn: 0.7, LoggedOut: 0.1, Unregistered: 0.1, Done: 0.1 },
  LoggedOut: { Unregistered: 0.1, AnonReg: 0.1, Done: 0.8 },
};

/** Endpoint requested when the top FSM moves from one state to another. */
export function topAction(from: TopState, to: TopState): string | null {
  if (from === 'AnonNotReg' && to === 'AnonReg') return '/add_user';
  if (to === 'LoggedIn' && from !== 'LoggedIn') return '/login';
  if (to === 'LoggedOut') return '/logout';
  if (to === 'Unregistered') return '/delete_user';
  return null;
}

/**
 * The course's LoggedIn biases: a session that reached the cart or checkout
 * is more likely to log out (×2) and less likely to just leave (×0.5); one
 * that did not is the reverse; a non-empty cart adds ×1.3 to logging out.
 */
export function loggedInWeights(sawCartOrCheckout: boolean, cartItems: number): Partial<Record<TopState, number>> {
  const base = TOP_TRANSITIONS.LoggedIn;
  let logout = (base.LoggedOut ?? 0) * (sawCartOrCheckout ? 2 : 0.5);
  const done = (base.Done ?? 0) * (sawCartOrCheckout ? 0.5 : 2);
  if (cartItems >= 1) logout *= 1.3;
  return { LoggedIn: base.LoggedIn, LoggedOut: logout, Unregistered: base.Unregistered, Done: done };
}

export type SubState =
  | 'Initial' | 'Main' | 'Products' | 'ViewProduct' | 'Search' | 'Categories' | 'CategoryList'
  | 'CartAdd' | 'CartView' | 'CartRemove' | 'Checkout' | 'CheckoutHistory' | 'AddReview' | 'Error' | 'Done';

/** Endpoint path of each sub-state (Initial and Done request nothing). */
export const SUB_PATHS: Record<Exclude<SubState, 'Initial' | 'Done'>, string> = {
  Main: '/',
  Products: '/products',
  ViewProduct: '/product',
  Search: '/search',
  Categories: '/categories',
  CategoryList: '/category',
  CartAdd: '/cart/add',
  CartView: '/cart/view',
  CartRemove: '/cart/remove',
  Checkout: '/checkout',
  CheckoutHistory: '/checkout_history',
  AddReview: '/add_review',
  Error: '/error',
};

type Table = Partial<Record<SubState, Partial<Record<SubState, number>>>>;

export const ANON_SUB_TRANSITIONS: Table = {
  // Reconstructed: a visitor lands on the home page, a list, search or the categories.
  Initial: { Main: 0.4, Products: 0.2, Search: 0.2, Categories: 0.2 },
  // Course values (Main, ViewProduct, Search).
  Main: { Main: 0.1, Products: 0.2, Search: 0.2, Categories: 0.2, Error: 0.1, Done: 0.2 },
  ViewProduct: { Products: 0.2, Search: 0.2, Categories: 0.1, Error: 0.1, Done: 0.4 },
  Search: { ViewProduct: 0.3, Search: 0.2, Error: 0.1, Done: 0.4 },
  // Reconstructed.
  Products: { ViewProduct: 0.5, Search: 0.1, Error: 0.05, Done: 0.35 },
  Categories: { CategoryList: 0.6, Error: 0.05, Done: 0.35 },
  CategoryList: { ViewProduct: 0.5, Search: 0.05, Error: 0.05, Done: 0.4 },
  Error: { Main: 0.4, Done: 0.6 },
};

/**
 * Logged-in sub-FSM: 15 states counting Initial and Done (course). Rows are
 * reconstructed; the course's checkout weight ×1.2 and review weight ×1.5 are
 * applied to the Checkout and AddReview entries by `loggedSubTable`.
 */
const LOGGED_BASE: Table = {
  // Logged-in visitors mostly come to buy: many episodes go straight to a product or the cart.
  Initial: { ViewProduct: 0.3, CartView: 0.2, Search: 0.2, Main: 0.15, CheckoutHistory: 0.15 },
  Main: { Products: 0.25, Search: 0.2, Categories: 0.1, CartView: 0.15, Error: 0.05, Done: 0.25 },
  Products: { ViewProduct: 0.55, Search: 0.1, Error: 0.05, Done: 0.3 },
  ViewProduct: { CartAdd: 0.45, AddReview: 0.1, Products: 0.1, Error: 0.05, Done: 0.3 },
  Search: { ViewProduct: 0.5, Search: 0.1, Error: 0.05, Done: 0.35 },
  Categories: { CategoryList: 0.6, Error: 0.05, Done: 0.35 },
  CategoryList: { ViewProduct: 0.55, Categories: 0.05, Error: 0.05, Done: 0.35 },
  CartAdd: { CartView: 0.3, Checkout: 0.15, Products: 0.1, Done: 0.45 },
  CartView: { Checkout: 0.35, CartRemove: 0.1, Error: 0.05, Done: 0.5 },
  CartRemove: { CartView: 0.3, Error: 0.05, Done: 0.65 },
  Checkout: { CheckoutHistory: 0.2, AddReview: 0.1, Error: 0.05, Done: 0.65 },
  CheckoutHistory: { AddReview: 0.2, Error: 0.05, Done: 0.75 },
  AddReview: { Error: 0.05, Done: 0.95 },
  Error: { Main: 0.4, Done: 0.6 },
};

export const LOGGED_SUB_TRANSITIONS: Table = Object.fromEntries(
  Object.entries(LOGGED_BASE).map(([from, row]) => [
    from,
    Object.fromEntries(Object.entries(row ?? {}).map(([to, w]) => [to, (w ?? 0) * (to === 'Checkout' ? 1.2 : to === 'AddReview' ? 1.5 : 1)])),
  ]),
) as Table;

/** 24 products ('101'–'124') in 5 categories, like the course shop's setup_db.sh. */
export const CATEGORIES: Record<string, string[]> = {
  Electronics: ['101', '102', '103', '104', '105'],
  Fashion: ['106', '107', '108', '109', '110'],
  Home: ['111', '112', '113', '114', '115'],
  Books: ['116', '117', '118', '119'],
  Sports: ['120', '121', '122', '123', '124'],
};

export const SEARCH_KEYWORDS = ['laptop', 'phone', 'headphones', 'shirt', 'sneakers', 'dress', 'lamp', 'sofa', 'novel', 'cookbook', 'yoga mat', 'bicycle', 'camera', 'jacket', 'mug'];

export const ALL_STATES = [
  '/', '/products', '/product', '/search', '/categories', '/category', '/cart/add', '/cart/view', '/cart/remove',
  '/checkout', '/checkout_history', '/add_review', '/error', '/add_user', '/login', '/logout', '/delete_user',
] as const;

export const TERMINAL_STATES: ReadonlySet<string> = new Set(['/logout', '/delete_user']);
