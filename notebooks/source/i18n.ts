// Bundled notebooks exist in English and Korean (the course's language):
// one source, two files (name.ipynb and name.ko.ipynb).
export type Lang = 'en' | 'ko';

/** Pick the text for a language: t(english, korean). */
export function text(lang: Lang): (en: string, ko: string) => string {
  return (en, ko) => (lang === 'ko' ? ko : en);
}
