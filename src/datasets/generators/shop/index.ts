// The web-shop refined log as CSV text.
import { toCsv } from '../csv.ts';
import { SHOP_COLUMNS, generateShopSessions, type ShopOptions } from './sessions.ts';

/** ~2,100 users give ~2,200 sessions and ~23k rows, the size of the course's joined table (23,974). */
export const SHOP_USERS = 2100;

export function generateShopCsv(options: Partial<ShopOptions> & { seed: number }): string {
  return toCsv(SHOP_COLUMNS, generateShopSessions({ users: SHOP_USERS, ...options }));
}
