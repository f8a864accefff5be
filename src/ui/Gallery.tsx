// The course gallery: one card per course notebook (in the UI language):
// title, what the student learns, level, measured time to run, language.
// Opening a card opens the notebook. Shown in the notebook's place on a first
// visit and from the sidebar's "Course gallery". Loaded on demand.
import type { Controller, State } from './controller.ts';
import { courseGallery, courseLanguage } from './courseList.ts';
import { COURSE_INFO, courseTimings, runTimeText, type Level } from './courseCatalog.ts';
import { getLang, useT } from './i18n.ts';

const TEXT = {
  en: {
    heading: 'Course gallery',
    intro: 'Pick a notebook to open. Each runs completely in your browser; you can change any cell and run it again.',
    learn: 'You will learn',
    level: 'Level',
    time: 'Time to run all',
    timeNote: 'measured: run all on the WASM backend',
    language: 'Language',
    open: 'Open',
    hide: 'Back to “{title}”',
    levels: { beginner: 'Beginner', intermediate: 'Intermediate', advanced: 'Advanced' } as Record<Level, string>,
    langs: { en: 'English', ko: '한국어' },
    alsoIn: 'also in {lang}',
    unknownTime: 'not measured yet',
  },
  ko: {
    heading: '강의 갤러리',
    intro: '열 노트북을 고르세요. 모두 브라우저 안에서 실행되며, 어떤 셀이든 바꿔서 다시 실행할 수 있어요.',
    learn: '배우는 것',
    level: '수준',
    time: '모두 실행 시간',
    timeNote: '측정값: WASM 백엔드에서 모두 실행',
    language: '언어',
    open: '열기',
    hide: '“{title}”(으)로 돌아가기',
    levels: { beginner: '입문', intermediate: '중급', advanced: '고급' } as Record<Level, string>,
    langs: { en: 'English', ko: '한국어' },
    alsoIn: '{lang}로도 있음',
    unknownTime: '아직 측정 안 됨',
  },
};

/** The gallery strings, for the i18n completeness test. */
export const galleryText = TEXT;

const TIMES = courseTimings();
const LEVELS: Level[] = ['beginner', 'intermediate', 'advanced'];

/** Beginner courses first, then by title (stable: the gallery's own order within a level). */
function byLevel<T extends { file: string }>(entries: T[]): T[] {
  const rank = (e: T) => LEVELS.indexOf(COURSE_INFO[courseLanguage(e.file).base]?.level ?? 'advanced');
  return [...entries].sort((a, b) => rank(a) - rank(b));
}

export function Gallery({ controller, state, onClose }: { controller: Controller; state: State; onClose: () => void }) {
  useT();
  const lang = getLang();
  const x = TEXT[lang];
  const open = (file: string) => {
    onClose();
    void controller.openCourse(file).catch((e: Error) => controller.notify(e.message));
  };
  return (
    <main className="gallery" aria-labelledby="gallery-heading" data-testid="gallery">
      <div className="gallery-head">
        <h2 id="gallery-heading">{x.heading}</h2>
        {state.doc && (
          <button type="button" className="btn small ghost" data-action="hide-gallery" onClick={onClose}>{x.hide.replace('{title}', state.doc.title)}</button>
        )}
      </div>
      <p className="muted">{x.intro}</p>
      <ul className="gallery-cards">
        {byLevel(courseGallery(state.course, lang)).map((c) => {
          const base = courseLanguage(c.file).base;
          const info = COURSE_INFO[base];
          const ms = TIMES[base];
          return (
            <li key={c.file} className="gallery-card" data-gallery-card={c.file}>
              <h3 lang={c.lang}>{c.title}</h3>
              {info && (
                <p className="gallery-learn"><span className="sr-only">{x.learn}: </span>{info.learn[c.lang]}</p>
              )}
              <dl className="gallery-facts">
                {info && (
                  <div><dt>{x.level}</dt><dd className={`level level-${info.level}`}>{x.levels[info.level]}</dd></div>
                )}
                <div>
                  <dt>{x.time}</dt>
                  <dd data-testid="run-time" title={x.timeNote}>{ms === undefined ? x.unknownTime : runTimeText(ms, lang)}</dd>
                </div>
                <div>
                  <dt>{x.language}</dt>
                  <dd>{x.langs[c.lang]}{c.other ? ` · ${x.alsoIn.replace('{lang}', x.langs[c.other.lang])}` : ''}</dd>
                </div>
              </dl>
              <button type="button" className="btn primary small" data-open-course={c.file} onClick={() => open(c.file)} aria-label={`${x.open}: ${c.title}`}>
                {x.open}
              </button>
            </li>
          );
        })}
      </ul>
    </main>
  );
}
