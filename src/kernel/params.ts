// Validate a cell's params against its kind's schema, turning zod's issues
// into one message that names the parameter ("params.epochs: must be ≥ 1").
import type { CellKindDef } from '../core/cell.ts';
import { CellError } from '../core/errors.ts';
import type { ErrorOutput } from '../core/outputs.ts';
import type { MessageParams } from '../core/messages.ts';
import { issueCode, type IssueCode } from './issues.ts';

export type ParamsResult = { ok: true; params: unknown } | { ok: false; error: ErrorOutput; issues: ParamIssue[] };

export interface ParamIssue {
  path: string;
  /** zod's English message (or the schema's own, for a refinement). */
  message: string;
  /** The issue as a code and parameters, for the UI language (src/kernel/issues.ts); absent for a custom message. */
  code?: IssueCode;
  params?: MessageParams;
}

export function validateParams(def: CellKindDef, params: unknown): ParamsResult {
  const result = def.schema.safeParse(params ?? {});
  if (result.success) return { ok: true, params: result.data };
  const issues: ParamIssue[] = result.error.issues.map((issue) => ({
    path: ['params', ...issue.path.map(String)].join('.'),
    message: issue.message,
    ...issueCode(issue),
  }));
  const first = issues[0];
  // The first issue's own code and parameters ride along (issue, issue_*), so the UI can say the detail in its language too.
  const detail: MessageParams = { detail: first.message, ...(first.code ? { issue: first.code, ...prefixed(first.params ?? {}) } : {}) };
  const error = issues.length > 1
    ? CellError.coded('params.invalidMore', { path: first.path, ...detail, more: issues.length - 1 }, { where: first.path })
    : CellError.coded('params.invalid', { path: first.path, ...detail }, { where: first.path });
  return { ok: false, issues, error: { type: 'error', message: error.message, where: first.path, hint: error.hint, code: error.code, params: error.params } };
}

function prefixed(params: MessageParams): MessageParams {
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [`issue_${k}`, v]));
}
