// One load + profile of a CSV file in a fresh process (peak RSS only grows, so
// each measurement needs its own process): prints {cpu_ms, wall_ms, peak_rss_mb}.
// Run by data/load-profile-1m-pandas (bench/data.bench.ts) beside bench/data_pandas_ref.py.
import { readFileSync } from 'node:fs';
import { loadBytesAsync } from '../src/data/load.ts';
import { profileTable } from '../src/data/profile.ts';

const path = process.argv[2];
const bytes: Uint8Array = readFileSync(path); // the file once, as pandas reads it
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const c0 = cpu();
const t0 = performance.now();
const { table } = await loadBytesAsync(bytes, { fileName: 'x.csv' });
profileTable(table);
const out = { cpu_ms: cpu() - c0, wall_ms: performance.now() - t0, peak_rss_mb: process.resourceUsage().maxRSS / 1024 };
process.stdout.write(JSON.stringify(out) + '\n');
