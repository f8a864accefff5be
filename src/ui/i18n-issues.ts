// A parameter's problem (a zod issue with a code, src/kernel/issues.ts) in the
// UI language: forms and the params error show it in Korean when the UI is
// Korean; English keeps zod's own words, and a schema's custom message (no
// code) shows as it is.
import type { IssueCode } from '../kernel/issues.ts';
import type { MessageParams } from '../core/messages.ts';
import { format, getLang } from './i18n.ts';

export const ISSUES_KO: Record<IssueCode, string> = {
  'issue.required': '값을 넣어 주세요.',
  'issue.int': '정수여야 해요.',
  'issue.number': '숫자여야 해요.',
  'issue.text': '글자여야 해요.',
  'issue.boolean': '참이나 거짓이어야 해요.',
  'issue.list': '목록이어야 해요.',
  'issue.type': '{expected} 형식이어야 해요.',
  'issue.min': '{minimum} 이상이어야 해요.',
  'issue.above': '{minimum}보다 커야 해요.',
  'issue.max': '{maximum} 이하여야 해요.',
  'issue.below': '{maximum}보다 작아야 해요.',
  'issue.empty': '비워 둘 수 없어요.',
  'issue.minChars': '{minimum}글자 이상이어야 해요.',
  'issue.maxChars': '{maximum}글자 이하여야 해요.',
  'issue.minItems': '{minimum}개 이상 골라야 해요.',
  'issue.maxItems': '{maximum}개 이하로 골라야 해요.',
  'issue.oneOf': '다음 중 하나여야 해요: {values}.',
};

/** An issue's text in the UI language. */
export function issueText(issue: { message: string; code?: string; params?: MessageParams }): string {
  if (getLang() !== 'ko' || !issue.code || !Object.hasOwn(ISSUES_KO, issue.code)) return issue.message;
  return format(ISSUES_KO[issue.code as IssueCode], issue.params ?? {});
}

/** A params error's detail in Korean, from the first issue's code and parameters that ride on the error (issue, issue_*). */
export function issueDetail(params: MessageParams): string | undefined {
  const code = params.issue;
  if (typeof code !== 'string' || !Object.hasOwn(ISSUES_KO, code)) return undefined;
  const own = Object.fromEntries(Object.entries(params).filter(([k]) => k.startsWith('issue_')).map(([k, v]) => [k.slice('issue_'.length), v]));
  return format(ISSUES_KO[code as IssueCode], own).replace(/\.$/, '');
}
