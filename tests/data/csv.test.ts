import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { detectDelimiter, parseCsv, decodeText } from '../../src/data/csv.ts';
import { CellError } from '../../src/core/errors.ts';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), 'utf8');
const pandas = JSON.parse(fixture('data_csv.json')) as Record<string, { columns: string[]; rows: string[][] }>;

/** Rows of a parse result, for comparing with pandas. */
function rows(p: ReturnType<typeof parseCsv>): string[][] {
  return p.lines.map((_, r) => p.columns.map((c) => c[r]));
}

function errorOf(fn: () => unknown): CellError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CellError);
    return e as CellError;
  }
  throw new Error('expected a CellError');
}

describe('parseCsv', () => {
  it('reads quoted delimiters, escaped quotes and newlines in quotes like pandas', () => {
    const p = parseCsv(fixture('csv/tricky.csv'));
    expect(p.names).toEqual(pandas['tricky.csv'].columns);
    expect(rows(p)).toEqual(pandas['tricky.csv'].rows);
    // Row 3 starts on line 5 because row 2 spans lines 3-4.
    expect(p.lines).toEqual([2, 3, 5, 6]);
  });

  it('detects semicolons and handles CRLF like pandas', () => {
    const p = parseCsv(fixture('csv/semicolon_crlf.csv'));
    expect(p.delimiter).toBe(';');
    expect(p.names).toEqual(pandas['semicolon_crlf.csv'].columns);
    expect(rows(p)).toEqual(pandas['semicolon_crlf.csv'].rows);
  });

  it('handles lone CR line endings and a missing final newline', () => {
    const p = parseCsv('a,b\r1,2\r3,4');
    expect(rows(p)).toEqual([['1', '2'], ['3', '4']]);
  });

  it('strips a UTF-8 BOM from bytes', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('x,y\n1,2\n')]);
    const p = parseCsv(decodeText(bytes));
    expect(p.names).toEqual(['x', 'y']);
  });

  it('reads TSV and pipes by detection, and honours an explicit delimiter', () => {
    expect(parseCsv('a\tb\n1\t2\n').names).toEqual(['a', 'b']);
    expect(parseCsv('a|b|c\n1|2|3\n').delimiter).toBe('|');
    expect(parseCsv('a,b;c\n1,2;3\n', { delimiter: ';' }).names).toEqual(['a,b', 'c']);
  });

  it('prefers the delimiter that splits rows consistently', () => {
    // Commas appear in the header text but semicolons split every line into 3.
    expect(detectDelimiter('name;"x, y";z\na;1;2\nb;3;4\n')).toBe(';');
  });

  it('skips blank lines and keeps a trailing empty field', () => {
    const p = parseCsv('a,b\n\n1,\n\n2,3\n');
    expect(rows(p)).toEqual([['1', ''], ['2', '3']]);
    expect(p.lines).toEqual([3, 5]);
  });

  it('names columns without a header and numbers duplicate names', () => {
    expect(parseCsv('1,2\n3,4\n', { header: false }).names).toEqual(['column_1', 'column_2']);
    expect(parseCsv('a,a,\n1,2,3\n').names).toEqual(['a', 'a_2', 'column_3']);
  });

  it('reports ragged rows with their line', () => {
    const e = errorOf(() => parseCsv('a,b,c\n1,2,3\n4,5\n6,7,8\n'));
    expect(e.message).toBe('Line 3 has 2 fields, but the header has 3.');
    expect(e.where).toBe('line 3, column 3');
    const extra = errorOf(() => parseCsv('a,b\n1,2\n\n3,4,5\n'));
    expect(extra.where).toBe('line 4, column 3');
  });

  it('pads ragged rows on request and says so', () => {
    const p = parseCsv('a,b,c\n1,2\n4,5,6,7\n', { ragged: 'pad' });
    expect(rows(p)).toEqual([['1', '2', ''], ['4', '5', '6']]);
    expect(p.notes[0].text).toMatch(/2 rows/);
    expect(p.notes[0].ko).toBe('필드 수가 헤더와 다른 행 2개는 빈 값을 채우거나 잘라 맞췄어요.');
  });

  it('reports an unterminated quote where it opens', () => {
    const e = errorOf(() => parseCsv('a,b\n1,"open\n2,3\n'));
    expect(e.message).toMatch(/never ends/);
    expect(e.where).toBe('line 2, column 3');
  });

  it('refuses an empty file', () => {
    expect(errorOf(() => parseCsv('')).message).toBe('The file is empty.');
    expect(errorOf(() => parseCsv('\n\r\n  \n')).message).toBe('The file is empty.');
    expect(errorOf(() => parseCsv('a,b', { delimiter: '"' })).where).toBe('params.delimiter');
  });

  it('unwraps a spreadsheet re-saved CSV where each line is one quoted field', () => {
    const text = '"a,b,c"\n"1,""x"",3"\n"4,5,6"\n';
    const p = parseCsv(text);
    expect(p.names).toEqual(['a', 'b', 'c']);
    expect(rows(p)).toEqual([['1', 'x', '3'], ['4', '5', '6']]);
    expect(p.notes[0].text).toMatch(/re-saved/);
    expect(p.notes[0].ko).toMatch(/다시 저장한 CSV.*","/);
  });

  it('keeps a genuine single quoted column that holds no delimiter', () => {
    const p = parseCsv('"name"\n"Ann"\n"Bo"\n');
    expect(p.names).toEqual(['name']);
    expect(p.columns[0]).toEqual(['Ann', 'Bo']);
  });

  it('parses the semicolon bank-marketing file from the shared datasets', () => {
    const path = fileURLToPath(new URL('../../../shared/datasets/bank-marketing/bank-additional.csv', import.meta.url));
    const text = readFileSync(path, 'utf8');
    const p = parseCsv(text);
    expect(p.delimiter).toBe(';');
    expect(p.names).toHaveLength(21);
    expect(p.names[0]).toBe('age');
    expect(p.names[20]).toBe('y');
    const lineCount = text.split('\n').filter((l) => l.trim() !== '').length;
    expect(p.lines.length).toBe(lineCount - 1);
    expect(p.columns[1][0]).toBe('blue-collar');
  });

  it('parses 1,000,000 rows x 10 columns', () => {
    const line = '1.5,abc,"q,x",42,,true,2020-01-02,-3e2,zz,9\n';
    const text = 'c0,c1,c2,c3,c4,c5,c6,c7,c8,c9\n' + line.repeat(1_000_000);
    const fractions: number[] = [];
    const p = parseCsv(text, { onProgress: (f) => fractions.push(f) });
    expect(p.columns).toHaveLength(10);
    expect(p.columns[0]).toHaveLength(1_000_000);
    expect(p.columns[2][999_999]).toBe('q,x');
    expect(p.lines[999_999]).toBe(1_000_001);
    expect(fractions.length).toBeGreaterThan(5);
  });
});
