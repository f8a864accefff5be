// What the EDA cell shows for Isolation Forest: how many rows score as
// outliers (score > 0.5, sklearn's contamination='auto') and the 10 most
// anomalous rows with their values.
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { CellOutput } from '../../core/outputs.ts';
import { tablePreview } from '../preview.ts';
import { isolationForestScores } from './isolation-forest.ts';

export function isolationForestOutputs(table: ColumnTable, numeric: readonly string[], seed = 0): CellOutput[] {
  if (numeric.length === 0) return [{ type: 'text', text: 'Isolation Forest: no numeric columns to score.' }];
  const columns = numeric.map((c) => (table.array(c) as unknown[]).map((v) => (typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : null)));
  const scores = isolationForestScores(columns, { seed });
  const scored = scores.filter((s) => s !== null).length;
  const outliers = scores.filter((s) => s !== null && s > 0.5).length;
  const top = scores.map((s, i) => ({ s, i })).filter((x): x is { s: number; i: number } => x.s !== null).sort((a, b) => b.s - a.s || a.i - b.i).slice(0, 10);
  const cols: Record<string, unknown[]> = { row: top.map((t) => t.i), score: top.map((t) => t.s) };
  numeric.forEach((c, j) => (cols[c] = top.map((t) => columns[j][t.i])));
  const skipped = table.numRows() - scored;
  return [
    {
      type: 'text',
      text: `Isolation Forest on ${numeric.length} numeric column${numeric.length === 1 ? '' : 's'}: ${outliers} of ${scored} rows score above 0.5 (outliers, like scikit-learn's contamination='auto')` +
        (skipped > 0 ? `; ${skipped} rows with a missing value were not scored.` : '.'),
    },
    tablePreview(aq.table(cols), { title: 'Most anomalous rows (Isolation Forest score; row is 0-based)', rows: 10 }),
  ];
}
