// Reading the parts of an uploaded model file (portable-load.ts and the
// loaders beside it): one entry of the zip by name, a part as a JSON object,
// and every refusal as a catalogued error naming the file.
import { CellError } from '../core/errors.ts';
import type { MessageCode, MessageParams } from '../core/messages.ts';

/** A refusal of the model file `file` (its name as the student sees it). */
export function refuse(code: MessageCode & `modelFile.${string}`, file: string, params: MessageParams = {}): CellError {
  return CellError.coded(code, { file, ...params });
}

/** One file of the archive by name, at its top or inside one folder (a student who unzipped and re-zipped it). */
export function entry(files: Map<string, Uint8Array>, name: string): Uint8Array | undefined {
  const hits = [...files].filter(([path]) => path === name || path.split('/').pop() === name);
  return hits.length === 1 ? hits[0][1] : files.get(name);
}

/** Bytes as a JSON object, or undefined when they are not one. */
export function parseObject(bytes: Uint8Array): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // not JSON: undefined
  }
  return undefined;
}

/** A required part of the zip as a JSON object. */
export function jsonPart(files: Map<string, Uint8Array>, part: string, file: string): Record<string, unknown> {
  const bytes = entry(files, part);
  if (!bytes) throw refuse('modelFile.missingPart', file, { part });
  const value = parseObject(bytes);
  if (!value) throw refuse('modelFile.notJsonObject', file, { part });
  return value;
}

export const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
export const finiteNumbers = (v: unknown, n: number): v is number[] => Array.isArray(v) && v.length === n && v.every((x) => typeof x === 'number' && Number.isFinite(x));
export const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
