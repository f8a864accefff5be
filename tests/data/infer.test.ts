import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { inferType, missingTest, parseDate, parseNumber, typedTable } from '../../src/data/infer.ts';
import { loadBytes, loadText, detectFormat } from '../../src/data/load.ts';
import { parseJson, parseJsonLines } from '../../src/data/json.ts';
import { tableSchema } from '../../src/data/preview.ts';
import { CellError } from '../../src/core/errors.ts';

const isMissing = missingTest();

function errorOf(fn: () => unknown): CellError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CellError);
    return e as CellError;
  }
  throw new Error('expected a CellError');
}

describe('value parsers', () => {
  it('reads numbers strictly', () => {
    expect(parseNumber(' 12 ')).toBe(12);
    expect(parseNumber('-1.5e3')).toBe(-1500);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('0x10')).toBeUndefined();
    expect(parseNumber('1,000')).toBeUndefined();
    expect(parseNumber('')).toBeUndefined();
  });

  it('reads ISO dates as UTC and rejects impossible ones', () => {
    expect(parseDate('2021-03-04')?.toISOString()).toBe('2021-03-04T00:00:00.000Z');
    expect(parseDate('2021-03-04 13:05:09')?.toISOString()).toBe('2021-03-04T13:05:09.000Z');
    expect(parseDate('2021-02-30')).toBeUndefined();
    expect(parseDate('04/03/2021')).toBeUndefined();
  });
});

describe('inferType', () => {
  it('picks integer, number, boolean, date or string', () => {
    expect(inferType(['1', '2', 'NA', ''], isMissing)).toBe('integer');
    expect(inferType(['1', '2.5'], isMissing)).toBe('number');
    expect(inferType(['true', 'False', 'TRUE'], isMissing)).toBe('boolean');
    expect(inferType(['2020-01-01', '2020-01-02 10:00:00'], isMissing)).toBe('date');
    expect(inferType(['1', 'two', '3'], isMissing)).toBe('string');
    expect(inferType(['2020-01-01', '5'], isMissing)).toBe('string');
  });
});

describe('typedTable', () => {
  it('builds typed columns with null for every missing token', () => {
    const t = typedTable(['n', 's', 'b', 'd'], [
      ['1.5', 'NaN', 'N/A'],
      ['x', 'null', ''],
      ['true', 'NA', 'false'],
      ['2020-01-01', '', '2020-01-03'],
    ]);
    expect(t.array('n')).toEqual([1.5, null, null]);
    expect(t.array('s')).toEqual(['x', null, null]);
    expect(t.array('b')).toEqual([true, null, false]);
    expect((t.array('d') as (Date | null)[]).map((d) => d?.toISOString() ?? null)).toEqual(['2020-01-01T00:00:00.000Z', null, '2020-01-03T00:00:00.000Z']);
    // op.valid sees the missing values.
    expect(t.rollup({ v: aq.op.valid('n') }).get('v')).toBe(1);
    expect(tableSchema(t).map((c) => c.type)).toEqual(['number', 'string', 'boolean', 'date']);
  });

  it('falls back to string for a mixed column and keeps text as written', () => {
    const t = typedTable(['m'], [['1', 'two', ' 3']]);
    expect(t.array('m')).toEqual(['1', 'two', ' 3']);
  });

  it('accepts extra missing tokens such as "unknown"', () => {
    const t = typedTable(['x'], [['1', 'unknown', '3']], { missing: ['', 'NA', 'unknown'] });
    expect(t.array('x')).toEqual([1, null, 3]);
  });

  it('forces types and reports a value that does not convert, with its line', () => {
    const t = typedTable(['zip', 'n'], [['02134', '10001'], ['1', '2']], { types: { zip: 'string' } });
    expect(t.array('zip')).toEqual(['02134', '10001']);
    const e = errorOf(() => typedTable(['x'], [['1', 'abc']], { types: { x: 'number' }, lines: [2, 7] }));
    expect(e.message).toBe("column x, line 7: 'abc' is not a number");
    expect(e.where).toBe('line 7');
    expect(errorOf(() => typedTable(['x'], [['1.5']], { types: { x: 'integer' } })).message).toMatch(/not an integer/);
    expect(errorOf(() => typedTable(['x'], [['1']], { types: { y: 'number' } })).where).toBe('params.types.y');
  });
});

describe('loadText / loadBytes', () => {
  it('loads CSV with types and line numbers from the parser', () => {
    const { table } = loadText('a,b\n1,x\n2,y\n', { fileName: 'f.csv' });
    expect(table.array('a')).toEqual([1, 2]);
    const e = errorOf(() => loadText('a\n1\n\n\nzz\n', { types: { a: 'number' } }));
    expect(e.message).toBe("column a, line 5: 'zz' is not a number");
  });

  it('refuses 0 bytes', () => {
    expect(errorOf(() => loadBytes(new Uint8Array(0))).message).toMatch(/empty/);
  });

  it('picks the format from the extension or the content', () => {
    expect(detectFormat('x.JSON', '')).toBe('json');
    expect(detectFormat('/data/x.tsv?v=1', '')).toBe('tsv');
    expect(detectFormat(undefined, '{"a":1}\n{"a":2}\n')).toBe('jsonl');
    expect(detectFormat(undefined, ' [{"a":1}]')).toBe('json');
    expect(detectFormat('data', 'a,b')).toBe('csv');
    // .tsv files use tabs even when commas appear.
    expect(loadText('a\tb,c\n1\t2\n', { fileName: 'x.tsv' }).table.columnNames()).toEqual(['a', 'b,c']);
  });
});

describe('JSON', () => {
  it('reads records, keeping JSON types and the union of keys', () => {
    const t = parseJson('[{"a": 1, "s": "x"}, {"a": null, "b": true}, {"a": 2.5, "s": "2020-01-01"}]');
    expect(t.columnNames()).toEqual(['a', 's', 'b']);
    expect(t.array('a')).toEqual([1, null, 2.5]);
    expect(t.array('s')).toEqual(['x', null, '2020-01-01']);
    expect(t.array('b')).toEqual([null, true, null]);
  });

  it('reads column objects and the split form; dates become dates', () => {
    const t = parseJson('{"d": ["2020-01-01", null], "n": [1, 2]}');
    expect(t.array('d')[0]).toBeInstanceOf(Date);
    expect(parseJson('{"columns": ["x", "y"], "data": [[1, "a"], [2, "b"]]}').array('y')).toEqual(['a', 'b']);
    expect(errorOf(() => parseJson('{"a": [1, 2], "b": [1]}')).message).toMatch(/"b" has 1 values/);
  });

  it('mixed kinds become strings; overrides apply', () => {
    expect(parseJson('[{"m": 1}, {"m": "a"}]').array('m')).toEqual(['1', 'a']);
    expect(parseJson('[{"m": "1"}, {"m": "2"}]', { types: { m: 'integer' } }).array('m')).toEqual([1, 2]);
  });

  it('reports a syntax error with line and column', () => {
    const e = errorOf(() => parseJson('[\n  {"a": 1},\n  {"a": }\n]'));
    expect(e.where).toBe('line 3, column 9');
    const l = errorOf(() => parseJsonLines('{"a": 1}\n{"a": 2\n'));
    expect(l.message).toMatch(/ends too early/);
    expect(errorOf(() => parseJson('[1, 2,]')).where).toBe('line 1, column 7');
    expect(l.where).toMatch(/^line 2/);
    expect(errorOf(() => parseJsonLines('{"a": 1}\n[1]\n')).where).toBe('line 2');
  });

  it('reads JSON lines', () => {
    const t = parseJsonLines('{"a": 1}\r\n\n{"a": 2, "b": "x"}\n');
    expect(t.array('a')).toEqual([1, 2]);
    expect(t.array('b')).toEqual([null, 'x']);
  });
});
