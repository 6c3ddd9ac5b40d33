/**
 * The examdown API: every route under /api/v1, composed from one module per resource.
 *
 * `AppType` (the fully chained app) is what the web client's `hc<AppType>` is typed with:
 * `import type { AppType } from '@examdown/api/app'`.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { secureHeaders } from 'hono/secure-headers';
import type { BundleStore, Content } from './bundle-store.js';
import type { AppEnv } from './env.js';
import { ApiError } from './errors.js';
import {
  API_VERSION,
  bundleUnavailable,
  corsFromEnv,
  errorResponse,
  onError,
  validationHook,
} from './http.js';
import { attemptRoutes } from './routes/attempts.js';
import { examRoutes } from './routes/exams.js';
import { guideRoutes } from './routes/guides.js';
import { healthRoutes } from './routes/health.js';
import { questionRoutes } from './routes/questions.js';
import { statsRoutes } from './routes/stats.js';

export const API_BASE = '/api/v1';

export function createApp(store: BundleStore) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      crossOriginResourcePolicy: 'same-origin',
    }),
  );
  app.use(`${API_BASE}/*`, corsFromEnv);
  app.use('*', async (c, next) => {
    let opened: Promise<Content> | undefined;
    c.set('content', () => {
      opened ??= store.open(c.env).catch((err: unknown) => {
        throw bundleUnavailable(err);
      });
      return opened;
    });
    await next();
  });

  const routes = app
    .route(API_BASE, healthRoutes)
    .route(API_BASE, examRoutes)
    .route(API_BASE, guideRoutes)
    .route(API_BASE, questionRoutes)
    .route(API_BASE, attemptRoutes)
    .route(API_BASE, statsRoutes);

  routes.openAPIRegistry.registerComponent('securitySchemes', 'attemptToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'The token returned once by POST /exams/{examId}/attempts.',
  });
  routes.openAPIRegistry.registerComponent('securitySchemes', 'adminToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'The ADMIN_TOKEN secret.',
  });
  routes.doc(`${API_BASE}/openapi.json`, (c) => ({
    openapi: '3.0.3',
    info: {
      title: 'examdown API',
      version: API_VERSION,
      description:
        'Serves and grades an examdown bundle. Errors: `{ "error": { "code", "message", "issues"? } }`; ' +
        'every content and attempt route answers 503 `bundle_unavailable` while the bundle is missing or corrupt.',
    },
    servers: [{ url: new URL(c.req.url).origin }],
  }));

  const methodsByPath = () =>
    routes.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => ({
        method: r.method,
        // Literal parts escaped (the `.` of openapi.json); a parameter is one segment.
        pattern: new RegExp(
          `^${r.path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[^/]+/g, '[^/]+')}/?$`,
        ),
      }));
  let known: ReturnType<typeof methodsByPath> | undefined;

  routes.notFound(async (c) => {
    const path = new URL(c.req.url).pathname;
    if (!path.startsWith(`${API_BASE}/`) && path !== API_BASE && c.env.ASSETS) {
      // Only reached without run_worker_first's routing (tests, other configs). Copy the
      // response: asset responses have immutable headers, and middleware adds its own.
      const asset = await c.env.ASSETS.fetch(c.req.raw);
      return new Response(asset.body, asset);
    }
    known ??= methodsByPath();
    const allowed = [...new Set(known.filter((r) => r.pattern.test(path)).map((r) => r.method))];
    // A method the path allows is no 405: the path itself is off (e.g. a trailing slash) → 404.
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    if (allowed.length > 0 && !allowed.includes(method)) {
      if (allowed.includes('GET')) allowed.push('HEAD');
      const error = new ApiError(
        'method_not_allowed',
        `${c.req.method} is not allowed on ${path}; use ${allowed.join(', ')}.`,
        {
          headers: { Allow: allowed.join(', ') },
        },
      );
      return errorResponse(c, error);
    }
    return errorResponse(
      c,
      new ApiError(
        'not_found',
        `No route ${c.req.method} ${path}. The API is documented at ${API_BASE}/openapi.json.`,
      ),
    );
  });
  routes.onError(onError);
  return routes;
}

export type AppType = ReturnType<typeof createApp>;
