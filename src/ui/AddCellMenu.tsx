// Adding a cell: the likely next steps as buttons, and a menu of every step
// grouped by the workflow with a search box (document/steps.ts).
import { useEffect, useMemo, useRef, useState } from 'react';
import type { KindInfo } from '../worker/protocol.ts';
import { groupKinds, searchKinds, suggestedNext } from './document/steps.ts';
import { kindLabel, useAuthoringT } from './i18n-authoring.ts';

export function AddCellMenu({ kinds, previousKind, onAdd }: { kinds: KindInfo[]; previousKind: string | undefined; onAdd: (kind: string) => void }) {
  const t = useAuthoringT();
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const box = useRef<HTMLDivElement>(null);
  const suggested = useMemo(() => suggestedNext(previousKind, kinds), [previousKind, kinds]);
  const groups = useMemo(() => groupKinds(searchKinds(query, kinds, kindLabel)), [query, kinds]);

  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [open]);

  const add = (kind: string) => {
    setOpen(false);
    setQuery('');
    onAdd(kind);
  };

  return (
    <div className="add-cell" role="group" aria-label={t('addCell')} ref={box}>
      {suggested.length > 0 && <span className="muted">{t('addCellSuggested')}:</span>}
      {suggested.map((k) => (
        <button key={k.kind} type="button" className="btn small" title={k.description} data-add-kind={k.kind} data-suggested="true" onClick={() => add(k.kind)}>
          + {kindLabel(k)}
        </button>
      ))}
      <button type="button" className="btn small ghost" data-action="add-step" aria-expanded={open} aria-haspopup="dialog" onClick={() => setOpen(!open)}>
        + {t('addCellMore')} ▾
      </button>
      {open && (
        <div className="add-menu" role="dialog" aria-label={t('addCellMore')}>
          <input
            className="input"
            type="search"
            autoFocus
            value={query}
            placeholder={t('addCellSearch')}
            aria-label={t('addCellSearch')}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setOpen(false);
              const first = groups[0]?.kinds[0];
              if (e.key === 'Enter' && first) add(first.kind);
            }}
          />
          {groups.length === 0 && <p className="muted">{t('addCellNone', { q: query })}</p>}
          <div className="add-menu-groups">
            {groups.map((g) => (
              <section key={g.group} className="add-menu-group" aria-label={t(`group_${g.group}`)}>
                <h4>{t(`group_${g.group}`)}</h4>
                {g.kinds.map((k) => (
                  <button key={k.kind} type="button" className="btn small ghost" title={k.description} data-add-kind={k.kind} onClick={() => add(k.kind)}>
                    {kindLabel(k)}
                  </button>
                ))}
              </section>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
