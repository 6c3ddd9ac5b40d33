import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The deploy script's tests live beside it (scripts/deploy) and run here, with the product's.
    include: ['**/*.test.ts', '../scripts/deploy/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'artifacts/**'],
    // Each file may start the whole product (`npm run dev`, which runs a turbo build first):
    // one file at a time keeps two builds from writing the same outputs concurrently.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 300_000,
    teardownTimeout: 30_000,
  },
});
