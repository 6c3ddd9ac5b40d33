import type { D1Database, KVNamespace } from '@cloudflare/workers-types';
import type { Content } from './bundle-store.js';

/** Bindings declared in wrangler.jsonc (and the ADMIN_TOKEN secret). */
export interface Bindings {
  DB: D1Database;
  /** The compiled bundle (kv-layout.ts), uploaded by scripts/upload-bundle.ts. */
  CONTENT: KVNamespace;
  /** Workers Static Assets: the built web client. Absent in unit tests. */
  ASSETS?: { fetch(request: Request): Promise<Response> };
  /** Comma-separated origins allowed by CORS. */
  ALLOWED_ORIGINS?: string;
  /** Bearer secret of the admin routes; unset = admin routes refuse every request. */
  ADMIN_TOKEN?: string;
}

export interface Variables {
  /**
   * The live bundle, opened on first call (once per request). Rejects with ApiError
   * `bundle_unavailable` (503) when it is missing or corrupt.
   */
  content: () => Promise<Content>;
}

export interface AppEnv {
  Bindings: Bindings;
  Variables: Variables;
}
