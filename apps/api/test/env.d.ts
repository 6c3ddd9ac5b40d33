import type { D1Migration } from '@cloudflare/vitest-plugin';
import type { Bindings } from '../src/env.js';

declare global {
  namespace Cloudflare {
    interface Env extends Bindings {
      TEST_MIGRATIONS: D1Migration[];
      ADMIN_TOKEN: string;
      FAULT_CONTENT: KVNamespace;
    }
    interface GlobalProps {
      mainModule: typeof import('../src/index.js');
    }
  }
}
