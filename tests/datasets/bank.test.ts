// Bank-marketing stand-in: determinism, the UCI schema and the course's
// group rates (COURSE.md §5). Generated once at full size (~0.5 s).
import { describe, expect, it } from 'vitest';
import { BANK_COLUMNS, BANK_ROWS, generateBankCsv, generateBankRows } from '../../src/datasets/generators/bank/generate.ts';
import type { Cell } from '../../src/datasets/generators/csv.ts';

const rows = generateBankRows(42);
const col = (name: (typeof BANK_COLUMNS)[number]) => BANK_COLUMNS.indexOf(name);
const yes = (r: Cell[]) => r[col('y')] === 'yes';
function rate(filter: (r: Cell[]) => boolean): number {
  const group = rows.filter(filter);
  return group.filter(yes).length / group.length;
}
const is = (name: (typeof BANK_COLUMNS)[number], value: Cell) => (r: Cell[]) => r[col(name)] === value;

describe('bank: determinism and schema', () => {
  it('is identical for a seed and differs for another', () => {
    const a = generateBankCsv(1, 500);
    expect(generateBankCsv(1, 500)).toBe(a);
    expect(generateBankCsv(2, 500)).not.toBe(a);
  });

  it('writes the UCI header, ; separated and quoted', () => {
    const [header, first] = generateBankCsv(1, 3).split('\n');
    expect(header).toBe(BANK_COLUMNS.map((c) => `"${c}"`).join(';'));
    expect(first.split(';')).toHaveLength(21);
    expect(first).toMatch(/^\d+;"[a-z.-]+";/);
  });

  it('has 41,188 rows with the real category sets and ranges', () => {
    expect(rows).toHaveLength(BANK_ROWS);
    const sets: Partial<Record<(typeof BANK_COLUMNS)[number], string[]>> = {
      job: ['admin.', 'blue-collar', 'technician', 'services', 'management', 'retired', 'self-employed', 'entrepreneur', 'unemployed', 'housemaid', 'student', 'unknown'],
      marital: ['married', 'single', 'divorced', 'unknown'],
      education: ['university.degree', 'high.school', 'basic.9y', 'professional.course', 'basic.4y', 'basic.6y', 'unknown', 'illiterate'],
      default: ['no', 'unknown', 'yes'],
      housing: ['yes', 'no', 'unknown'],
      loan: ['yes', 'no', 'unknown'],
      contact: ['cellular', 'telephone'],
      month: ['mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'],
      day_of_week: ['mon', 'tue', 'wed', 'thu', 'fri'],
      poutcome: ['nonexistent', 'failure', 'success'],
      y: ['yes', 'no'],
    };
    for (const [name, values] of Object.entries(sets)) {
      const seen = new Set(rows.map((r) => r[col(name as (typeof BANK_COLUMNS)[number])]));
      // Every real category is present (the rarest, default=yes and illiterate, may be missing in a draw).
      expect([...seen].every((v) => values.includes(v as string))).toBe(true);
      expect(seen.size).toBeGreaterThanOrEqual(values.length - 1);
    }
    for (const r of rows) {
      expect(r[col('age')]).toBeGreaterThanOrEqual(17);
      expect(r[col('age')]).toBeLessThanOrEqual(98);
      expect(r[col('campaign')]).toBeGreaterThanOrEqual(1);
      expect(r[col('campaign')]).toBeLessThanOrEqual(56);
      expect(r[col('previous')]).toBeLessThanOrEqual(7);
      if (r[col('poutcome')] === 'nonexistent') expect([r[col('previous')], r[col('pdays')]]).toEqual([0, 999]);
    }
  });
});

describe('bank: course patterns', () => {
  it('has 11.27% yes and pdays 999 for ~96%', () => {
    expect(rows.filter(yes).length).toBe(4642);
    const never = rows.filter(is('pdays', 999)).length / rows.length;
    expect(never).toBeGreaterThan(0.95);
    expect(never).toBeLessThan(0.97);
  });

  // Group rates: course figure ± ~0.05 (groups of a few hundred rows have ±0.03 sampling noise).
  it('poutcome=success .65 vs .09 otherwise', () => {
    expect(rate(is('poutcome', 'success'))).toBeGreaterThan(0.6);
    expect(rate(is('poutcome', 'success'))).toBeLessThan(0.72);
    expect(rate((r) => r[col('poutcome')] !== 'success')).toBeLessThan(0.11);
  });

  it('mar/sep/oct/dec .44–.51 vs may .06', () => {
    for (const m of ['mar', 'sep', 'oct', 'dec']) {
      expect(rate(is('month', m))).toBeGreaterThan(0.38);
      expect(rate(is('month', m))).toBeLessThan(0.58);
    }
    expect(rate(is('month', 'may'))).toBeLessThan(0.08);
  });

  it('cellular .15 vs telephone .05', () => {
    expect(rate(is('contact', 'cellular'))).toBeGreaterThan(0.12);
    expect(rate(is('contact', 'cellular'))).toBeLessThan(0.18);
    expect(rate(is('contact', 'telephone'))).toBeLessThan(0.08);
  });

  it('student .31, retired .25, age > 60 .46', () => {
    expect(rate(is('job', 'student'))).toBeGreaterThan(0.25);
    expect(rate(is('job', 'student'))).toBeLessThan(0.37);
    expect(rate(is('job', 'retired'))).toBeGreaterThan(0.2);
    expect(rate(is('job', 'retired'))).toBeLessThan(0.31);
    expect(rate((r) => (r[col('age')] as number) > 60)).toBeGreaterThan(0.4);
    expect(rate((r) => (r[col('age')] as number) > 60)).toBeLessThan(0.55);
  });

  it('low nr.employed (≤ 5099.1) .24 vs .05', () => {
    expect(rate((r) => (r[col('nr.employed')] as number) <= 5099.1)).toBeGreaterThan(0.2);
    expect(rate((r) => (r[col('nr.employed')] as number) <= 5099.1)).toBeLessThan(0.29);
    expect(rate((r) => (r[col('nr.employed')] as number) > 5099.1)).toBeLessThan(0.07);
  });

  it('falls as campaign grows', () => {
    const one = rate(is('campaign', 1));
    const three = rate((r) => r[col('campaign')] === 3 || r[col('campaign')] === 4);
    const many = rate((r) => (r[col('campaign')] as number) >= 6);
    expect(one).toBeGreaterThan(three);
    expect(three).toBeGreaterThan(many);
  });

  it('duration leaks the outcome: successful calls last much longer', () => {
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1];
    const d = (f: (r: Cell[]) => boolean) => median(rows.filter(f).map((r) => r[col('duration')] as number));
    expect(d(yes) / d((r) => !yes(r))).toBeGreaterThan(2);
  });
});
