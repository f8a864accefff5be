// data/: the workbench's CSV loader against Arquero's own fromCSV on the same
// text, in the same process (both build a typed table).
import * as aq from 'arquero';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, result, timeIt, type Benchmark } from './harness.ts';
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
  {
    // The goal against pandas: load + profile of the same 1M×10 file, each run in its own
    // process (peak RSS only grows), pandas and Node interleaved over 3 rounds; medians of CPU time
    // (user + system: steadier than wall time on a shared machine) and of peak RSS.
    name: 'data/load-profile-1m-pandas',
    async run() {
      const python = '/usr/bin/python3';
      if (!existsSync(python)) throw new Error('Debian python3 is missing (apt-get install python3-pandas).');
      const dir = mkdtempSync(join(tmpdir(), 'load-profile-'));
      const file = join(dir, 'x.csv');
      try {
        writeFileSync(file, syntheticCsv(1_000_000));
        const here = (name: string) => new URL(name, import.meta.url).pathname;
        type Run = { cpu_ms: number; wall_ms: number; peak_rss_mb: number };
        const node = (): Run => JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', here('./data-load-profile.child.ts'), file], { encoding: 'utf8' }));
        const pandas = (): Run => JSON.parse(execFileSync(python, [here('./data_pandas_ref.py'), file], { encoding: 'utf8' }));
        const ours: Run[] = [];
        const ref: Run[] = [];
        for (let round = 0; round < 3; round++) {
          ours.push(node());
          ref.push(pandas());
        }
        const med = (runs: Run[], key: keyof Run) => median(runs.map((r) => r[key]));
        const rssRatio = med(ours, 'peak_rss_mb') / med(ref, 'peak_rss_mb');
        return [
          result('data/load-profile-1m-pandas', med(ours, 'cpu_ms'), 'ms cpu', 'pandas read_csv + describe/nunique/value_counts/duplicated, same file', med(ref, 'cpu_ms'), {
            rows: 1_000_000, columns: 10, rounds: 3, wall_ms: Math.round(med(ours, 'wall_ms')), ref_wall_ms: Math.round(med(ref, 'wall_ms')),
            peak_rss_mb: Math.round(med(ours, 'peak_rss_mb')), ref_peak_rss_mb: Math.round(med(ref, 'peak_rss_mb')), rss_ratio: Math.round(rssRatio * 100) / 100,
          }),
        ];
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  },
];
