// Report files written piece by piece: a JSON report of a notebook with large
// tables, or its HTML report, is never one giant string (V8 caps a string
// near 512 MB: "RangeError: Invalid string length").
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/** Write the pieces to a file in ~64 KB writes, waiting when the disk is slower than the pieces come. */
export async function writePieces(path: string, pieces: Iterable<string>): Promise<void> {
  await mkdir(dirname(resolve(path)), { recursive: true });
  const out = createWriteStream(path);
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined);
  const write = async (text: string) => {
    if (!out.write(text)) await Promise.race([new Promise<void>((r) => out.once('drain', () => r())), failed]);
  };
  let buffer = '';
  try {
    for (const piece of pieces) {
      buffer += piece;
      if (buffer.length >= 1 << 16) {
        await write(buffer);
        buffer = '';
      }
    }
    if (buffer) await write(buffer);
  } finally {
    await Promise.race([new Promise<void>((r) => out.end(() => r())), failed]);
  }
}

type Frame =
  | { kind: 'array'; items: unknown[]; at: number; indent: string; owner: object }
  | { kind: 'object'; entries: [string, unknown][]; at: number; wrote: boolean; indent: string; owner: object };

/**
 * JSON.stringify(value, null, 2) as pieces, without recursion (any depth)
 * and without failing: a cycle becomes "[Circular]", a bigint its digits,
 * what JSON leaves out (undefined, functions, symbols) is left out.
 */
export function* jsonPieces(value: unknown, step = '  '): Generator<string> {
  // JSON.stringify with an empty indent writes no line breaks either.
  const nl = step ? '\n' : '';
  const colon = step ? ': ' : ':';
  const onPath = new Set<object>();
  const stack: Frame[] = [];
  /** The text of a scalar, or a frame to descend into; undefined: leave out. */
  const open = (raw: unknown, key: string, indent: string): string | Frame | undefined => {
    let v = raw;
    if (typeof v === 'object' && v !== null && typeof (v as { toJSON?: unknown }).toJSON === 'function') v = (v as { toJSON: (k: string) => unknown }).toJSON(key);
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return undefined;
    if (v === null) return 'null';
    if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
    if (typeof v === 'boolean') return String(v);
    if (typeof v === 'bigint') return JSON.stringify(v.toString());
    if (typeof v === 'string') return JSON.stringify(v);
    const obj = v as object;
    if (onPath.has(obj)) return '"[Circular]"';
    onPath.add(obj);
    if (Array.isArray(obj)) return { kind: 'array', items: obj, at: 0, indent, owner: obj };
    return { kind: 'object', entries: Object.entries(obj), at: 0, wrote: false, indent, owner: obj };
  };
  const first = open(value, '', '');
  if (first === undefined) return;
  if (typeof first === 'string') {
    yield first;
    return;
  }
  const begin = (f: Frame) => (f.kind === 'array' ? (f.items.length ? '[' : '[]') : f.entries.length ? '{' : '{}');
  yield begin(first);
  if (first.kind === 'array' ? first.items.length : first.entries.length) stack.push(first);
  else onPath.delete(first.owner);
  while (stack.length) {
    const f = stack[stack.length - 1];
    const inner = f.indent + step;
    if (f.kind === 'array') {
      if (f.at >= f.items.length) {
        stack.pop();
        onPath.delete(f.owner);
        yield `${nl}${f.indent}]`;
        continue;
      }
      const i = f.at++;
      const child = open(f.items[i], String(i), inner) ?? 'null';
      yield `${i > 0 ? ',' : ''}${nl}${inner}`;
      if (typeof child === 'string') yield child;
      else {
        yield begin(child);
        if (child.kind === 'array' ? child.items.length : child.entries.length) stack.push(child);
        else onPath.delete(child.owner);
      }
    } else {
      if (f.at >= f.entries.length) {
        stack.pop();
        onPath.delete(f.owner);
        yield f.wrote ? `${nl}${f.indent}}` : '}';
        continue;
      }
      const [key, raw] = f.entries[f.at++];
      const child = open(raw, key, inner);
      if (child === undefined) continue;
      yield `${f.wrote ? ',' : ''}${nl}${inner}${JSON.stringify(key)}${colon}`;
      f.wrote = true;
      if (typeof child === 'string') yield child;
      else {
        yield begin(child);
        if (child.kind === 'array' ? child.items.length : child.entries.length) stack.push(child);
        else onPath.delete(child.owner);
      }
    }
  }
}
