import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { TEST_ADMIN_TOKEN } from './test/constants.js';

export default defineConfig(async () => {
  const migrations = await readD1Migrations(
    path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations'),
  );
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: './wrangler.jsonc' },
        miniflare: {
          bindings: { TEST_MIGRATIONS: migrations, ADMIN_TOKEN: TEST_ADMIN_TOKEN },
          // A second namespace the fault tests break at will (the real Worker reads CONTENT).
          kvNamespaces: ['FAULT_CONTENT'],
        },
      }),
    ],
    test: {
      include: ['test/**/*.test.ts'],
      setupFiles: ['./test/apply-migrations.ts', './test/seed-content.ts'],
      // One workerd for all files (each file's own isolate costs seconds); tests do not share state.
      isolate: false,
      // The fuzz and concurrency suites make thousands of requests; on a loaded 2-core CI machine
      // (turbo runs the browser tests beside them) 5 s is not enough. A hang still fails.
      testTimeout: 120_000,
    },
  };
});
