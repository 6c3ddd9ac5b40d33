import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The CLI tests run the real dist/cli/main.js; build it once before any test file runs.
    globalSetup: ['./src/__fixtures__/build-once.ts'],
    // Generous: CI runs this beside the workerd and browser suites on 2 cores, where the mutated-
    // fixtures fuzz took 72–101 s; a hang still fails.
    testTimeout: 300_000,
  },
});
