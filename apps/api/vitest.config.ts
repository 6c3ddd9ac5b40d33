import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { TEST_ADMIN_TOKEN, TEST_ASSETS } from './test/constants.js';

/**
 * Two projects over the same Worker (wrangler.jsonc: KV, D1, the learner Durable Object, the rate
 * limits), each in its own workerd:
 * - `api`: every suite but the rate-limit one, with the limits raised — those suites make
 *   thousands of requests as one client (tests call the Worker without CF-Connecting-IP).
 * - `limits`: test/limits.test.ts, with the limits exactly as wrangler.jsonc declares them.
 */
const RAISED = { limit: 1_000_000, period: 60 as const };
const raisedLimits = Object.fromEntries(
  (
    [
      ['START_LIMIT', '1101'],
      ['CHECK_LIMIT', '1102'],
      ['SAVE_LIMIT', '1103'],
      ['SUBMIT_LIMIT', '1104'],
    ] as const
  ).map(([name, id]) => [name, { namespace_id: id, simple: RAISED }]),
);

const apiDir = path.dirname(fileURLToPath(import.meta.url));

/**
 * The static assets of the Worker under test: the web build (wrangler.jsonc's directory), plus
 * content files where the web build copies a bundle's (the real content has none).
 */
function testAssets(): string {
  const dir = path.join(apiDir, 'node_modules/.cache/examdown-test-assets');
  rmSync(dir, { recursive: true, force: true });
  cpSync(path.join(apiDir, '../web/dist'), dir, { recursive: true });
  mkdirSync(path.join(dir, 'api/v1/assets'), { recursive: true });
  for (const [name, base64] of Object.entries(TEST_ASSETS)) {
    writeFileSync(path.join(dir, 'api/v1/assets', name), Buffer.from(base64, 'base64'));
  }
  return dir;
}

export default defineConfig(async () => {
  const migrationsDir = path.join(apiDir, 'migrations');
  const assets = { directory: testAssets() };
  const migrations = await readD1Migrations(migrationsDir);
  const bindings = {
    TEST_MIGRATIONS: migrations,
    ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    SESSION_SECRET: 'test-session-secret',
  };
  const test = {
    setupFiles: ['./test/apply-migrations.ts', './test/seed-content.ts'],
    // One workerd for all files (each file's own isolate costs seconds); tests do not share state.
    isolate: false,
    // The fuzz and concurrency suites make thousands of requests; on a loaded 2-core CI machine
    // (turbo runs the browser tests beside them) 5 s is not enough. A hang still fails.
    testTimeout: 120_000,
  };
  return {
    test: {
      projects: [
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: './wrangler.jsonc' },
              miniflare: {
                bindings,
                assets,
                // Namespaces the fault and upload tests break and fill at will (the real Worker
                // reads CONTENT); a second D1 the migration test fills with the previous schema.
                kvNamespaces: ['FAULT_CONTENT', 'UPLOAD_CONTENT'],
                d1Databases: ['MIGRATION_DB'],
                ratelimits: raisedLimits,
              },
            }),
          ],
          test: { ...test, name: 'api', include: ['test/**/*.test.ts'], exclude: ['test/limits.test.ts'] },
        },
        {
          plugins: [
            cloudflareTest({ wrangler: { configPath: './wrangler.jsonc' }, miniflare: { bindings, assets } }),
          ],
          test: { ...test, name: 'limits', include: ['test/limits.test.ts'] },
        },
      ],
    },
  };
});
