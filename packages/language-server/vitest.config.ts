import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // The tests start the real dist/main.js over stdio; build it once before they run.
    globalSetup: ['./src/test-support/build-once.ts'],
    testTimeout: 60_000,
  },
});
