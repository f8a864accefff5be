// End-to-end tests: Chromium (Debian's, via playwright-core) against the
// production build served by vite preview. One fork, files in sequence.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    environment: 'node',
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    // A guard against hangs only (see vitest.config.ts): Chromium runs the
    // course notebooks on a shared 2-core machine, where one test can take
    // many times its quiet time. Waits for computation inside a test have
    // no limit of their own (timeout 0), so this is the only one they meet.
    testTimeout: 1_800_000,
    hookTimeout: 1_800_000,
  },
});
