import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { courseGallery, courseLanguage } from '../../src/ui/courseList.ts';

const files = ['bank-marketing.ipynb', 'bank-marketing.ko.ipynb', 'penguins.ipynb', 'next-state.ko.ipynb'].map((file) => ({ file, title: file }));

describe('course gallery languages', () => {
  it('reads the language from the file name', () => {
    expect(courseLanguage('bank-marketing.ko.ipynb')).toEqual({ base: 'bank-marketing', lang: 'ko' });
    expect(courseLanguage('penguins.ipynb')).toEqual({ base: 'penguins', lang: 'en' });
    expect(courseLanguage('v1.2.ipynb')).toEqual({ base: 'v1.2', lang: 'en' });
  });

  it('lists each notebook once, in the UI language when it exists, linking the other copy', () => {
    expect(courseGallery(files, 'ko').map((e) => [e.file, e.other?.file])).toEqual([
      ['bank-marketing.ko.ipynb', 'bank-marketing.ipynb'],
      ['next-state.ko.ipynb', undefined],
      ['penguins.ipynb', undefined],
    ]);
    expect(courseGallery(files, 'en').map((e) => [e.file, e.lang, e.other?.lang])).toEqual([
      ['bank-marketing.ipynb', 'en', 'ko'],
      ['next-state.ko.ipynb', 'ko', undefined],
      ['penguins.ipynb', 'en', undefined],
    ]);
  });

  it('shows every bundled notebook exactly once per language', () => {
    const bundled = readdirSync(new URL('../../notebooks/', import.meta.url)).filter((f) => f.endsWith('.ipynb')).map((file) => ({ file, title: file }));
    for (const lang of ['en', 'ko'] as const) {
      const shown = courseGallery(bundled, lang);
      const bases = new Set(bundled.map((f) => courseLanguage(f.file).base));
      expect(shown).toHaveLength(bases.size);
      expect(shown.filter((e) => e.other).every((e) => e.lang !== e.other!.lang)).toBe(true);
    }
  });
});
