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
  return error instanceof CancelledError || (error instanceof Error && error.name === 'AbortError');
}

/** Throws CancelledError if the signal has fired; call it between batches and rows. */
export function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}
