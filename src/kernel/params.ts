// Validate a cell's params against its kind's schema, turning zod's issues
// into one message that names the parameter ("params.epochs: must be ≥ 1").
import type { CellKindDef } from '../core/cell.ts';
import { CellError } from '../core/errors.ts';
import type { ErrorOutput } from '../core/outputs.ts';

export type ParamsResult = { ok: true; params: unknown } | { ok: false; error: ErrorOutput; issues: ParamIssue[] };

export interface ParamIssue {
  path: string;
  message: string;
}

export function validateParams(def: CellKindDef, params: unknown): ParamsResult {
  const result = def.schema.safeParse(params ?? {});
  if (result.success) return { ok: true, params: result.data };
  const issues: ParamIssue[] = result.error.issues.map((issue) => ({
    path: ['params', ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  const first = issues[0];
  const error = issues.length > 1
    ? CellError.coded('params.invalidMore', { path: first.path, detail: first.message, more: issues.length - 1 }, { where: first.path })
    : CellError.coded('params.invalid', { path: first.path, detail: first.message }, { where: first.path });
  return { ok: false, issues, error: { type: 'error', message: error.message, where: first.path, hint: error.hint, code: error.code, params: error.params } };
}
