import type { D1Database } from '@cloudflare/workers-types';
import type { LoadedBundle } from './bundle.js';

/** Bindings declared in wrangler.jsonc (and the ADMIN_TOKEN secret). */
export interface Bindings {
  DB: D1Database;
  /** Workers Static Assets: the built web client. Absent in unit tests. */
  ASSETS?: { fetch(request: Request): Promise<Response> };
  /** Comma-separated origins allowed by CORS. */
  ALLOWED_ORIGINS?: string;
  /** Bearer secret of the admin routes; unset = admin routes refuse every request. */
  ADMIN_TOKEN?: string;
}

export interface Variables {
  bundle: LoadedBundle;
}

export interface AppEnv {
  Bindings: Bindings;
  Variables: Variables;
}
