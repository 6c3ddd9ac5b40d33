import { defineConfig } from 'vitest/config';

// Unit tests of the build-time prerender (the pages themselves are tested in tests/web).
export default defineConfig({
  test: { include: ['prerender/**/*.test.ts'], testTimeout: 30_000 },
});
