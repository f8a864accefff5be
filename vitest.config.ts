import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // tfjs training tests run real epochs on the WASM/CPU backends.
    testTimeout: 300_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
