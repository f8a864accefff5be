// One field of a generated form: the widget is chosen by the field's schema
// type (and, for strings, by what the name refers to: a column, a table, a
// file), with its label, practical range, help and inline validation.
// ObjectFields lays out an object's fields with the kind's hints: fields that
// do not apply to the current choices are hidden, the rest split into basic
// and "Advanced".
import { useId, useState, type ReactNode } from 'react';
import type { ParamIssue } from '../../kernel/params.ts';
import { useAuthoringT } from '../i18n-authoring.ts';
import { issueText } from '../i18n-issues.ts';
import { placement } from './hints.ts';
import { fieldHelp, fieldLabel, fieldWhere, optionLabel } from './labels.ts';
import { COLUMN_FIELD, constOf, discriminator, initialValue, issuesAt, practicalRange, presetOrMap, resolve, TABLE_FIELD, typeOf, unwrap, type JSONSchema } from './schema.ts';
import { ColumnPicker, ColumnsPicker, EnumChips, JsonField, NumberInput, NumberList, PresetOrMap, StringList, type Column } from './widgets.tsx';

export interface FormContext {
  root: JSONSchema;
  kind?: string;
  /** The cell's whole params (hints decide by them). */
  params: Record<string, unknown>;
  issues: ParamIssue[];
  columns: Column[];
  tables: string[];
  datasets: string[];
  files: { id: string; name: string }[];
}

function Issues({ issues, id }: { issues: ParamIssue[]; id: string }) {
  if (!issues.length) return null;
  return (
    <div className="field-error" id={id} role="alert">
      {issues.map((i, k) => <div key={k}>{issueText(i)}</div>)}
    </div>
  );
}

interface FieldProps {
  name: string;
  schema: JSONSchema;
  value: unknown;
  onChange: (v: unknown) => void;
  path: string;
  ctx: FormContext;
  required?: boolean;
}

export function Field({ name, schema: raw, value, onChange, path, ctx, required = false }: FieldProps) {
  const t = useAuthoringT();
  const id = useId();
  const errId = `${id}-err`;
  const { schema } = unwrap(raw, ctx.root);
  const type = typeOf(schema);
  const own = issuesAt(ctx.issues, path);
  const invalid = own.length > 0;
  const describedBy = invalid ? errId : undefined;
  const where = fieldWhere(ctx.kind, path);
  const help = fieldHelp(schema.description);
  const shownLabel = fieldLabel(name, where);
  const alts = schema.oneOf ?? schema.anyOf;
  const shown = value === undefined ? schema.default : value;
  let range = '';

  let control: ReactNode;
  const presets = alts ? presetOrMap(schema, ctx.root) : undefined;
  if (presets) {
    const presetLabels = Object.fromEntries(presets.presets.map((p) => [p, p === 'none' ? t('classWeightsNone') : p === 'balanced' ? t('classWeightsBalanced') : optionLabel(p)]));
    control = <PresetOrMap value={shown} onChange={onChange} presets={presets.presets} id={id} presetLabels={presetLabels} />;
  } else if (alts && alts.length > 1) {
    const disc = discriminator(alts, ctx.root);
    if (disc) {
      const current = (shown ?? {}) as Record<string, unknown>;
      const options = alts.map((a) => String(constOf(resolve(a, ctx.root).properties![disc], ctx.root)));
      const active = alts[Math.max(0, options.indexOf(String(current[disc])))];
      return (
        <fieldset className="field group">
          <legend title={help}>{shownLabel}</legend>
          {help && <p className="help">{help}</p>}
          <div className="field">
            <label htmlFor={id}>{fieldLabel(disc, `${where}.${disc}`)}</label>
            <select
              id={id}
              className="input"
              value={String(current[disc] ?? options[0])}
              onChange={(e) => onChange({ ...(initialValue(alts[options.indexOf(e.target.value)], ctx.root) as object), [disc]: e.target.value })}
            >
              {options.map((o) => <option key={o} value={o}>{optionLabel(o)}</option>)}
            </select>
          </div>
          <ObjectFields schema={resolve(active, ctx.root)} value={current} onChange={onChange} path={path} ctx={ctx} skip={[disc]} />
          <Issues issues={own} id={errId} />
        </fieldset>
      );
    }
    control = <JsonField value={shown} onChange={onChange} id={id} />;
  } else if (schema.enum || schema.const !== undefined) {
    const options = schema.enum ?? [schema.const];
    control = (
      <select id={id} className="input" value={String(shown ?? '')} aria-invalid={invalid || undefined} aria-describedby={describedBy} onChange={(e) => onChange(options.find((o) => String(o) === e.target.value))}>
        {options.map((o) => <option key={String(o)} value={String(o)}>{optionLabel(o)}</option>)}
      </select>
    );
  } else if (type === 'boolean') {
    return (
      <div className="field toggle-field">
        <label className="toggle">
          <input type="checkbox" role="switch" checked={Boolean(shown)} onChange={(e) => onChange(e.target.checked)} aria-describedby={describedBy} />
          <span className="toggle-track" aria-hidden />
          <span>{shownLabel}</span>
        </label>
        {help && <p className="help">{help}</p>}
        <Issues issues={own} id={errId} />
      </div>
    );
  } else if (type === 'number' || type === 'integer') {
    const { min, max } = practicalRange(name, schema);
    if (min !== undefined || max !== undefined) range = ` (${t('range', { min: min ?? '…', max: max ?? '…' })})`;
    control = <NumberInput value={value ?? schema.default} onChange={onChange} integer={type === 'integer'} min={min} max={max} id={id} describedBy={describedBy} invalid={invalid} />;
  } else if (type === 'string') {
    control = <StringField name={name} value={shown} onChange={onChange} path={path} ctx={ctx} id={id} describedBy={describedBy} invalid={invalid} optional={!required} />;
  } else if (type === 'array') {
    const items = unwrap(resolve(schema.items, ctx.root), ctx.root).schema;
    const itemType = typeOf(items);
    if (itemType === 'string' && items.enum) control = <EnumChips value={shown} onChange={onChange} options={items.enum.map(String)} id={id} labelOf={optionLabel} />;
    else if (itemType === 'string' && COLUMN_FIELD.test(name)) control = <ColumnsPicker value={shown} onChange={onChange} columns={ctx.columns} id={id} emptyMeans={help?.match(/(?:empty means|비워 두면) ([^.;]+)/i)?.[1]} />;
    else if (itemType === 'string') control = <StringList value={shown} onChange={onChange} id={id} options={TABLE_FIELD.test(name) ? ctx.tables : []} />;
    else if (itemType === 'number' || itemType === 'integer') {
      const { min, max } = practicalRange(name, items);
      control = <NumberList value={shown} onChange={onChange} integer={itemType === 'integer'} min={min} max={max} id={id} name={shownLabel} />;
    } else return <ArrayOfObjects name={name} schema={schema} value={shown} onChange={onChange} path={path} ctx={ctx} help={help} />;
  } else if (type === 'object' && schema.properties) {
    return (
      <fieldset className="field group">
        <legend>{shownLabel}</legend>
        {help && <p className="help">{help}</p>}
        <ObjectFields schema={schema} value={(shown ?? {}) as Record<string, unknown>} onChange={onChange} path={path} ctx={ctx} />
      </fieldset>
    );
  } else {
    control = <JsonField value={shown} onChange={onChange} id={id} />;
  }

  return (
    <div className={`field${invalid ? ' invalid' : ''}`} data-param={path}>
      <label htmlFor={id}>
        {shownLabel}
        {range && <span className="muted">{range}</span>}
      </label>
      {control}
      {help && <p className="help">{help}</p>}
      <Issues issues={own} id={errId} />
    </div>
  );
}

function StringField({ name, value, onChange, path, ctx, id, describedBy, invalid, optional }: { name: string; value: unknown; onChange: (v: unknown) => void; path: string; ctx: FormContext; id: string; describedBy?: string; invalid: boolean; optional: boolean }) {
  const t = useAuthoringT();
  if (name === 'fileId' && ctx.files.length) {
    return (
      <select id={id} className="input" value={String(value ?? '')} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('none')}</option>
        {ctx.files.map((f) => <option key={f.id} value={f.id}>{f.name}</option>)}
      </select>
    );
  }
  // A column of the input table (not the table names themselves).
  if (COLUMN_FIELD.test(name) && !TABLE_FIELD.test(name) && path.split('.').length <= 3) {
    return <ColumnPicker value={value} onChange={onChange} columns={ctx.columns} id={id} describedBy={describedBy} invalid={invalid} optional={optional} path={path} />;
  }
  const options = TABLE_FIELD.test(name) ? ctx.tables : name === 'name' && path.endsWith('source.name') ? ctx.datasets : [];
  const long = (typeof value === 'string' && value.includes('\n')) || name === 'expression' || name === 'text';
  if (long) return <textarea id={id} className="input mono" rows={3} value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} aria-invalid={invalid || undefined} aria-describedby={describedBy} />;
  return (
    <>
      <input id={id} className="input" value={String(value ?? '')} list={options.length ? `${id}-list` : undefined} aria-invalid={invalid || undefined} aria-describedby={describedBy} onChange={(e) => onChange(e.target.value)} data-field={path} />
      {options.length > 0 && (
        <datalist id={`${id}-list`}>
          {options.map((o) => <option key={o} value={o} />)}
        </datalist>
      )}
    </>
  );
}

function ArrayOfObjects({ name, schema, value, onChange, path, ctx, help }: { name: string; schema: JSONSchema; value: unknown; onChange: (v: unknown) => void; path: string; ctx: FormContext; help?: string }) {
  const t = useAuthoringT();
  const list = Array.isArray(value) ? (value as unknown[]) : [];
  const items = resolve(schema.items, ctx.root);
  const alts = items.oneOf ?? items.anyOf;
  const disc = alts ? discriminator(alts, ctx.root) : undefined;
  const variants = alts && disc ? alts.map((a) => String(constOf(resolve(a, ctx.root).properties![disc], ctx.root))) : [];
  const [variant, setVariant] = useState(variants[0] ?? '');
  const add = () => {
    if (alts && disc) onChange([...list, { ...(initialValue(alts[Math.max(0, variants.indexOf(variant))], ctx.root) as object), [disc]: variant }]);
    else onChange([...list, initialValue(items, ctx.root)]);
  };
  const move = (i: number, d: number) => {
    const j = i + d;
    if (j < 0 || j >= list.length) return;
    const next = [...list];
    [next[i], next[j]] = [next[j], next[i]];
    onChange(next);
  };
  return (
    <fieldset className="field group">
      <legend>{fieldLabel(name, fieldWhere(ctx.kind, path))}</legend>
      {help && <p className="help">{help}</p>}
      <ol className="object-list">
        {list.map((item, i) => (
          <li key={i} className="object-item">
            <div className="object-item-bar">
              <span className="muted">{i + 1}{disc ? ` · ${optionLabel((item as Record<string, unknown>)?.[disc] ?? '')}` : ''}</span>
              <button type="button" className="btn icon" aria-label={t('moveUp')} onClick={() => move(i, -1)}>↑</button>
              <button type="button" className="btn icon" aria-label={t('moveDown')} onClick={() => move(i, 1)}>↓</button>
              <button type="button" className="btn icon" aria-label={t('remove')} onClick={() => onChange(list.filter((_, k) => k !== i))}>×</button>
            </div>
            <Field name={`${name} ${i + 1}`} schema={items} value={item} onChange={(v) => onChange(list.map((x, k) => (k === i ? v : x)))} path={`${path}.${i}`} ctx={ctx} />
          </li>
        ))}
      </ol>
      <div className="list-add">
        {variants.length > 0 && (
          <select className="input" value={variant} onChange={(e) => setVariant(e.target.value)} aria-label={fieldLabel(disc!, `${fieldWhere(ctx.kind, path)}.${disc}`)}>
            {variants.map((v) => <option key={v} value={v}>{optionLabel(v)}</option>)}
          </select>
        )}
        <button type="button" className="btn small" onClick={add}>+ {t('add')}</button>
      </div>
      <Issues issues={issuesAt(ctx.issues, path)} id={`${path}-err`} />
    </fieldset>
  );
}

/** The path of a field relative to the params object ("gbdt.lambda"), for hints. */
function hintPath(path: string): string {
  return path.replace(/^params\./, '');
}

export function ObjectFields({ schema, value, onChange, path, ctx, skip = [] }: { schema: JSONSchema; value: Record<string, unknown>; onChange: (v: Record<string, unknown>) => void; path: string; ctx: FormContext; skip?: string[] }) {
  const t = useAuthoringT();
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const entries = Object.entries(schema.properties ?? {}).filter(([k]) => !skip.includes(k));
  const required = new Set(schema.required ?? []);
  const placed = entries.map(([key, sub]) => ({ key, sub, where: placement(ctx.kind, hintPath(`${path}.${key}`), unwrap(sub, ctx.root).schema, entries.length, ctx.params, required.has(key)) }));
  // A field with a problem is never hidden under Advanced.
  const withIssue = (key: string) => issuesAt(ctx.issues, `${path}.${key}`, false).length > 0;
  const basic = placed.filter((p) => p.where === 'basic' || (p.where === 'advanced' && withIssue(p.key)));
  const advanced = placed.filter((p) => p.where === 'advanced' && !withIssue(p.key));
  const render = ({ key, sub }: { key: string; sub: JSONSchema }) => (
    <Field
      key={key}
      name={key}
      schema={sub}
      value={value?.[key]}
      path={`${path}.${key}`}
      ctx={ctx}
      required={required.has(key)}
      onChange={(v) => {
        const next = { ...value };
        if (v === undefined) delete next[key];
        else next[key] = v;
        // Choosing an upload also names it (the load cell reads the format from the name; messages show it).
        const upload = key === 'fileId' && schema.properties?.fileName ? ctx.files.find((f) => f.id === v) : undefined;
        if (upload) next.fileName = upload.name;
        onChange(next);
      }}
    />
  );
  return (
    <div className="fields">
      {basic.map(render)}
      {advanced.length > 0 && (
        <div className="advanced">
          <button type="button" className="btn small ghost advanced-toggle" aria-expanded={advancedOpen} data-action="advanced" onClick={() => setAdvancedOpen(!advancedOpen)}>
            {advancedOpen ? '▾' : '▸'} {t('advancedCount', { n: advanced.length })}
          </button>
          {advancedOpen && <div className="fields">{advanced.map(render)}</div>}
        </div>
      )}
    </div>
  );
}
