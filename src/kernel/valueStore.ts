// The kernel's named values (tables, models, texts…) and the cell that made
// each: what a cell reads by name, what the values panel lists. A model
// replaced under its name has its tensors freed unless another name still
// holds it.
import type { Value, ValueType } from '../core/values.ts';
import { CellError } from '../core/errors.ts';
import type { ValueSummary } from './state.ts';
import { describeValue, disposeValue } from './values.ts';

export class ValueStore {
  private readonly values = new Map<string, { value: Value; cellId: string }>();

  get size(): number {
    return this.values.size;
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  get(name: string): Value | undefined {
    return this.values.get(name)?.value;
  }

  names(): string[] {
    return [...this.values.keys()];
  }

  summaries(): ValueSummary[] {
    return [...this.values.entries()].map(([name, { value, cellId }]) => ({ name, type: value.type, detail: describeValue(value), cellId }));
  }

  /** The names a cell could have meant, for "no value named …" messages (of one type, if given). */
  availableText(type?: ValueType): string {
    const names = [...this.values.entries()].filter(([, v]) => !type || v.value.type === type).map(([n]) => `"${n}"`);
    return names.length ? names.join(', ') : 'none yet';
  }

  /** Store a value under a name; a table over the budget (cells = rows × columns) is refused with a message. */
  set(name: string, value: Value, cellId: string, tableCellBudget?: number): void {
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) {
      throw CellError.coded('value.badName', { name });
    }
    if (tableCellBudget !== undefined && value.type === 'table' && value.table.numRows() * value.table.numCols() > tableCellBudget) {
      const { table } = value;
      throw CellError.coded('budget.table', { name, rows: table.numRows().toLocaleString('en'), columns: table.numCols(), budget: tableCellBudget.toLocaleString('en') });
    }
    const old = this.values.get(name);
    this.values.set(name, { value, cellId });
    // Free a replaced model's tensors unless the same object is still held under another name.
    if (old && old.value !== value && ![...this.values.values()].some((v) => sameObject(v.value, old.value))) disposeValue(old.value);
  }

  /** Forget every value, freeing models' tensors. */
  clear(): void {
    for (const { value } of this.values.values()) disposeValue(value);
    this.values.clear();
  }
}

function sameObject(a: Value, b: Value): boolean {
  if (a.type === 'model' && b.type === 'model') return a.model === b.model;
  return a === b;
}
