// Report writers stream: jsonPieces is JSON.stringify(v, null, 2) in pieces,
// at any depth and through cycles, and writePieces puts them in a file.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsonPieces, writePieces } from '../../src/cli/streamWrite.ts';
import { fuzzOptions } from '../fuzz/settings.ts';

const text = (v: unknown) => [...jsonPieces(v)].join('');

describe('jsonPieces', () => {
  it('is JSON.stringify(v, null, 2) for any JSON value (with undefined, NaN and toJSON as JSON treats them)', () => {
    const value = fc.letrec((tie) => ({
      any: fc.oneof({ depthSize: 'small' }, fc.constant(null), fc.boolean(), fc.double(), fc.string(), fc.constant(undefined), fc.date({ noInvalidDate: true }), fc.array(tie('any')), fc.dictionary(fc.string(), tie('any'))),
    })).any;
    fc.assert(fc.property(value, (v) => {
      expect(text(v)).toBe(JSON.stringify(v, null, 2) ?? '');
    }), fuzzOptions(300));
  });

  it('is JSON.stringify(v) with no indent', () => {
    const v = { a: [1, { b: 'x', c: [] }, {}], d: null, e: undefined };
    expect([...jsonPieces(v, '')].join('')).toBe(JSON.stringify(v));
  });

  it('writes 100,000 levels of nesting (JSON.stringify overflows the stack) and cycles as "[Circular]"', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    expect([...jsonPieces(deep, '')].join('')).toBe(`${'['.repeat(100_000)}1${']'.repeat(100_000)}`);
    const a: Record<string, unknown> = { x: 1 };
    a.self = a;
    a.list = [a, 2n];
    expect(JSON.parse(text(a))).toEqual({ x: 1, self: '[Circular]', list: ['[Circular]', '2'] });
    const shared = { k: 1 };
    expect(JSON.parse(text([shared, shared]))).toEqual([{ k: 1 }, { k: 1 }]);
  });

  it('writePieces writes every piece to the file', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'mlwb-stream-')), 'sub', 'r.json');
    const rows = Array.from({ length: 50_000 }, (_, i) => ({ i, s: 'x'.repeat(i % 50) }));
    await writePieces(path, jsonPieces({ rows }));
    expect(readFileSync(path, 'utf8')).toBe(JSON.stringify({ rows }, null, 2));
  });
});
