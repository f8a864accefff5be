// What the app learns about every cell kind at start: its label, whether it
// runs, its parameter schema as JSON Schema (the forms are built from it)
// and its default parameters.
import { z } from 'zod';
import { cellRegistry, defaultParams } from '../cells/registry.ts';
import type { KindInfo } from './protocol.ts';

export function kindInfos(): KindInfo[] {
  return [...cellRegistry.values()].map((def) => {
    let jsonSchema: Record<string, unknown>;
    try {
      jsonSchema = z.toJSONSchema(def.schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    } catch {
      jsonSchema = { type: 'object', properties: {} };
    }
    let defaults: Record<string, unknown> = {};
    try {
      defaults = defaultParams(def.kind);
    } catch {
      // A kind without full defaults: the form starts empty.
    }
    return { kind: def.kind, label: def.label, description: def.description, runnable: def.runnable, jsonSchema, defaults };
  });
}
