import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { fingerprintColumns, fingerprintTable, fnv1a64 } from '../../src/lifecycle/fingerprint.ts';
import { fixtures } from './fixtures.ts';

const f = fixtures.fingerprint;

function cols(spec: typeof f.columns) {
  return spec.map(([name, type, values]) => ({ name, type, length: values.length, at: (i: number) => values[i] }));
}

describe('FNV-1a 64 and table fingerprints (Python reference)', () => {
  it('hashes bytes like the reference implementation', () => {
    expect(fnv1a64('')).toBe(f.empty);
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe(f.a);
    expect(fnv1a64('foobar')).toBe(f.foobar);
    expect(fnv1a64('foobar')).toBe('85944171f73967e8'); // published FNV-1a 64 test vector
  });
  it('hashes schema and values with the documented encoding', () => {
    expect(fingerprintColumns(cols(f.columns))).toBe(f.hash);
    const renamed = f.columns.map((c, i) => (i === 0 ? (['X', c[1], c[2]] as typeof c) : c));
    expect(fingerprintColumns(cols(renamed))).toBe(f.renamed);
  });
  it('fingerprints an Arquero table: stable, sensitive to values, order and types', () => {
    const t = aq.table({ a: [1, 2, 3], b: ['x', 'y', null] });
    const fp = fingerprintTable(t);
    expect(fp).toEqual({ hash: fingerprintTable(aq.table({ a: [1, 2, 3], b: ['x', 'y', null] })).hash, rows: 3, columns: 2 });
    expect(fp.hash).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprintTable(aq.table({ a: [1, 2, 4], b: ['x', 'y', null] })).hash).not.toBe(fp.hash);
    expect(fingerprintTable(t.orderby(aq.desc('a'))).hash).not.toBe(fp.hash);
    expect(fingerprintTable(aq.table({ a: ['1', '2', '3'], b: ['x', 'y', null] })).hash).not.toBe(fp.hash);
    expect(fingerprintTable(t.filter((d: { a: number }) => d.a < 3)).rows).toBe(2);
  });
});
