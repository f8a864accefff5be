// The JSON Schema of `metadata.workbench` for every cell kind, generated from
// the kinds' zod schemas (docs/workbench-cell.schema.json is its output).
import { z } from 'zod';
import type { CellKindDef } from '../core/cell.ts';
import { FORMAT_VERSION } from './model.ts';

export function workbenchCellSchema(kinds: Iterable<CellKindDef>): Record<string, unknown> {
  const variants = [...kinds]
    .filter((d) => d.kind !== 'markdown')
    .map((def) => {
      // 'input' mode: params with defaults may be left out of the file.
      const params = z.toJSONSchema(def.schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
      delete params.$schema;
      return {
        title: def.label,
        description: def.description,
        type: 'object',
        required: ['kind'],
        additionalProperties: false,
        properties: {
          kind: { const: def.kind },
          title: { type: 'string', description: 'Short title shown in the cell header.' },
          params: params,
        },
      };
    });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://ml-workbench.local/schemas/workbench-cell.schema.json',
    title: `ML Workbench cell metadata (cell.metadata.workbench), format ${FORMAT_VERSION}`,
    description: 'One variant per cell kind. Markdown cells carry no workbench metadata except an optional title.',
    oneOf: [
      ...variants,
      {
        title: 'Markdown',
        type: 'object',
        required: ['kind'],
        additionalProperties: false,
        properties: { kind: { const: 'markdown' }, title: { type: 'string' }, params: { type: 'object', maxProperties: 0 } },
      },
    ],
  };
}
