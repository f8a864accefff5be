// A form generated from a cell kind's params schema (zod → JSON Schema, sent
// by the worker): field widgets chosen by schema type (forms/widgets.tsx,
// forms/Field.tsx) laid out by the kind's hints (forms/hints.ts: the chosen
// model's settings only, the rest under "Advanced"). Column fields pick from
// the input table's columns with their types. Validation messages come from
// the worker's safeParse of the whole params, by path.
import { useEffect, useMemo, useState } from 'react';
import type { ParamIssue } from '../kernel/params.ts';
import type { ValueSummary } from '../kernel/state.ts';
import { ObjectFields, type FormContext } from './forms/Field.tsx';
import type { JSONSchema } from './forms/schema.ts';
import type { Column } from './forms/widgets.tsx';
import { issueText } from './i18n-issues.ts';

export interface ParamFormProps {
  schema: Record<string, unknown>;
  /** The cell kind (its layout hints). */
  kind?: string;
  params: Record<string, unknown>;
  onChange: (params: Record<string, unknown>) => void;
  issues: ParamIssue[];
  values: ValueSummary[];
  columnsOf: (table: string) => Promise<string[] | null>;
  /** Column names known from table outputs, by value name. */
  knownColumns: Record<string, string[]>;
  /** Column types known from table outputs, by value name. */
  knownTypes?: Record<string, Record<string, string>>;
  datasets: string[];
  files: { id: string; name: string }[];
  /** Skip these top-level params (shown elsewhere). */
  skip?: string[];
}

/** The table a cell reads (its column pickers list that table's columns). */
function inputTable(params: Record<string, unknown>): string {
  if (typeof params.input === 'string') return params.input;
  if (Array.isArray(params.inputs)) return String(params.inputs[0] ?? '');
  for (const key of ['train', 'data', 'left']) if (typeof params[key] === 'string') return params[key] as string;
  return '';
}

export function ParamForm({ schema, kind, params, onChange, issues, values, columnsOf, knownColumns, knownTypes = {}, datasets, files, skip }: ParamFormProps) {
  const root = schema as JSONSchema;
  const input = inputTable(params);
  const [names, setNames] = useState<string[]>([]);
  const valuesKey = values.map((v) => `${v.name}:${v.detail}`).join('|');
  useEffect(() => {
    let live = true;
    if (!input) {
      setNames([]);
      return;
    }
    // The table as it is now: the kernel's value, else its latest table output (saved outputs after a reload).
    const fallback = knownColumns[input] ?? [];
    setNames(fallback);
    columnsOf(input).then((c) => live && setNames(c ?? fallback), () => live && setNames(fallback));
    return () => {
      live = false;
    };
    // valuesKey and knownColumns: refresh when the kernel's values or a table output change, so a
    // column renamed upstream (a transform that renames in place keeps the row × column counts) shows its new name.
  }, [input, valuesKey, columnsOf, knownColumns]);
  const columns: Column[] = useMemo(() => names.map((name) => ({ name, type: knownTypes[input]?.[name] })), [names, knownTypes, input]);
  const tables = useMemo(() => {
    const set = new Set(values.filter((v) => v.type === 'table').map((v) => v.name));
    for (const k of Object.keys(knownColumns)) set.add(k);
    return [...set];
  }, [values, knownColumns]);
  const ctx: FormContext = { root, kind, params, issues, columns, tables, datasets, files };
  return (
    <form className="param-form" onSubmit={(e) => e.preventDefault()} noValidate>
      <ObjectFields schema={root} value={params} onChange={onChange} path="params" ctx={ctx} skip={skip} />
      {issues.filter((i) => i.path === 'params').map((i, k) => (
        <div key={k} className="field-error" role="alert">{issueText(i)}</div>
      ))}
    </form>
  );
}
