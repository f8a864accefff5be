// An error a cell raises on purpose: it carries a message for the student,
// an optional hint, and where the problem is (a parameter, a file position).
// Any other exception is wrapped into one by the kernel. Common errors come
// from the message catalogue (messages.ts) with a code and parameters, so the
// UI can show them in the student's language.
import { engineMessage, type MessageCode, type MessageParams } from './messages.ts';

export class CellError extends Error {
  readonly hint?: string;
  readonly where?: string;
  /** The catalogue entry this message was made from, and its parameters. */
  readonly code?: MessageCode;
  readonly params?: MessageParams;

  constructor(message: string, options: { hint?: string; where?: string; cause?: unknown; code?: MessageCode; params?: MessageParams } = {}) {
    super(message);
    this.name = 'CellError';
    this.hint = options.hint;
    this.where = options.where;
    if (options.code) {
      this.code = options.code;
      this.params = options.params ?? {};
    }
    if (options.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }

  /** An error from the catalogue: English text rendered here, the code and parameters kept for translation. */
  static coded(code: MessageCode, params: MessageParams = {}, options: { where?: string; cause?: unknown } = {}): CellError {
    const { message, hint } = engineMessage(code, params);
    return new CellError(message, { hint, ...options, code, params });
  }
}

/** Raised when a run is stopped through its AbortSignal. */
export class CancelledError extends Error {
  constructor(message = 'Stopped by user.') {
    super(message);
    this.name = 'CancelledError';
  }
}

export function isCancelled(error: unknown): boolean {
  try {
    return error instanceof CancelledError || (error instanceof Error && error.name === 'AbortError');
  } catch {
    return false; // a Proxy whose traps throw is no cancellation
  }
}

/** Throws CancelledError if the signal has fired; call it between batches and rows. */
export function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}

/**
 * A thrown value as one line of text, whatever it is: code may throw a
 * number, a string, an object without a prototype (String() of which
 * throws), a Proxy whose traps throw, an Error whose message getter throws.
 * Never throws itself.
 */
export function describeThrown(value: unknown, maxChars = 500): string {
  const cut = (s: string) => (s.length > maxChars ? `${s.slice(0, maxChars - 1)}…` : s);
  try {
    if (value instanceof Error) {
      const message = typeof value.message === 'string' ? value.message : '';
      const name = typeof value.name === 'string' ? value.name : 'Error';
      return cut(`${name === 'Error' ? '' : `${name}: `}${message}`);
    }
    if (typeof value === 'string') return cut(value);
    if (value === null || typeof value !== 'object') return cut(`${typeof value === 'symbol' ? value.description ?? 'Symbol()' : String(value)} (a thrown ${value === null ? 'null' : typeof value}, not an Error)`);
    let text: string | undefined;
    try {
      text = JSON.stringify(value);
    } catch {
      text = undefined;
    }
    if (text === undefined || text === '{}') text = Object.getPrototypeOf(value) === null ? 'an object with no prototype' : Object.prototype.toString.call(value);
    return cut(`${text} (a thrown object, not an Error)`);
  } catch {
    return 'A value was thrown that cannot be shown as text (not an Error).';
  }
}
