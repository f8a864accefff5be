import { describe, expect, it } from 'vitest';
import { TABLE_AND_MODEL_DTS, valueType, workbenchValuesDts } from '../../src/ui/monacoTypes.ts';

describe('code cell completion types', () => {
  const values = [
    { name: 'penguins', type: 'table', detail: '344 rows × 7 columns' },
    { name: 'mlp', type: 'model', detail: 'mlp classifier' },
    { name: 'mlp_metrics', type: 'metrics', detail: '12 metrics' },
    { name: 'not-an-identifier', type: 'table', detail: '' },
  ];

  it('types a table by its columns, a model as a model, metrics as numbers', () => {
    const columns = { penguins: ['Species', 'Beak Length (mm)', 'say "hi"'] };
    expect(valueType(values[0], columns)).toBe('WorkbenchTable<"Species" | "Beak Length (mm)" | "say \\"hi\\"">');
    expect(valueType(values[0])).toBe('WorkbenchTable');
    expect(valueType(values[1])).toBe('WorkbenchModel');
    expect(valueType(values[2])).toBe('Record<string, number>');
    const dts = workbenchValuesDts(values, columns);
    expect(dts).toContain('declare const penguins: WorkbenchTable<"Species" | "Beak Length (mm)" | "say \\"hi\\"">;');
    expect(dts).toContain('declare const mlp: WorkbenchModel;');
    expect(dts).toMatch(/interface WorkbenchTables \{ \/\*\* table: 344 rows × 7 columns \*\/ penguins: WorkbenchTable</);
    expect(dts).not.toContain('not-an-identifier');
  });

  it('declares the Arquero verbs with column-typed parameters and the model methods', () => {
    for (const verb of ['filter', 'derive', 'select', 'groupby', 'rollup', 'orderby', 'join', 'array(name: C)']) expect(TABLE_AND_MODEL_DTS).toContain(verb);
    expect(TABLE_AND_MODEL_DTS).toMatch(/predict\(table: WorkbenchTable/);
  });
});
