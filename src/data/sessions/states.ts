// State (endpoint path) handling for session logs, as the course's
// sessionDrop notebook does it: norm_state lowercases, trims, drops the
// query string and a trailing "/" (but keeps the root "/").

/** The course's norm_state: "" for a missing state. */
export function normalizeState(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && Number.isNaN(value)) return '';
  let s = String(value).trim().toLowerCase();
  const q = s.indexOf('?');
  if (q >= 0) s = s.slice(0, q);
  if (s.length > 1 && s.endsWith('/')) s = s.slice(0, -1);
  return s;
}

/** The course's terminal states: reaching one means the session was completed. */
export const DEFAULT_TERMINALS: readonly string[] = ['/logout', '/delete_user'];
