// A line chart of a value over time for the EDA cell: resampled into
// calendar buckets with ./resample.ts, one line per group (the largest 10).
import * as aq from 'arquero';
import type { ColumnTable } from 'arquero';
import type { FigureOutput } from '../../core/outputs.ts';
import { requireColumn } from '../columns.ts';
import { buildSeries, type Aggregate, type Frequency } from './resample.ts';

export interface LineOptions {
  time: string;
  value: string;
  resample: Frequency;
  aggregate: Aggregate;
  groupBy?: string;
}

export const MAX_LINES = 10;

export function timeseriesFigure(table: ColumnTable, o: LineOptions, tableName?: string): FigureOutput {
  requireColumn(table, o.time, 'params.timeseries.time', tableName);
  requireColumn(table, o.value, 'params.timeseries.value', tableName);
  const groups: { label: string; rows: ColumnTable }[] = [];
  if (o.groupBy) {
    requireColumn(table, o.groupBy, 'params.timeseries.groupBy', tableName);
    const keys = table.array(o.groupBy) as unknown[];
    const byKey = new Map<string, number[]>();
    keys.forEach((k, i) => {
      const label = k === null || k === undefined ? '(missing)' : k instanceof Date ? k.toISOString() : String(k);
      const list = byKey.get(label);
      if (list) list.push(i);
      else byKey.set(label, [i]);
    });
    const largest = [...byKey].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_LINES);
    const times = table.array(o.time) as unknown[];
    const values = table.array(o.value) as unknown[];
    for (const [label, rows] of largest) {
      groups.push({ label, rows: aq.table({ [o.time]: rows.map((i) => times[i]), [o.value]: rows.map((i) => values[i]) }) });
    }
  } else groups.push({ label: o.value, rows: table });
  return {
    type: 'figure',
    title: `${o.value} over time`,
    spec: {
      data: groups.map((g) => {
        const s = buildSeries(g.rows, { time: o.time, value: o.value, resample: o.resample, aggregate: o.aggregate });
        return { type: 'scatter', mode: 'lines', name: g.label, x: s.times, y: s.values };
      }),
      layout: {
        title: { text: `${o.value} over time${o.resample !== 'none' ? ` (${o.aggregate} per ${o.resample})` : ''}` },
        xaxis: { title: { text: o.time }, type: 'date' },
        yaxis: { title: { text: o.value } },
        showlegend: Boolean(o.groupBy),
      },
    },
  };
}
