#!/usr/bin/env node
// `npm run bench [-- FILTER]`: runs every benchmark in bench/*.bench.ts whose
// name contains FILTER and prints one JSON object per line.
import { register } from 'tsx/esm/api';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

register();
// Only result lines go to stdout (one JSON object each); anything a library
// logs (tfjs's Node banner) goes to stderr so stdout stays parseable.
const emit = (line) => process.stdout.write(line + '\n');
console.log = (...args) => console.error(...args);
console.info = (...args) => console.error(...args);
const filter = process.argv[2] ?? '';
const dir = fileURLToPath(new URL('../bench/', import.meta.url));
let ran = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort()) {
  const { benchmarks } = await import(new URL(`../bench/${file}`, import.meta.url).href);
  for (const b of benchmarks) {
    if (!b.name.includes(filter)) continue;
    ran++;
    try {
      for (const r of await b.run()) emit(JSON.stringify(r));
    } catch (error) {
      console.error(`bench ${b.name} failed: ${error instanceof Error ? error.stack : error}`);
      process.exitCode = 1;
    }
  }
}
if (ran === 0) {
  console.error(`No benchmark matches "${filter}".`);
  process.exitCode = 2;
}
process.exit(process.exitCode ?? 0);
