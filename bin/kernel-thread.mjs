// The headless runner's kernel thread (a worker_thread): loads
// src/cli/thread.ts (through tsx, in a clone) or its build in dist-cli/ (the
// npm package), as bin/ml-workbench.mjs does; it waits for notebooks to run.
import { loadCli } from './load-cli.mjs';

await loadCli('thread');
