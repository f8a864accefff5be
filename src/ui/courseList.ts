// The course gallery shows each course notebook once, in the UI language:
// `name.ko.ipynb` is the Korean copy of `name.ipynb`. A notebook that exists
// in one language only is listed in every language; each entry links to its
// copy in the other language when there is one.

export interface CourseFile {
  file: string;
  title: string;
}

export interface GalleryEntry extends CourseFile {
  lang: 'en' | 'ko';
  /** The same notebook in the other language. */
  other?: CourseFile & { lang: 'en' | 'ko' };
}

/** "bank-marketing.ko.ipynb" → {base: "bank-marketing", lang: "ko"}; files without a language tag are English. */
export function courseLanguage(file: string): { base: string; lang: 'en' | 'ko' } {
  const m = /^(.*?)(?:\.(ko|en))?\.ipynb$/.exec(file);
  return { base: m?.[1] ?? file, lang: m?.[2] === 'ko' ? 'ko' : 'en' };
}

export function courseGallery(files: readonly CourseFile[], lang: 'en' | 'ko'): GalleryEntry[] {
  const byBase = new Map<string, Map<'en' | 'ko', CourseFile>>();
  for (const f of files) {
    const { base, lang: l } = courseLanguage(f.file);
    if (!byBase.has(base)) byBase.set(base, new Map());
    byBase.get(base)!.set(l, f);
  }
  const out: GalleryEntry[] = [];
  for (const versions of byBase.values()) {
    const shownLang = versions.has(lang) ? lang : versions.has('en') ? 'en' : 'ko';
    const otherLang = shownLang === 'en' ? 'ko' : 'en';
    const shown = versions.get(shownLang)!;
    const other = versions.get(otherLang);
    out.push({ ...shown, lang: shownLang, ...(other ? { other: { ...other, lang: otherLang } } : {}) });
  }
  return out.sort((a, b) => courseLanguage(a.file).base.localeCompare(courseLanguage(b.file).base));
}
