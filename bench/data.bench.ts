// data/: the workbench's CSV loader against Arquero's own fromCSV on the same
// text, in the same process (both build a typed table).
import * as aq from 'arquero';
import { result, timeIt, type Benchmark } from './harness.ts';
import { loadCell } from '../src/cells/load.ts';
import { testContext } from '../tests/helpers/context.ts';
import { loadBytesAsync } from '../src/data/load.ts';
import { profileTable } from '../src/data/profile.ts';
import { syntheticCsv } from './synthetic.ts';

/** Peak resident memory of this process so far, MB (getrusage maxrss; it only grows). */
const peakRssMb = () => process.resourceUsage().maxRSS / 1024;

/** Arquero's own summary of every column (valid, distinct, min, max, mean, sd, quartiles): the reference "profile". */
function arqueroSummary(t: aq.ColumnTable): unknown {
  const numeric = ['id', 'x1', 'x2', 'x3', 'score'];
  const ops: Record<string, unknown> = {};
  for (const c of t.columnNames()) {
    ops[`${c}_valid`] = aq.op.valid(c);
    ops[`${c}_distinct`] = aq.op.distinct(c);
  }
  for (const c of numeric) {
    ops[`${c}_min`] = aq.op.min(c);
    ops[`${c}_max`] = aq.op.max(c);
    ops[`${c}_mean`] = aq.op.mean(c);
    ops[`${c}_sd`] = aq.op.stdev(c);
    ops[`${c}_q1`] = aq.op.quantile(c, 0.25);
    ops[`${c}_median`] = aq.op.median(c);
    ops[`${c}_q3`] = aq.op.quantile(c, 0.75);
  }
  return t.rollup(ops as Parameters<aq.ColumnTable['rollup']>[0]).objects();
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
  {
    // The number: load + profile a 1,000,000-row × 10-column CSV. In Node the reference is Arquero
    // (fromCSV + a rollup of the same statistics); the DuckDB-wasm comparison in one browser run is
    // data/browser-load-profile-1m (bench/browser.bench.ts), which needs Chromium.
    name: 'data/load-profile-1m',
    async run() {
      const rows = 1_000_000;
      const bytes = new TextEncoder().encode(syntheticCsv(rows));
      const rss0 = peakRssMb();
      const t0 = performance.now();
      const { table } = await loadBytesAsync(bytes, { fileName: 'x.csv' });
      const t1 = performance.now();
      profileTable(table);
      const t2 = performance.now();
      const oursPeak = peakRssMb();
      const text = new TextDecoder().decode(bytes);
      const r0 = performance.now();
      const ref = aq.fromCSV(text, { parse: { when: (s: string) => new Date(s) } });
      const r1 = performance.now();
      arqueroSummary(ref);
      const r2 = performance.now();
      return [
        result('data/load-profile-1m', t2 - t0, 'ms', 'arquero fromCSV + rollup summary on the same bytes', r2 - r0, {
          rows, columns: 10, mb: Math.round(bytes.length / 1e5) / 10,
          load_ms: Math.round(t1 - t0), profile_ms: Math.round(t2 - t1), ref_load_ms: Math.round(r1 - r0), ref_summary_ms: Math.round(r2 - r1),
          peak_rss_mb: Math.round(oursPeak), rss_growth_mb: Math.round(oursPeak - rss0),
        }),
      ];
    },
  },
];
