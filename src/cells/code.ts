// Code: JavaScript with the workbench in scope — the escape hatch for what
// the typed cells do not cover. The code runs as the body of an async
// function with these names bound:
//   tables   every named table ({name: ColumnTable})
//   values   every named value's payload (tables, models, metrics, ...)
//   aq, tf   Arquero and TensorFlow.js
//   display  show a value as an output (tables, figures, text, objects)
//   set      store a named value: set('name', value)
//   signal   the run's AbortSignal (check it in long loops)
// A final `return x` displays x. Values are declared by set('name', ...)
// calls with a literal name, so the kernel can track what the cell writes;
// what it reads is every earlier value name the code mentions.
import { z } from 'zod';
import * as aq from 'arquero';
import * as tf from '@tensorflow/tfjs';
import type { ColumnTable } from 'arquero';
import { defineCell } from './types.ts';
import type { CellOutput } from '../core/outputs.ts';
import type { TrainedModel, Value } from '../core/values.ts';
import { CellError } from '../core/errors.ts';
import { tablePreview } from '../data/preview.ts';

const schema = z.object({
  code: z.string().default('').describe('JavaScript'),
  reads: z.array(z.string()).default([]).describe('Values this cell reads (found in the code when left empty)'),
  // The author's own Python for this cell, used by "Export as Python notebook" instead of a TODO:
  // JavaScript is not translated automatically, so whoever writes the notebook may write its twin.
  python: z.string().default('').describe('Python for export (optional)'),
});

const RESERVED = new Set(['tables', 'values', 'aq', 'tf', 'display', 'set', 'signal']);

/** Names passed to set('name', ...) with a literal string. */
export function declaredWrites(code: string): string[] {
  const names = new Set<string>();
  for (const m of code.matchAll(/\bset\(\s*(['"`])([A-Za-z_$][\w$]*)\1/g)) names.add(m[2]);
  return [...names];
}

/** Identifiers in the code, minus strings and comments: a superset of the values it reads. */
export function mentionedIdentifiers(code: string): string[] {
  const stripped = code
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\/\/[^\n]*/g, ' ')
    .replace(/(['"`])(?:\\.|(?!\1)[^\\])*\1/g, (s) => (s.startsWith('`') ? s : '""'));
  const ids = new Set<string>();
  for (const m of stripped.matchAll(/(?<![.\w$])([A-Za-z_$][\w$]*)/g)) if (!RESERVED.has(m[1])) ids.add(m[1]);
  // tables.name / values.name / tables["name"] mention a value too.
  for (const m of code.matchAll(/\b(?:tables|values)(?:\.([A-Za-z_$][\w$]*)|\[\s*(['"])([A-Za-z_$][\w$]*)\2\s*\])/g)) ids.add(m[1] ?? m[3]);
  return [...ids];
}

function isColumnTable(x: unknown): x is ColumnTable {
  return typeof x === 'object' && x !== null && typeof (x as ColumnTable).numRows === 'function' && typeof (x as ColumnTable).columnNames === 'function';
}

function isFigureSpec(x: unknown): x is { data: Record<string, unknown>[]; layout?: Record<string, unknown> } {
  return typeof x === 'object' && x !== null && Array.isArray((x as { data?: unknown }).data) && !isColumnTable(x);
}

/** How display() shows a value. */
export function displayOutput(x: unknown): CellOutput {
  if (isColumnTable(x)) return tablePreview(x);
  if (isFigureSpec(x)) return { type: 'figure', spec: { data: x.data, layout: x.layout ?? {} } };
  if (typeof x === 'string') return { type: 'text', text: x };
  if (x instanceof tf.Tensor) return { type: 'text', text: x.toString() };
  if (typeof x === 'number' || typeof x === 'boolean' || x === null || x === undefined) return { type: 'text', text: String(x) };
  try {
    return { type: 'json', value: JSON.parse(JSON.stringify(x)) };
  } catch {
    return { type: 'text', text: String(x) };
  }
}

function isTrainedModel(x: unknown): x is TrainedModel {
  const m = x as TrainedModel;
  return typeof x === 'object' && x !== null && typeof m.predict === 'function' && typeof m.modelType === 'string' && typeof m.dispose === 'function';
}

function isNumberRecord(x: unknown): x is Record<string, number> {
  if (typeof x !== 'object' || x === null || Array.isArray(x) || Object.getPrototypeOf(x) !== Object.prototype) return false;
  const values = Object.values(x);
  return values.length > 0 && values.every((v) => typeof v === 'number');
}

/** Wrap what code stores with set() as a typed value (a model stays a model, so later cells can use it). */
function toValue(x: unknown): Value {
  if (isColumnTable(x)) return { type: 'table', table: x };
  if (isTrainedModel(x)) return { type: 'model', model: x };
  // A plain record of numbers is a metrics value (evaluate's output has this shape).
  if (isNumberRecord(x)) return { type: 'metrics', metrics: x };
  if (typeof x === 'string') return { type: 'text', text: x };
  return { type: 'object', value: x };
}

function payload(v: Value): unknown {
  switch (v.type) {
    case 'table': return v.table;
    case 'model': return v.model;
    case 'transform': return v.transform;
    case 'metrics': return v.metrics;
    case 'figure': return v.spec;
    case 'text': return v.text;
    case 'object': return v.value;
  }
}

// The headless runner's kernel runs under Node's permission model
// (src/cli/kernelProcess.ts): what it refuses throws ERR_ACCESS_DENIED with
// Node's own words, which do not say what to do instead (code.nodeDenied).
function deniedByNode(error: unknown): boolean {
  try {
    return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'ERR_ACCESS_DENIED';
  } catch {
    return false; // a Proxy whose traps throw is not Node's refusal
  }
}

// The Function constructor compiles the cell's code as the body of an async
// function nested in one whose parameters are the workbench's names and the
// earlier values: the code's own `const sessions = …` then shadows an
// earlier value "sessions" instead of clashing with a parameter of that name
// (a SyntaxError) — as when a cell runs again after it wrote "sessions".
type AsyncFn = () => Promise<unknown>;
type Scope = (...args: unknown[]) => AsyncFn;
const ScopeFunction = Function as unknown as new (...args: string[]) => Scope;

export const codeCell = defineCell({
  kind: 'code',
  label: 'Code',
  description: 'JavaScript with tables, aq (Arquero), tf (TensorFlow.js), display() and earlier values in scope.',
  schema,
  runnable: true,
  // Every identifier the code mentions; the kernel keeps those an earlier cell writes.
  softReads: true,
  reads: (p) => (p.reads.length > 0 ? p.reads : mentionedIdentifiers(p.code)),
  writes: (p) => declaredWrites(p.code),
  render: (p) => p.code,
  async run(p, ctx) {
    const outputs: CellOutput[] = [];
    const tables: Record<string, ColumnTable> = {};
    const values: Record<string, unknown> = {};
    for (const name of ctx.names()) {
      const v = ctx.get(name)!;
      values[name] = payload(v);
      if (v.type === 'table') tables[name] = v.table;
    }
    // Earlier values are also bound by name, when the name is a usable identifier.
    const bound = Object.keys(values).filter((n) => !RESERVED.has(n) && /^[A-Za-z_$][\w$]*$/.test(n) && mentionedIdentifiers(p.code).includes(n));
    let scope: Scope;
    try {
      scope = new ScopeFunction('tables', 'values', 'aq', 'tf', 'display', 'set', 'signal', ...bound, `"use strict"; return async function () {\n${p.code}\n};`);
    } catch (error) {
      throw CellError.coded('code.parse', { detail: error instanceof Error ? error.message : String(error) }, { where: 'code' });
    }
    const display = (x: unknown) => ctx.emit(displayOutput(x));
    const set = (name: string, x: unknown) => ctx.set(name, toValue(x));
    let result: unknown;
    try {
      result = await scope(tables, values, aq, tf, display, set, ctx.signal, ...bound.map((n) => values[n]))();
    } catch (error) {
      if (deniedByNode(error)) throw CellError.coded('code.nodeDenied', {}, { cause: error });
      throw error;
    }
    if (result !== undefined) outputs.push(displayOutput(result));
    return outputs;
  },
});
