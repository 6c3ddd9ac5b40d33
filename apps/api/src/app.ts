/**
 * The examdown API: every route under /api/v1, composed from one module per resource.
 *
 * `AppType` (the fully chained app) is what the web client's `hc<AppType>` is typed with:
 * `import type { AppType } from '@examdown/api/app'`.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { secureHeaders } from 'hono/secure-headers';
import type { LoadedBundle } from './bundle.js';
import type { AppEnv } from './env.js';
import { ApiError } from './errors.js';
import { API_VERSION, corsFromEnv, errorResponse, onError, validationHook } from './http.js';
import { attemptRoutes } from './routes/attempts.js';
import { examRoutes } from './routes/exams.js';
import { guideRoutes } from './routes/guides.js';
import { healthRoutes } from './routes/health.js';
import { questionRoutes } from './routes/questions.js';
import { statsRoutes } from './routes/stats.js';

export const API_BASE = '/api/v1';

export function createApp(bundle: LoadedBundle) {
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
    c.set('bundle', bundle);
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
        'Serves and grades an examdown bundle. Errors: `{ "error": { "code", "message", "issues"? } }`. ' +
        `Content hash: ${c.var.bundle.contentHash}.`,
    },
    servers: [{ url: new URL(c.req.url).origin }],
  }));

  const methodsByPath = () =>
    routes.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => ({ method: r.method, pattern: new RegExp(`^${r.path.replace(/:[^/]+/g, '[^/]+')}/?$`) }));
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
    if (allowed.length > 0) {
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
