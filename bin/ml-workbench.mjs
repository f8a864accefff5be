#!/usr/bin/env node
// Entry point of `npx ml-workbench`: loads the TypeScript sources through
// tsx (a runtime dependency), so the runner needs no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
const code = await main(process.argv.slice(2));
// tfjs may keep timers alive; the run is over, so leave with its code.
process.exit(code);
