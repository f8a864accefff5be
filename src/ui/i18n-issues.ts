// A parameter's problem (a zod issue with a code, src/kernel/issues.ts) in the
// UI language: forms and the params error show it in Korean when the UI is
// Korean; English keeps zod's own words, and a schema's custom message (no
// code) shows as it is.
import type { IssueCode } from '../kernel/issues.ts';
import type { MessageParams } from '../core/messages.ts';
import { format, getLang, koExtras } from './i18n.ts';

/** An issue's text in the UI language. */
export function issueText(issue: { message: string; code?: string; params?: MessageParams }): string {
  const table = getLang() === 'ko' ? koExtras()?.issues : undefined;
  if (!table || !issue.code || !Object.hasOwn(table, issue.code)) return issue.message;
  return format(table[issue.code as IssueCode], issue.params ?? {});
}

/** A params error's detail in Korean, from the first issue's code and parameters that ride on the error (issue, issue_*). */
export function issueDetail(params: MessageParams): string | undefined {
  const code = params.issue;
  const table = koExtras()?.issues;
  if (!table || typeof code !== 'string' || !Object.hasOwn(table, code)) return undefined;
  const own = Object.fromEntries(Object.entries(params).filter(([k]) => k.startsWith('issue_')).map(([k, v]) => [k.slice('issue_'.length), v]));
  return format(table[code as IssueCode], own).replace(/\.$/, '');
}
