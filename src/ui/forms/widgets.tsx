// Field widgets of the generated forms, one per kind of value: numbers with
// practical ranges, lists of sizes (add/remove), column pickers that show
// each column's type, a preset-or-per-class table (class weights), enum
// chips, and free text lists. JSON text is the last resort for shapes none
// of these fit.
import { useEffect, useState } from 'react';
import { useAuthoringT } from '../i18n-authoring.ts';
import { columnTypeLabel, type MessageKey } from '../i18n.ts';

export interface Column {
  name: string;
  type?: string;
}

interface NumberInputProps {
  value: unknown;
  onChange: (v: unknown) => void;
  integer: boolean;
  min?: number;
  max?: number;
  id?: string;
  describedBy?: string;
  invalid?: boolean;
  label?: string;
}

export function NumberInput({ value, onChange, integer, min, max, id, describedBy, invalid, label }: NumberInputProps) {
  const [text, setText] = useState(value === undefined || value === null ? '' : String(value));
  useEffect(() => {
    // Follow outside changes (undo) unless they are what the text already says.
    setText((old) => (Number(old) === value && old.trim() !== '' ? old : value === undefined || value === null ? '' : String(value)));
  }, [value]);
  return (
    <input
      id={id}
      type="number"
      inputMode="decimal"
      className="input"
      value={text}
      min={min}
      max={max}
      step={integer ? 1 : 'any'}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      aria-label={label}
      onChange={(e) => {
        const t = e.target.value;
        setText(t);
        if (t.trim() === '') onChange(undefined);
        else if (Number.isFinite(Number(t))) onChange(Number(t));
        else onChange(t);
      }}
    />
  );
}

/** Layer sizes, filters: one number per entry, added and removed one at a time. */
export function NumberList({ value, onChange, integer, min, max, id, name }: { value: unknown; onChange: (v: unknown) => void; integer: boolean; min?: number; max?: number; id: string; name: string }) {
  const t = useAuthoringT();
  const list = Array.isArray(value) ? (value as unknown[]) : [];
  const fallback = list.length ? Number(list[list.length - 1]) || 16 : 16;
  return (
    <div className="number-list" id={id} role="group" aria-label={name}>
      {list.map((v, i) => (
        <span key={i} className="number-list-item">
          <NumberInput value={v} integer={integer} min={min} max={max} label={`${name} ${i + 1}`} onChange={(n) => onChange(list.map((x, k) => (k === i ? n : x)))} />
          <button type="button" className="btn icon" aria-label={`${t('removeItem')} ${name} ${i + 1}`} onClick={() => onChange(list.filter((_, k) => k !== i))}>
            ×
          </button>
        </span>
      ))}
      <button type="button" className="btn small" data-action="add-item" onClick={() => onChange([...list, fallback])}>
        + {t('addItem')}
      </button>
    </div>
  );
}

/** A column with its type in the UI language (the same words as the table's type badges). */
function columnText(c: Column, t: (key: MessageKey) => string): string {
  return c.type ? `${c.name} · ${columnTypeLabel(c.type, t)}` : c.name;
}

/** One column of the input table (its type beside its name); free text when the columns are not known yet. */
export function ColumnPicker({ value, onChange, columns, id, describedBy, invalid, optional, path }: { value: unknown; onChange: (v: unknown) => void; columns: Column[]; id: string; describedBy?: string; invalid?: boolean; optional: boolean; path: string }) {
  const t = useAuthoringT();
  const current = typeof value === 'string' ? value : '';
  if (!columns.length) {
    return <input id={id} className="input" value={current} aria-invalid={invalid || undefined} aria-describedby={describedBy} placeholder={t('noColumns')} data-field={path} onChange={(e) => onChange(e.target.value)} />;
  }
  const known = columns.some((c) => c.name === current);
  return (
    <select id={id} className="input" value={current} aria-invalid={invalid || undefined} aria-describedby={describedBy} data-field={path} onChange={(e) => onChange(e.target.value === '' && optional ? undefined : e.target.value)}>
      <option value="">{t('none')}</option>
      {current && !known && <option value={current}>{current} (?)</option>}
      {columns.map((c) => (
        <option key={c.name} value={c.name}>{columnText(c, t)}</option>
      ))}
    </select>
  );
}

/** Several columns: the chosen ones as chips; the full list opens on demand (a wide table is many checkboxes). */
export function ColumnsPicker({ value, onChange, columns, id, emptyMeans }: { value: unknown; onChange: (v: unknown) => void; columns: Column[]; id: string; emptyMeans?: string }) {
  const t = useAuthoringT();
  const list = Array.isArray(value) ? (value as unknown[]).map(String) : [];
  const [open, setOpen] = useState(false);
  if (!columns.length) return <StringList value={value} onChange={onChange} id={id} />;
  const toggle = (name: string) => onChange(list.includes(name) ? list.filter((v) => v !== name) : [...list, name]);
  return (
    <div className="columns-picker" id={id}>
      <div className="chips">
        {list.length === 0 && <span className="muted">{emptyMeans ?? t('none')}</span>}
        {list.map((v) => (
          <span key={v} className="chip on">
            {v}
            <button type="button" className="chip-remove" aria-label={`${t('removeItem')} ${v}`} onClick={() => toggle(v)}>×</button>
          </span>
        ))}
        <button type="button" className="btn small ghost" aria-expanded={open} data-action="choose-columns" onClick={() => setOpen(!open)}>
          {open ? t('done') : `${t('edit')} (${columns.length})`}
        </button>
      </div>
      {open && (
        <div className="chips" role="group">
          {columns.map((c) => {
            const on = list.includes(c.name);
            return (
              <label key={c.name} className={`chip${on ? ' on' : ''}`}>
                <input type="checkbox" checked={on} onChange={() => toggle(c.name)} />
                {columnText(c, t)}
              </label>
            );
          })}
        </div>
      )}
    </div>
  );
}

/** Chips for an array of enum values (e.g. correlation methods). */
export function EnumChips({ value, onChange, options, id, labelOf = String }: { value: unknown; onChange: (v: unknown) => void; options: string[]; id: string; labelOf?: (option: string) => string }) {
  const list = Array.isArray(value) ? (value as unknown[]).map(String) : [];
  return (
    <div className="chips" role="group" id={id}>
      {options.map((o) => {
        const on = list.includes(o);
        return (
          <label key={o} className={`chip${on ? ' on' : ''}`}>
            <input type="checkbox" checked={on} onChange={() => onChange(on ? list.filter((v) => v !== o) : [...list, o])} />
            {labelOf(o)}
          </label>
        );
      })}
    </div>
  );
}

/** Free strings (values read as missing, names): a list with add and remove. */
export function StringList({ value, onChange, id, options = [] }: { value: unknown; onChange: (v: unknown) => void; id: string; options?: string[] }) {
  const t = useAuthoringT();
  const list = Array.isArray(value) ? (value as unknown[]).map(String) : [];
  const [draft, setDraft] = useState('');
  const add = () => {
    const v = draft.trim();
    if (v && !list.includes(v)) onChange([...list, v]);
    setDraft('');
  };
  return (
    <div className="string-list" id={id}>
      {list.length > 0 && (
        <ul className="list-items">
          {list.map((v, i) => (
            <li key={`${v}-${i}`}>
              <code>{v === '' ? '""' : v}</code>
              <button type="button" className="btn icon" aria-label={`${t('remove')} ${v}`} onClick={() => onChange(list.filter((x) => x !== v))}>×</button>
            </li>
          ))}
        </ul>
      )}
      <div className="list-add">
        <input
          className="input"
          value={draft}
          list={options.length ? `${id}-options` : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              e.stopPropagation();
              add();
            }
          }}
          aria-label={t('add')}
        />
        <button type="button" className="btn small" onClick={add}>{t('add')}</button>
        {options.length > 0 && (
          <datalist id={`${id}-options`}>
            {options.map((o) => <option key={o} value={o} />)}
          </datalist>
        )}
      </div>
    </div>
  );
}

const CUSTOM = '__per_class__';

/** A preset name (none, balanced, …) or a table of label → weight (class weights); absent = the first preset. */
export function PresetOrMap({ value, onChange, presets, id, presetLabels }: { value: unknown; onChange: (v: unknown) => void; presets: string[]; id: string; presetLabels: Record<string, string> }) {
  const t = useAuthoringT();
  const map = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, number>) : undefined;
  const entries = map ? Object.entries(map) : [];
  const mode = map ? CUSTOM : typeof value === 'string' ? value : presets[0];
  const [draft, setDraft] = useState('');
  return (
    <div className="preset-or-map" id={id}>
      <select className="input" value={mode} aria-label={t('classWeightsCustom')} onChange={(e) => onChange(e.target.value === CUSTOM ? {} : e.target.value === 'none' ? undefined : e.target.value)}>
        {presets.map((p) => <option key={p} value={p}>{presetLabels[p] ?? p}</option>)}
        <option value={CUSTOM}>{t('classWeightsCustom')}</option>
      </select>
      {map && (
        <table className="weights-table">
          <thead>
            <tr><th>{t('classWeightClass')}</th><th>{t('classWeightWeight')}</th><th /></tr>
          </thead>
          <tbody>
            {entries.map(([k, w]) => (
              <tr key={k}>
                <td><code>{k}</code></td>
                <td><NumberInput value={w} integer={false} min={0} label={`${t('classWeightWeight')} ${k}`} onChange={(n) => onChange({ ...map, [k]: n })} /></td>
                <td>
                  <button type="button" className="btn icon" aria-label={`${t('removeItem')} ${k}`} onClick={() => onChange(Object.fromEntries(entries.filter(([x]) => x !== k)))}>×</button>
                </td>
              </tr>
            ))}
            <tr>
              <td><input className="input" value={draft} aria-label={t('classWeightClass')} onChange={(e) => setDraft(e.target.value)} /></td>
              <td colSpan={2}>
                <button type="button" className="btn small" disabled={!draft.trim() || draft.trim() in map} onClick={() => { onChange({ ...map, [draft.trim()]: 1 }); setDraft(''); }}>
                  + {t('addItem')}
                </button>
              </td>
            </tr>
          </tbody>
        </table>
      )}
    </div>
  );
}

/** Last resort: a value as JSON text (shapes no widget fits). */
export function JsonField({ value, onChange, id }: { value: unknown; onChange: (v: unknown) => void; id: string }) {
  const [text, setText] = useState(() => JSON.stringify(value ?? null, null, 1));
  const [bad, setBad] = useState(false);
  return (
    <>
      <textarea
        id={id}
        className="input mono"
        rows={Math.min(8, text.split('\n').length + 1)}
        value={text}
        aria-invalid={bad || undefined}
        onChange={(e) => {
          setText(e.target.value);
          try {
            onChange(JSON.parse(e.target.value));
            setBad(false);
          } catch {
            setBad(true);
          }
        }}
      />
      {bad && <div className="field-error">JSON</div>}
    </>
  );
}
