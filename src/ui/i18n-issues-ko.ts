// Korean for the parameter issue codes (src/kernel/issues.ts). Loaded with the
// Korean table (i18n-ko.ts re-exports it), so an English first screen does
// not carry it; i18n-issues.ts reads it once Korean is in.
import type { IssueCode } from '../kernel/issues.ts';

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
