// The headless runner's kernel thread (a worker_thread): loads the
// TypeScript sources through tsx, as bin/ml-workbench.mjs does, then
// src/cli/thread.ts, which waits for notebooks to run.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/thread.ts');
