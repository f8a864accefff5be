// Short descriptions of named values (for the values panel and the runner)
// and freeing what they hold.
import type { Value } from '../core/values.ts';

export function describeValue(value: Value): string {
  switch (value.type) {
    case 'table':
      return `${value.table.numRows()} rows × ${value.table.numCols()} columns`;
    case 'model':
      return `${value.model.modelType} (${value.model.task}) → ${value.model.target}`;
    case 'transform':
      return 'fitted transform';
    case 'metrics':
      return Object.keys(value.metrics).slice(0, 4).join(', ');
    case 'figure':
      return `${value.spec.data.length} traces`;
    case 'text':
      return value.text.length > 40 ? value.text.slice(0, 39) + '…' : value.text;
    case 'object':
      return Array.isArray(value.value) ? `array of ${value.value.length}` : typeof value.value;
  }
}

export function disposeValue(value: Value): void {
  if (value.type === 'model') value.model.dispose();
}
