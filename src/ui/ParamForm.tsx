// A form generated from a cell kind's params schema (zod → JSON Schema, sent
// by the worker). Strings, numbers with ranges, enums as selects, booleans as
// toggles, arrays as lists, objects and discriminated unions recursively;
// fields named like columns offer the input table's columns. Validation
// messages come from the worker's safeParse of the whole params, by path.
import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import type { ParamIssue } from '../kernel/params.ts';
import type { ValueSummary } from '../kernel/state.ts';
import { useT } from './i18n.ts';

type JSONSchema = {
  type?: string | string[];
  properties?: Record<string, JSONSchema>;
  required?: string[];
  items?: JSONSchema;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  title?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  anyOf?: JSONSchema[];
  oneOf?: JSONSchema[];
  additionalProperties?: JSONSchema | boolean;
  $ref?: string;
  $defs?: Record<string, JSONSchema>;
  definitions?: Record<string, JSONSchema>;
};

interface Ctx {
  root: JSONSchema;
  issues: ParamIssue[];
  columns: string[];
  tables: string[];
  datasets: string[];
  files: { id: string; name: string }[];
}

const COLUMN_FIELD = /(^|_)(columns?|cols?|x|y|target|label|features?|color|by|groupBy|group|on|key|time|date|id)$|Column$|Columns$/i;
const TABLE_FIELD = /^(input|inputs|table|train|test|valid|data|from)$/i;

function resolve(schema: JSONSchema | undefined, root: JSONSchema): JSONSchema {
  let s = schema ?? {};
  for (let i = 0; i < 8 && s.$ref; i++) {
    const m = /^#\/(\$defs|definitions)\/(.+)$/.exec(s.$ref);
    const target = m ? (m[1] === '$defs' ? root.$defs : root.definitions)?.[decodeURIComponent(m[2])] : undefined;
    if (!target) break;
    const { $ref: _ref, ...rest } = s;
    s = { ...target, ...rest };
  }
  return s;
}

/** Remove null from a union: a nullable field is shown as its non-null type. */
function unwrap(schema: JSONSchema, root: JSONSchema): { schema: JSONSchema; nullable: boolean } {
  const s = resolve(schema, root);
  const alts = s.anyOf ?? s.oneOf;
  if (alts) {
    const nonNull = alts.filter((a) => resolve(a, root).type !== 'null');
    if (nonNull.length === 1 && nonNull.length < alts.length) {
      const { anyOf: _a, oneOf: _o, ...rest } = s;
      return { schema: { ...resolve(nonNull[0], root), ...rest }, nullable: true };
    }
  }
  return { schema: s, nullable: false };
}

function typeOf(s: JSONSchema): string | undefined {
  if (Array.isArray(s.type)) return s.type.find((t) => t !== 'null');
  if (s.type) return s.type;
  if (s.enum) return 'enum';
  if (s.properties) return 'object';
  return undefined;
}

/** A discriminated union: every alternative is an object with a const-valued property in common. */
function discriminator(alts: JSONSchema[], root: JSONSchema): string | undefined {
  const objs = alts.map((a) => resolve(a, root));
  if (!objs.every((o) => o.properties)) return undefined;
  const candidates = Object.keys(objs[0].properties!).filter((k) => objs.every((o) => {
    const p = resolve(o.properties![k], root);
    return p && (p.const !== undefined || (p.enum && p.enum.length === 1));
  }));
  return candidates[0];
}

function constOf(s: JSONSchema | undefined, root: JSONSchema): unknown {
  const r = resolve(s, root);
  return r.const !== undefined ? r.const : r.enum?.[0];
}

function initialValue(schema: JSONSchema, root: JSONSchema): unknown {
  const { schema: s } = unwrap(schema, root);
  if (s.default !== undefined) return structuredClone(s.default);
  if (s.const !== undefined) return s.const;
  const alts = s.oneOf ?? s.anyOf;
  if (alts?.length) return initialValue(alts[0], root);
  switch (typeOf(s)) {
    case 'string': return '';
    case 'number':
    case 'integer': return s.minimum ?? 0;
    case 'boolean': return false;
    case 'array': return [];
    case 'enum': return s.enum?.[0];
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [k, p] of Object.entries(s.properties ?? {})) {
        const v = initialValue(p, root);
        if (v !== undefined) out[k] = v;
      }
      return out;
    }
  }
  return undefined;
}

function label(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
}

function issuesAt(ctx: Ctx, path: string, exact = true): ParamIssue[] {
  return ctx.issues.filter((i) => (exact ? i.path === path : i.path === path || i.path.startsWith(path + '.')));
}

function Issues({ issues, id }: { issues: ParamIssue[]; id: string }) {
  if (!issues.length) return null;
  return (
    <div className="field-error" id={id} role="alert">
      {issues.map((i, k) => (
        <div key={k}>{i.message}</div>
      ))}
    </div>
  );
}

function NumberInput({ value, onChange, schema, id, describedBy, invalid }: { value: unknown; onChange: (v: unknown) => void; schema: JSONSchema; id: string; describedBy?: string; invalid: boolean }) {
  const [text, setText] = useState(value === undefined || value === null ? '' : String(value));
  useEffect(() => {
    // Follow outside changes unless they are what the text already says.
    setText((old) => (Number(old) === value && old.trim() !== '' ? old : value === undefined || value === null ? '' : String(value)));
  }, [value]);
  const min = schema.minimum ?? schema.exclusiveMinimum;
  const max = schema.maximum ?? schema.exclusiveMaximum;
  const step = typeOf(schema) === 'integer' ? 1 : 'any';
  return (
    <input
      id={id}
      type="number"
      inputMode="decimal"
      className="input"
      value={text}
      min={min}
      max={max}
      step={step}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
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

function StringList({ value, onChange, options, id }: { value: unknown; onChange: (v: unknown) => void; options: string[]; id: string }) {
  const t = useT();
  const list = Array.isArray(value) ? (value as unknown[]).map(String) : [];
  const [draft, setDraft] = useState('');
  const listId = `${id}-options`;
  const extra = list.filter((v) => !options.includes(v));
  const add = () => {
    const v = draft.trim();
    if (v && !list.includes(v)) onChange([...list, v]);
    setDraft('');
  };
  return (
    <div className="string-list" id={id}>
      {options.length > 0 && (
        <div className="chips" role="group">
          {options.map((o) => {
            const on = list.includes(o);
            return (
              <label key={o} className={`chip${on ? ' on' : ''}`}>
                <input type="checkbox" checked={on} onChange={() => onChange(on ? list.filter((v) => v !== o) : [...list, o])} />
                {o}
              </label>
            );
          })}
        </div>
      )}
      {(extra.length > 0 || options.length === 0) && (
        <ul className="list-items">
          {(options.length ? extra : list).map((v, i) => (
            <li key={`${v}-${i}`}>
              <code>{v === '' ? '""' : v}</code>
              <button type="button" className="btn icon" aria-label={`${t('remove')} ${v}`} onClick={() => onChange(list.filter((x) => x !== v))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="list-add">
        <input
          className="input"
          list={options.length ? listId : undefined}
          value={draft}
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
        <button type="button" className="btn small" onClick={add}>
          {t('add')}
        </button>
        {options.length > 0 && (
          <datalist id={listId}>
            {options.map((o) => (
              <option key={o} value={o} />
            ))}
          </datalist>
        )}
      </div>
    </div>
  );
}

function JsonField({ value, onChange, id }: { value: unknown; onChange: (v: unknown) => void; id: string }) {
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

interface FieldProps {
  name: string;
  schema: JSONSchema;
  value: unknown;
  onChange: (v: unknown) => void;
  path: string;
  ctx: Ctx;
  required?: boolean;
}

function Field({ name, schema: raw, value, onChange, path, ctx }: FieldProps) {
  const t = useT();
  const id = useId();
  const errId = `${id}-err`;
  const { schema } = unwrap(raw, ctx.root);
  const type = typeOf(schema);
  const own = issuesAt(ctx, path);
  const invalid = own.length > 0;
  const describedBy = invalid ? errId : undefined;
  const help = schema.description;
  const alts = schema.oneOf ?? schema.anyOf;
  const shown = value === undefined ? schema.default : value;

  let control: ReactNode;
  if (alts && alts.length > 1) {
    const disc = discriminator(alts, ctx.root);
    if (disc) {
      const current = (shown ?? {}) as Record<string, unknown>;
      const options = alts.map((a) => String(constOf(resolve(a, ctx.root).properties![disc], ctx.root)));
      const active = alts[Math.max(0, options.indexOf(String(current[disc])))];
      const activeSchema = resolve(active, ctx.root);
      return (
        <fieldset className="field group">
          <legend title={help}>{label(name)}</legend>
          {help && <p className="help">{help}</p>}
          <div className="field">
            <label htmlFor={id}>{label(disc)}</label>
            <select
              id={id}
              className="input"
              value={String(current[disc] ?? options[0])}
              onChange={(e) => {
                const next = alts[options.indexOf(e.target.value)];
                onChange({ ...(initialValue(next, ctx.root) as object), [disc]: e.target.value });
              }}
            >
              {options.map((o) => (
                <option key={o} value={o}>{o}</option>
              ))}
            </select>
          </div>
          <ObjectFields schema={activeSchema} value={current} onChange={onChange} path={path} ctx={ctx} skip={[disc]} />
          <Issues issues={own} id={errId} />
        </fieldset>
      );
    }
    control = <JsonField value={shown} onChange={onChange} id={id} />;
  } else if (schema.enum || schema.const !== undefined) {
    const options = schema.enum ?? [schema.const];
    control = (
      <select id={id} className="input" value={String(shown ?? '')} aria-invalid={invalid || undefined} aria-describedby={describedBy} onChange={(e) => onChange(options.find((o) => String(o) === e.target.value))}>
        {options.map((o) => (
          <option key={String(o)} value={String(o)}>{String(o)}</option>
        ))}
      </select>
    );
  } else if (type === 'boolean') {
    return (
      <div className="field toggle-field">
        <label className="toggle">
          <input type="checkbox" role="switch" checked={Boolean(shown)} onChange={(e) => onChange(e.target.checked)} aria-describedby={describedBy} />
          <span className="toggle-track" aria-hidden />
          <span>{label(name)}</span>
        </label>
        {help && <p className="help">{help}</p>}
        <Issues issues={own} id={errId} />
      </div>
    );
  } else if (type === 'number' || type === 'integer') {
    control = <NumberInput value={value ?? schema.default} onChange={onChange} schema={schema} id={id} describedBy={describedBy} invalid={invalid} />;
  } else if (type === 'string') {
    const columnLike = COLUMN_FIELD.test(name);
    const tableLike = TABLE_FIELD.test(name);
    const datasetLike = name === 'name' && path.endsWith('source.name');
    const fileLike = name === 'fileId';
    const options = columnLike ? ctx.columns : tableLike ? ctx.tables : datasetLike ? ctx.datasets : [];
    if (fileLike && ctx.files.length) {
      control = (
        <select id={id} className="input" value={String(shown ?? '')} onChange={(e) => onChange(e.target.value)}>
          <option value="">{t('none')}</option>
          {ctx.files.map((f) => (
            <option key={f.id} value={f.id}>{f.name}</option>
          ))}
        </select>
      );
    } else {
      const long = (typeof shown === 'string' && shown.includes('\n')) || name === 'expression' || name === 'text';
      control = long ? (
        <textarea id={id} className="input mono" rows={3} value={String(shown ?? '')} onChange={(e) => onChange(e.target.value)} aria-invalid={invalid || undefined} aria-describedby={describedBy} />
      ) : (
        <>
          <input
            id={id}
            className="input"
            value={String(shown ?? '')}
            list={options.length ? `${id}-list` : undefined}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(e) => onChange(e.target.value)}
            data-field={path}
          />
          {options.length > 0 && (
            <datalist id={`${id}-list`}>
              {options.map((o) => (
                <option key={o} value={o} />
              ))}
            </datalist>
          )}
        </>
      );
    }
  } else if (type === 'array') {
    const items = resolve(schema.items, ctx.root);
    const itemType = typeOf(unwrap(items, ctx.root).schema);
    if (itemType === 'string' && !items.enum) {
      const options = COLUMN_FIELD.test(name) ? ctx.columns : TABLE_FIELD.test(name) ? ctx.tables : [];
      control = <StringList value={shown} onChange={onChange} options={options} id={id} />;
    } else if (itemType === 'number' || itemType === 'integer' || (itemType === 'string' && items.enum)) {
      control = <JsonField value={shown} onChange={onChange} id={id} />;
    } else {
      return <ArrayOfObjects name={name} schema={schema} value={shown} onChange={onChange} path={path} ctx={ctx} help={help} />;
    }
  } else if (type === 'object' && schema.properties) {
    return (
      <fieldset className="field group">
        <legend>{label(name)}</legend>
        {help && <p className="help">{help}</p>}
        <ObjectFields schema={schema} value={(shown ?? {}) as Record<string, unknown>} onChange={onChange} path={path} ctx={ctx} />
      </fieldset>
    );
  } else {
    control = <JsonField value={shown} onChange={onChange} id={id} />;
  }

  const range = (type === 'number' || type === 'integer') && (schema.minimum !== undefined || schema.maximum !== undefined) ? ` (${schema.minimum ?? '…'} – ${schema.maximum ?? '…'})` : '';
  return (
    <div className={`field${invalid ? ' invalid' : ''}`}>
      <label htmlFor={id}>
        {label(name)}
        {range && <span className="muted">{range}</span>}
      </label>
      {control}
      {help && <p className="help">{help}</p>}
      <Issues issues={own} id={errId} />
    </div>
  );
}

function ArrayOfObjects({ name, schema, value, onChange, path, ctx, help }: { name: string; schema: JSONSchema; value: unknown; onChange: (v: unknown) => void; path: string; ctx: Ctx; help?: string }) {
  const t = useT();
  const list = Array.isArray(value) ? (value as unknown[]) : [];
  const items = resolve(schema.items, ctx.root);
  const alts = items.oneOf ?? items.anyOf;
  const disc = alts ? discriminator(alts, ctx.root) : undefined;
  const variants = alts && disc ? alts.map((a) => String(constOf(resolve(a, ctx.root).properties![disc], ctx.root))) : [];
  const [variant, setVariant] = useState(variants[0] ?? '');
  const add = () => {
    if (alts && disc) {
      const alt = alts[Math.max(0, variants.indexOf(variant))];
      onChange([...list, { ...(initialValue(alt, ctx.root) as object), [disc]: variant }]);
    } else onChange([...list, initialValue(items, ctx.root)]);
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
      <legend>{label(name)}</legend>
      {help && <p className="help">{help}</p>}
      <ol className="object-list">
        {list.map((item, i) => (
          <li key={i} className="object-item">
            <div className="object-item-bar">
              <span className="muted">
                {i + 1}
                {disc ? ` · ${String((item as Record<string, unknown>)?.[disc] ?? '')}` : ''}
              </span>
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
          <select className="input" value={variant} onChange={(e) => setVariant(e.target.value)} aria-label={label(disc!)}>
            {variants.map((v) => (
              <option key={v} value={v}>{v}</option>
            ))}
          </select>
        )}
        <button type="button" className="btn small" onClick={add}>
          + {t('add')}
        </button>
      </div>
      <Issues issues={issuesAt(ctx, path)} id={`${path}-err`} />
    </fieldset>
  );
}

function ObjectFields({ schema, value, onChange, path, ctx, skip = [] }: { schema: JSONSchema; value: Record<string, unknown>; onChange: (v: Record<string, unknown>) => void; path: string; ctx: Ctx; skip?: string[] }) {
  const props = Object.entries(schema.properties ?? {}).filter(([k]) => !skip.includes(k));
  return (
    <div className="fields">
      {props.map(([key, sub]) => (
        <Field
          key={key}
          name={key}
          schema={sub}
          value={value?.[key]}
          path={`${path}.${key}`}
          ctx={ctx}
          onChange={(v) => {
            const next = { ...value };
            if (v === undefined) delete next[key];
            else next[key] = v;
            onChange(next);
          }}
        />
      ))}
    </div>
  );
}

export interface ParamFormProps {
  schema: Record<string, unknown>;
  params: Record<string, unknown>;
  onChange: (params: Record<string, unknown>) => void;
  issues: ParamIssue[];
  values: ValueSummary[];
  columnsOf: (table: string) => Promise<string[] | null>;
  /** Column names known from table outputs, by value name. */
  knownColumns: Record<string, string[]>;
  datasets: string[];
  files: { id: string; name: string }[];
  /** Skip these top-level params (shown elsewhere). */
  skip?: string[];
}

export function ParamForm({ schema, params, onChange, issues, values, columnsOf, knownColumns, datasets, files, skip }: ParamFormProps) {
  const root = schema as JSONSchema;
  const input = typeof params.input === 'string' ? params.input : Array.isArray(params.inputs) ? String(params.inputs[0] ?? '') : typeof params.train === 'string' ? params.train : typeof params.data === 'string' ? params.data : '';
  const [columns, setColumns] = useState<string[]>([]);
  const valuesKey = values.map((v) => `${v.name}:${v.detail}`).join('|');
  useEffect(() => {
    let live = true;
    if (!input) {
      setColumns([]);
      return;
    }
    // The table as it is now: the kernel's value, else its latest table output (saved outputs after a reload).
    const fallback = knownColumns[input] ?? [];
    setColumns(fallback);
    columnsOf(input).then((c) => live && setColumns(c ?? fallback), () => live && setColumns(fallback));
    return () => {
      live = false;
    };
    // valuesKey and knownColumns: refresh when the kernel's values or a table output change
    // (a transform that renames columns in place keeps the row × column counts).
  }, [input, valuesKey, columnsOf, knownColumns]);
  const tables = useMemo(() => {
    const names = new Set(values.filter((v) => v.type === 'table').map((v) => v.name));
    for (const k of Object.keys(knownColumns)) names.add(k);
    return [...names];
  }, [values, knownColumns]);
  const ctx: Ctx = { root, issues, columns, tables, datasets, files };
  return (
    <form className="param-form" onSubmit={(e) => e.preventDefault()} noValidate>
      <ObjectFields schema={root} value={params} onChange={onChange} path="params" ctx={ctx} skip={skip} />
      <Issues issues={issues.filter((i) => i.path === 'params')} id="params-err" />
    </form>
  );
}
