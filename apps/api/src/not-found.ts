/**
 * What no route answered. Outside the API: the web client's files (reached only without
 * run_worker_first's routing: tests, other configs). A known API path with another method: 405
 * with `Allow`, from the app's own router. Anything else: 404.
 */
import type { Hono, NotFoundHandler } from 'hono';
import type { AppEnv } from './env.js';
import { ApiError } from './errors.js';
import { errorResponse } from './http.js';

export function notFound(app: Hono<AppEnv>, apiBase: string): NotFoundHandler<AppEnv> {
  let methods: string[] | undefined;
  /** The methods with a route (not only middleware) for `path`; a trailing slash still names it. */
  const allowedOn = (path: string) => {
    methods ??= [...new Set(app.routes.map((r) => r.method))].filter((m) => m !== 'ALL');
    const paths = path.endsWith('/') ? [path, path.slice(0, -1)] : [path];
    return methods.filter((method) =>
      paths.some((p) => app.router.match(method, p)[0].some(([[, route]]) => route.method !== 'ALL')),
    );
  };

  return async function notFound(c) {
    const path = new URL(c.req.url).pathname;
    // All of /api/ is the API's (run_worker_first sends it here): never a page, so never the
    // prerendered 404.html — a JSON error, like any other unknown API path.
    if (!path.startsWith('/api/') && path !== '/api' && c.env.ASSETS) {
      // Copy the response: asset responses have immutable headers, and middleware adds its own.
      const asset = await c.env.ASSETS.fetch(c.req.raw);
      return new Response(asset.body, asset);
    }
    const allowed = allowedOn(path);
    // A method the path allows is no 405: the path itself is off (e.g. a trailing slash) → 404.
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    if (allowed.length > 0 && !allowed.includes(method)) {
      if (allowed.includes('GET')) allowed.push('HEAD');
      const error = new ApiError(
        'method_not_allowed',
        `${c.req.method} is not allowed on ${path}; use ${allowed.join(', ')}.`,
        { headers: { Allow: allowed.join(', ') } },
      );
      return errorResponse(c, error);
    }
    return errorResponse(
      c,
      new ApiError(
        'not_found',
        `No route ${c.req.method} ${path}. The API is documented at ${apiBase}/openapi.json.`,
      ),
    );
  };
}
