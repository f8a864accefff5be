// The one-pass typer and the char-code parsers must agree with the reference
// definitions: the NUMBER regex on trimmed text, trim().toLowerCase() for
// booleans, and convertColumn(inferType(...)) for whole columns.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { convertColumn, inferType, missingTest, parseBoolean, parseNumber, typeColumn } from '../../src/data/infer.ts';

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
function referenceNumber(text: string): number | undefined {
  const t = text.trim();
  if (NUMBER.test(t)) return Number(t);
  if (t === 'Infinity' || t === '+Infinity' || t === 'inf') return Infinity;
  if (t === '-Infinity' || t === '-inf') return -Infinity;
  return undefined;
}
function referenceBoolean(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  return t === 'true' ? true : t === 'false' ? false : undefined;
}

const numberish = fc.array(fc.constantFrom('0', '1', '9', '.', 'e', 'E', '+', '-', ' ', '\t', 'x', 'inf', '\u00a0'), { maxLength: 12 }).map((a) => a.join(''));
const boolish = fc.array(fc.constantFrom('t', 'r', 'u', 'e', 'T', 'R', 'U', 'E', 'f', 'a', 'l', 's', 'F', 'A', 'S', ' ', '\n', 'İ'), { maxLength: 7 }).map((a) => a.join(''));

describe('fast parsers', () => {
  it('parseNumber matches the regex definition', () => {
    fc.assert(fc.property(fc.oneof(numberish, fc.string()), (s) => {
      expect(Object.is(parseNumber(s), referenceNumber(s)) || (parseNumber(s) === undefined && referenceNumber(s) === undefined)).toBe(true);
    }), { numRuns: 5000 });
    for (const s of ['123456789012345', '1234567890123456789', '-0', '+7', '007', '1.', '.5', '1e', '1e+', '1e-3', ' 2 ', '-', '']) {
      expect(Object.is(parseNumber(s), referenceNumber(s))).toBe(true);
    }
  });

  it('parseBoolean matches trim().toLowerCase()', () => {
    fc.assert(fc.property(fc.oneof(boolish, fc.string()), (s) => {
      expect(parseBoolean(s)).toBe(referenceBoolean(s));
    }), { numRuns: 5000 });
  });

  it('typeColumn gives convertColumn(inferType) for every column', () => {
    const value = fc.constantFrom('', 'NA', ' 1', '2', '2.5', '-3e2', 'true', 'FALSE', '2024-01-31', '2024-02-30', '2024-01-01 10:00:00', 'x', 'null', ' NA ', 'inf');
    const isMissing = missingTest();
    fc.assert(fc.property(fc.array(value, { maxLength: 12 }), (values) => {
      const type = inferType(values, isMissing);
      expect(typeColumn('c', values, undefined, isMissing)).toEqual({ type, values: convertColumn('c', values, type, isMissing) });
    }), { numRuns: 3000 });
  });

  it('missingTest trims only values with edge spaces', () => {
    const m = missingTest(['NA', ' unknown ', '']);
    expect(['NA', ' NA', 'unknown', '  unknown', ''].map(m)).toEqual([true, true, true, true, true]);
    expect(['N A', 'NAN', 'unknownx', 'x'].map(m)).toEqual([false, false, false, false]);
  });
});
