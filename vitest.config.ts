import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // A guard against hangs only, not a speed check: tfjs training and the
    // course notebooks run real epochs, and on a loaded 2-core machine a test
    // can take many times its quiet time (the sales-forecast course test once
    // passed a 400 s limit). Half an hour is ~20× the slowest test on a loaded
    // machine; no test sets a shorter limit of its own (timing is for bench/).
    testTimeout: 1_800_000,
    hookTimeout: 1_800_000,
    pool: 'forks',
  },
});
