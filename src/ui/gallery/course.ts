// The bundled course notebooks (notebooks/*.ipynb, loaded on demand): file
// names, titles, and their text for opening, resetting and trust.
import type { CourseEntry } from '../state.ts';

const COURSE = import.meta.glob('../../../notebooks/*.ipynb', { query: '?raw', import: 'default' }) as Record<string, () => Promise<string>>;

/** The course notebook a first visit opens (the introductory one), when bundled. */
export const FIRST_COURSE = 'penguins.ipynb';

/** The first visit's notebook in the UI language: the Korean copy (name.ko.ipynb) for a Korean UI, where one is bundled. */
export function firstCourse<T extends { file: string }>(course: readonly T[], lang: 'en' | 'ko'): T | undefined {
  const own = lang === 'ko' ? course.find((c) => c.file === FIRST_COURSE.replace(/\.ipynb$/, '.ko.ipynb')) : undefined;
  return own ?? course.find((c) => c.file === FIRST_COURSE) ?? course[0];
}

export function courseFile(path: string): string {
  return path.split('/').pop()!;
}

export function titleFromFile(file: string): string {
  return file.replace(/\.ipynb$/, '').replace(/^\d+[-_]?/, '').replace(/[-_]+/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
}

/** Every bundled notebook, titled by its file name until its own title is read. */
export function courseEntries(): CourseEntry[] {
  return Object.keys(COURSE).sort().map((p) => ({ file: courseFile(p), title: titleFromFile(courseFile(p)) }));
}

/** The .ipynb text of a bundled notebook, or undefined. */
export async function courseText(file: string): Promise<string | undefined> {
  const entry = Object.entries(COURSE).find(([p]) => courseFile(p) === file);
  return entry ? entry[1]() : undefined;
}

/** Every bundled notebook's text (failed loads skipped). */
export async function allCourseTexts(): Promise<string[]> {
  const texts = await Promise.all(Object.values(COURSE).map((load) => load().catch(() => undefined)));
  return texts.filter((t): t is string => typeof t === 'string');
}

/** Course notebooks' own titles (their metadata; the file name until read). */
export async function courseTitles(entries: CourseEntry[]): Promise<CourseEntry[]> {
  const titles = await Promise.all(
    Object.entries(COURSE).map(async ([path, load]) => {
      try {
        const title = (JSON.parse(await load()) as { metadata?: { title?: unknown } }).metadata?.title;
        return [courseFile(path), typeof title === 'string' && title.trim() ? title : undefined] as const;
      } catch {
        return [courseFile(path), undefined] as const;
      }
    }),
  );
  const byFile = new Map(titles);
  return entries.map((c) => ({ ...c, title: byFile.get(c.file) ?? c.title }));
}
