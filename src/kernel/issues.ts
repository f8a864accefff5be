// zod's issues as catalogue codes and parameters, so a form can say what is
// wrong with a parameter in the UI language (src/ui/i18n-issues.ts) while
// English keeps zod's own words. A refinement's custom message (written in
// the cell's schema) has no code and shows as it is.
import type { MessageParams } from '../core/messages.ts';

export type IssueCode =
  | 'issue.required' | 'issue.int' | 'issue.number' | 'issue.text' | 'issue.boolean' | 'issue.list' | 'issue.type'
  | 'issue.min' | 'issue.above' | 'issue.max' | 'issue.below'
  | 'issue.empty' | 'issue.minChars' | 'issue.maxChars' | 'issue.minItems' | 'issue.maxItems'
  | 'issue.oneOf';

/** The parts of a zod issue this reads (zod 4's issue shapes). */
interface ZodIssueLike {
  code: string;
  message: string;
  expected?: unknown;
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  inclusive?: unknown;
  values?: unknown;
}

const TYPE_CODES: Record<string, IssueCode> = { int: 'issue.int', number: 'issue.number', string: 'issue.text', boolean: 'issue.boolean', array: 'issue.list' };

/** The code and parameters of a zod issue, or undefined for one this does not know (a custom message). */
export function issueCode(issue: ZodIssueLike): { code: IssueCode; params: MessageParams } | undefined {
  const bound = (v: unknown) => (typeof v === 'number' || typeof v === 'bigint' ? Number(v) : undefined);
  switch (issue.code) {
    case 'invalid_type': {
      if (/received undefined/.test(issue.message)) return { code: 'issue.required', params: {} };
      const expected = String(issue.expected);
      return { code: TYPE_CODES[expected] ?? 'issue.type', params: { expected } };
    }
    case 'too_small': {
      const minimum = bound(issue.minimum);
      if (minimum === undefined) return undefined;
      if (issue.origin === 'number') return { code: issue.inclusive === false ? 'issue.above' : 'issue.min', params: { minimum } };
      if (issue.origin === 'string') return minimum === 1 ? { code: 'issue.empty', params: {} } : { code: 'issue.minChars', params: { minimum } };
      if (issue.origin === 'array') return { code: 'issue.minItems', params: { minimum } };
      return undefined;
    }
    case 'too_big': {
      const maximum = bound(issue.maximum);
      if (maximum === undefined) return undefined;
      if (issue.origin === 'number') return { code: issue.inclusive === false ? 'issue.below' : 'issue.max', params: { maximum } };
      if (issue.origin === 'string') return { code: 'issue.maxChars', params: { maximum } };
      if (issue.origin === 'array') return { code: 'issue.maxItems', params: { maximum } };
      return undefined;
    }
    case 'invalid_value':
      return Array.isArray(issue.values) ? { code: 'issue.oneOf', params: { values: issue.values.map((v) => JSON.stringify(v)).join(', ') } } : undefined;
    default:
      return undefined;
  }
}
