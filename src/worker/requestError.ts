// A request the kernel could not answer, on both sides of the channel. A
// catalogued error (CellError with a code: a backend that cannot start or
// switch, …) crosses with its code, parameters and hint, so the page can say
// it in the UI language (src/ui/i18n-errors.ts); anything else crosses as
// one line of English text.
import { CellError, describeThrown } from '../core/errors.ts';
import type { FailedResponse } from './protocol.ts';

type Failure = Omit<FailedResponse, 'kind' | 'id' | 'ok'>;

/** What the worker sends for a request that threw. */
export function failureOf(error: unknown): Failure {
  if (error instanceof CellError && error.code) {
    return { error: error.message, code: error.code, params: { ...error.params }, ...(error.hint ? { hint: error.hint } : {}) };
  }
  return { error: describeThrown(error) };
}

/** The error a failed request rejects with on the page: the English message, and the code and parameters when catalogued. */
export class KernelRequestError extends Error {
  readonly code?: string;
  readonly params?: Record<string, string | number>;
  readonly hint?: string;

  constructor(failure: Failure) {
    super(failure.error);
    this.name = 'KernelRequestError';
    if (failure.code) {
      this.code = failure.code;
      this.params = failure.params ?? {};
    }
    if (failure.hint) this.hint = failure.hint;
  }
}
