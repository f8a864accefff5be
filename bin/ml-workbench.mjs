#!/usr/bin/env node
// Entry point of `npx ml-workbench`: in a clone, the TypeScript sources
// through tsx (no build step); in the npm package, the JavaScript built into
// dist-cli/ (bin/load-cli.mjs decides).
import { loadCli } from './load-cli.mjs';

let cli;
try {
  cli = await loadCli('main');
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
const code = await cli.main(process.argv.slice(2));
// tfjs may keep timers alive; the run is over, so leave with its code.
process.exit(code);
