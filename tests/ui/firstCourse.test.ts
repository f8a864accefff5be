// The first visit opens the introductory notebook in the UI's language.
import { describe, expect, it } from 'vitest';
import { courseEntries, firstCourse } from '../../src/ui/gallery/course.ts';

describe('firstCourse', () => {
  const course = courseEntries();
  it('opens the Korean copy of the introductory notebook for a Korean UI', () => {
    expect(firstCourse(course, 'ko')?.file).toBe('penguins.ko.ipynb');
  });
  it('opens the English one otherwise', () => {
    expect(firstCourse(course, 'en')?.file).toBe('penguins.ipynb');
  });
  it('falls back to the English copy, then to the first notebook', () => {
    expect(firstCourse([{ file: 'a.ipynb' }, { file: 'penguins.ipynb' }], 'ko')?.file).toBe('penguins.ipynb');
    expect(firstCourse([{ file: 'a.ipynb' }], 'ko')?.file).toBe('a.ipynb');
  });
});
