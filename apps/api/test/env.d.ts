import type { D1Migration } from '@cloudflare/vitest-plugin';

// The test bindings on top of the Worker's (worker-configuration.d.ts, from `wrangler types`).
declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: D1Migration[];
      ADMIN_TOKEN: string;
      FAULT_CONTENT: KVNamespace;
      UPLOAD_CONTENT: KVNamespace;
      MIGRATION_DB: D1Database;
    }
  }
}
