// An error a cell raises on purpose: it carries a message for the student,
// an optional hint, and where the problem is (a parameter, a file position).
// Any other exception is wrapped into one by the kernel.

export class CellError extends Error {
  readonly hint?: string;
  readonly where?: string;

  constructor(message: string, options: { hint?: string; where?: string; cause?: unknown } = {}) {
    super(message);
    this.name = 'CellError';
    this.hint = options.hint;
    this.where = options.where;
    if (options.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
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
