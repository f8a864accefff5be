// Notebook gallery (course notebooks and the user's own), files, storage, language.
import { useRef } from 'react';
import type { Controller, State } from './controller.ts';
import { setLang, getLang, useT, type Lang } from './i18n.ts';
import { downloadText, safeFileName } from './download.ts';
import { courseGallery } from './courseList.ts';

function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 ** 2) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 ** 2).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(1)} GB`;
}

export function Sidebar({ controller, state, onOpenFiles, onShowGallery }: { controller: Controller; state: State; onOpenFiles: (files: FileList | File[]) => void; onShowGallery?: () => void }) {
  const t = useT();
  const openInput = useRef<HTMLInputElement>(null);
  const uploadInput = useRef<HTMLInputElement>(null);
  const mine = state.userNotebooks.filter((n) => !n.id.startsWith('course:'));
  const copies = new Set(state.userNotebooks.filter((n) => n.id.startsWith('course:')).map((n) => n.id));

  return (
    <aside className="sidebar" id="sidebar" aria-label={t('notebooks')}>
      <div className="brand">
        <img src="/icon.svg" alt="" width={28} height={28} />
        <span>{t('appName')}</span>
      </div>

      <section>
        <h2>{t('course')}</h2>
        {onShowGallery && (
          <button type="button" className="btn small ghost gallery-link" data-action="show-gallery" onClick={onShowGallery}>
            {t('courseGallery')}
          </button>
        )}
        {state.course.length === 0 && <p className="muted small">{t('emptyList')}</p>}
        <ul className="nav-list">
          {courseGallery(state.course, getLang()).map((c) => {
            const id = `course:${c.file}`;
            const active = state.notebookId === id;
            return (
              <li key={c.file} className="course-row">
                <button type="button" className={`nav-item${active ? ' active' : ''}`} aria-current={active ? 'page' : undefined} data-course={c.file} lang={c.lang} onClick={() => void controller.openCourse(c.file).catch((e: Error) => controller.notify(e.message))}>
                  {c.title}
                  {copies.has(id) && <span className="dot" title="edited copy" />}
                </button>
                {c.other && (
                  <button type="button" className="btn small ghost" data-course-other={c.other.file} title={c.other.title} onClick={() => void controller.openCourse(c.other!.file).catch((e: Error) => controller.notify(e.message))}>
                    {c.other.lang === 'ko' ? '한국어' : 'English'}
                  </button>
                )}
                {/* An icon with its name as tooltip and label: the words would squeeze the open course's title to its first letter. */}
                {active && (
                  <button
                    type="button" className="btn icon ghost" data-action="reset-course" aria-label={t('resetOriginal')} title={t('resetOriginal')}
                    onClick={() => window.confirm(t('resetConfirm')) && void controller.resetCourse(c.file)}
                  >
                    ↺
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      </section>

      <section>
        <h2>{t('mine')}</h2>
        <ul className="nav-list" data-testid="my-notebooks">
          {mine.map((n) => {
            const active = state.notebookId === n.id;
            return (
              <li key={n.id} className="with-action">
                <button type="button" className={`nav-item${active ? ' active' : ''}`} aria-current={active ? 'page' : undefined} onClick={() => void controller.openStored(n.id).catch((e: Error) => controller.notify(e.message))}>
                  {n.title || t('untitled')}
                </button>
                <button type="button" className="btn icon ghost" aria-label={`${t('delete')} ${n.title}`} onClick={() => window.confirm(t('deleteConfirm')) && void controller.deleteNotebook(n.id)}>
                  ×
                </button>
              </li>
            );
          })}
        </ul>
        <div className="stack">
          <button type="button" className="btn" onClick={() => void controller.newNotebook(t('untitled'))}>
            + {t('newNotebook')}
          </button>
          <button type="button" className="btn" onClick={() => openInput.current?.click()}>
            {t('openFile')}
          </button>
          <input ref={openInput} type="file" accept=".ipynb,application/json,application/x-ipynb+json" hidden data-testid="open-notebook" onChange={(e) => e.target.files && onOpenFiles(e.target.files)} />
          <button
            type="button"
            className="btn"
            data-action="export"
            onClick={() => downloadText(controller.serialize(), safeFileName(state.doc?.title || 'notebook', 'ipynb'), 'application/x-ipynb+json')}
            disabled={!state.doc}
          >
            {t('exportIpynb')}
          </button>
        </div>
      </section>

      <section>
        <h2>{t('files')}</h2>
        <ul className="nav-list files">
          {state.files.map((f) => (
            <li key={f.id} className="with-action" data-file-id={f.id}>
              <span className="file-name" title={`${f.name} · ${bytes(f.size)}`}>
                {f.name} <span className="muted small">{bytes(f.size)}</span>
              </span>
              {/\.zip$/i.test(f.name) && state.kinds.some((k) => k.kind === 'predict') ? (
                <button type="button" className="btn small ghost" data-action="add-predict-cell" onClick={() => controller.addPredictCellFor(f)}>
                  {t('addPredictCell')}
                </button>
              ) : state.kinds.some((k) => k.kind === 'load') && (
                <button type="button" className="btn small ghost" onClick={() => controller.addLoadCellFor(f)}>
                  {t('addLoadCell')}
                </button>
              )}
              <button type="button" className="btn icon ghost" aria-label={`${t('delete')} ${f.name}`} onClick={() => void controller.deleteFile(f.id)}>
                ×
              </button>
            </li>
          ))}
        </ul>
        <button type="button" className="btn" onClick={() => uploadInput.current?.click()}>
          {t('upload')}
        </button>
        <p className="muted small">{t('uploadHint')}</p>
        <input
          ref={uploadInput}
          type="file"
          multiple
          accept=".csv,.tsv,.txt,.json,.jsonl,.zip,text/csv,application/json,application/zip"
          hidden
          data-testid="upload-data"
          onChange={(e) => {
            if (e.target.files) for (const f of Array.from(e.target.files)) void controller.uploadFile(f).catch((err: Error) => controller.notify(err.message));
            e.target.value = '';
          }}
        />
      </section>

      <section>
        <h2>{t('models')}</h2>
        {state.models.length === 0 && <p className="muted small">{t('noModels')}</p>}
        <ul className="nav-list files" data-testid="saved-models">
          {state.models.map((m) => (
            <li key={m.id} className="with-action" data-model={m.name}>
              <span className="file-name" title={`${m.name} · ${m.kind} · ${bytes(m.size)} · ${new Date(m.createdAt).toLocaleString()}`}>
                {m.name} <span className="muted small">{m.kind} · {bytes(m.size)} · {new Date(m.createdAt).toLocaleDateString()}</span>
              </span>
              <button
                type="button"
                className="btn icon ghost"
                data-action="download-model"
                aria-label={`${t('downloadModel')} ${m.name}`}
                title={t('downloadModelTitle')}
                onClick={() => void import('./exportModel.ts').then((m2) => m2.downloadModelWithNotice(controller, m.name), (e: Error) => controller.notify(e.message))}
              >
                ⤓
              </button>
              <button type="button" className="btn icon ghost" data-action="delete-model" aria-label={`${t('delete')} ${m.name}`} onClick={() => void controller.deleteModel(m.id).catch((e: Error) => controller.notify(e.message))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      </section>

      <section className="sidebar-foot">
        {state.storage && (
          <p className="small muted" data-testid="storage">
            {t('storage')}: {t('storageUse', { used: bytes(state.storage.usage), quota: bytes(state.storage.quota) })} · {state.storage.persisted ? t('persisted') : t('notPersisted')}
          </p>
        )}
        <label className="small">
          {t('language')}{' '}
          <select className="input" value={getLang()} onChange={(e) => setLang(e.target.value as Lang)} data-testid="language">
            <option value="en">English</option>
            <option value="ko">한국어</option>
          </select>
        </label>
      </section>
    </aside>
  );
}
