import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { groupSplit, timeSeriesSplit, timeSplit } from '../../src/data/split.ts';
import { CellError } from '../../src/core/errors.ts';

const fx = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/ts_splits.json', import.meta.url)), 'utf8')) as {
  timeSeriesSplit: { n: number; nSplits: number; folds: { train: number[]; test: number[] }[] }[];
  withGap: { n: number; nSplits: number; testSize: number; gap: number; folds: { train: number[]; test: number[] }[] };
};
const f = { train: 0.6, validation: 0.2, test: 0.2 };

describe('timeSeriesSplit equals sklearn TimeSeriesSplit', () => {
  for (const c of fx.timeSeriesSplit) it(`n=${c.n}, n_splits=${c.nSplits}`, () => expect(timeSeriesSplit(c.n, c.nSplits)).toEqual(c.folds));
  it('with test_size and gap', () => {
    const g = fx.withGap;
    expect(timeSeriesSplit(g.n, g.nSplits, { testSize: g.testSize, gap: g.gap })).toEqual(g.folds);
  });
  it('refuses too many splits', () => expect(() => timeSeriesSplit(3, 5)).toThrow(CellError));
});

describe('groupSplit', () => {
  const groups = Array.from({ length: 500 }, (_, i) => `s${(i * 37) % 61}`);
  it('puts every group on one side, covers every row, and cuts by group count', () => {
    for (const seed of [1, 2, 42, 999]) {
      const s = groupSplit(groups, f, seed);
      const side = new Map<string, string>();
      for (const part of ['train', 'validation', 'test'] as const) {
        for (const r of s[part]) {
          const prev = side.get(groups[r]);
          expect(prev === undefined || prev === part, `group ${groups[r]} on ${prev} and ${part}`).toBe(true);
          side.set(groups[r], part);
        }
      }
      expect(s.train.length + s.validation.length + s.test.length).toBe(500);
      const count = (part: string) => [...side.values()].filter((p) => p === part).length;
      // 61 groups: largest remainder gives 37 / 12 / 12.
      expect([count('train'), count('validation'), count('test')]).toEqual([37, 12, 12]);
    }
  });
  it('is seeded', () => {
    expect(groupSplit(groups, f, 7)).toEqual(groupSplit(groups, f, 7));
    expect(groupSplit(groups, f, 7)).not.toEqual(groupSplit(groups, f, 8));
  });
});

describe('timeSplit', () => {
  const start = Date.UTC(2024, 0, 1);
  // Shuffled times with many ties (several rows per hour).
  const times = Array.from({ length: 300 }, (_, i) => new Date(start + ((i * 113) % 100) * 3_600_000));
  const t = (r: number) => times[r].getTime();
  const later = (a: number[], b: number[]) => (a.length && b.length ? Math.min(...b.map(t)) > Math.max(...a.map(t)) : true);
  it('by fractions: every validation row is later than every train row, test later still', () => {
    const s = timeSplit(times, f);
    expect(later(s.train, s.validation)).toBe(true);
    expect(later(s.validation, s.test)).toBe(true);
    expect(s.train.length + s.validation.length + s.test.length).toBe(300);
    expect(Math.abs(s.train.length - 180)).toBeLessThanOrEqual(3);
  });
  it('by last days', () => {
    const days = Array.from({ length: 60 }, (_, i) => new Date(start + (59 - i) * 86_400_000));
    const s = timeSplit([...days, null], f, { lastDays: 7 });
    expect(s.test).toHaveLength(7);
    expect(s.validation).toHaveLength(7);
    expect(s.dropped).toEqual([60]);
    expect(Math.min(...s.test.map((r) => days[r].getTime()))).toBe(start + 53 * 86_400_000);
    const onlyTest = timeSplit(days, { train: 0.8, validation: 0, test: 0.2 }, { lastDays: 10 });
    expect([onlyTest.train.length, onlyTest.validation.length, onlyTest.test.length]).toEqual([50, 0, 10]);
  });
});
