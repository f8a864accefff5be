// data/: the workbench's CSV loader against Arquero's own fromCSV on the same
// text, in the same process (both build a typed table).
import * as aq from 'arquero';
import { result, timeIt, type Benchmark } from './harness.ts';
import { loadCell } from '../src/cells/load.ts';
import { testContext } from '../tests/helpers/context.ts';

function syntheticCsv(rows: number): string {
  const lines = ['id,group,x1,x2,x3,label,when,flag,score,note'];
  let seed = 7;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296);
  for (let i = 0; i < rows; i++) {
    lines.push(`${i},g${i % 100},${(rnd() * 100).toFixed(3)},${(rnd() * 10 - 5).toFixed(4)},${Math.floor(rnd() * 1000)},${rnd() < 0.3 ? 'yes' : 'no'},2024-0${1 + (i % 9)}-1${i % 10},${rnd() < 0.5},${rnd().toFixed(6)},"text, ${i % 7}"`);
  }
  return lines.join('\n') + '\n';
}

export const benchmarks: Benchmark[] = [
  {
    name: 'data/csv-load-200k',
    async run() {
      const rows = 200_000;
      const text = syntheticCsv(rows);
      const bytes = new TextEncoder().encode(text);
      const params = loadCell.schema.parse({ source: { type: 'file', fileId: 'x', fileName: 'x.csv' } });
      const ours = await timeIt(async () => {
        const ctx = testContext({}, { readUserFile: async () => bytes });
        await loadCell.run(params, ctx);
      }, 3);
      const ref = await timeIt(() => aq.fromCSV(text, { parse: { when: (s: string) => new Date(s) } }), 3);
      return [result('data/csv-load-200k', ours, 'ms', 'arquero fromCSV on the same text', ref, { rows, columns: 10, mb: Math.round(bytes.length / 1e5) / 10 })];
    },
  },
];
