import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COURSE_INFO, courseTimings, runTimeText } from '../../src/ui/courseCatalog.ts';
import { courseLanguage } from '../../src/ui/courseList.ts';

const bases = [...new Set(readdirSync(new URL('../../notebooks/', import.meta.url)).filter((f) => f.endsWith('.ipynb')).map((f) => courseLanguage(f).base))];

describe('course catalogue', () => {
  it('describes every bundled course notebook in English and Korean', () => {
    expect(Object.keys(COURSE_INFO).sort()).toEqual([...bases].sort());
    for (const info of Object.values(COURSE_INFO)) {
      expect(info.learn.en).toMatch(/\S/);
      expect(info.learn.ko).toMatch(/[가-힣]/);
    }
  });

  it('has a measured run time for every notebook, from the committed benchmark lines', () => {
    const times = courseTimings();
    for (const base of bases) expect(times[base], base).toBeGreaterThan(0);
  });

  it('reads only successful wasm runs from benchmark lines', () => {
    const text = [
      '{"bench":"course/a/wasm","value":90000,"unit":"ms","failed_cells":0}',
      '{"bench":"course/a/cpu","value":1,"unit":"ms","failed_cells":0}',
      '{"bench":"course/b/wasm","value":5,"unit":"ms","failed_cells":2}',
      '',
    ].join('\n');
    expect(courseTimings(text)).toEqual({ a: 90000 });
  });

  it('rounds run times up to whole minutes, in the UI language', () => {
    expect(runTimeText(10_764, 'en')).toBe('under 1 min');
    expect(runTimeText(60_001, 'en')).toBe('about 2 min');
    expect(runTimeText(125_000, 'ko')).toBe('약 3분');
  });
});
