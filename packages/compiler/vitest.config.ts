import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The CLI tests run the real dist/cli/main.js; build it once before any test file runs.
    globalSetup: ['./src/__fixtures__/build-once.ts'],
    testTimeout: 30_000,
  },
});
