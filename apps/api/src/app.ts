/**
 * The examdown API: every route under /api/v1, composed from one module per resource.
 *
 * `AppType` (the fully chained app) is what the web client's `hc<AppType>` is typed with:
 * `import type { AppType } from '@examdown/api/app'`.
 */
// First: it gives zod schemas .openapi(), and zod gives a schema its methods when it is built,
// so it must load before the compiler's schemas that the API's schemas extend.
import '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { BundleStore, Content } from './bundle-store.js';
import type { AppEnv } from './env.js';
import { API_VERSION, bundleUnavailable, corsFromEnv, onError } from './http.js';
import { learnerSession } from './learner/session.js';
import { notFound } from './not-found.js';
import { assetPolicy, assetRoutes } from './routes/assets.js';
import { attemptRoutes } from './routes/attempts.js';
import { examRoutes } from './routes/exams.js';
import { guideRoutes } from './routes/guides.js';
import { healthRoutes } from './routes/health.js';
import { meRoutes } from './routes/me.js';
import { router } from './routes/openapi.js';
import { passkeyRoutes } from './routes/passkeys.js';
import { questionRoutes } from './routes/questions.js';
import { statsRoutes } from './routes/stats.js';

export const API_BASE = '/api/v1';

export function createApp(store: BundleStore) {
  const app = router();

  // Before the secure headers, so that the files' own policy is set after theirs.
  app.use(`${API_BASE}/assets/*`, assetPolicy);
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] },
      crossOriginResourcePolicy: 'same-origin',
    }),
  );
  app.use(`${API_BASE}/*`, corsFromEnv);
  app.use(`${API_BASE}/*`, learnerSession());
  app.use('*', openContent(store));

  const routes = app
    .route(API_BASE, healthRoutes)
    .route(API_BASE, examRoutes)
    .route(API_BASE, guideRoutes)
    .route(API_BASE, questionRoutes)
    .route(API_BASE, assetRoutes)
    .route(API_BASE, attemptRoutes)
    .route(API_BASE, meRoutes)
    .route(API_BASE, passkeyRoutes)
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
    // From configuration (SITE_URL, the site's one origin), never from the request's Host.
    servers: [{ url: serverUrl(c.env.SITE_URL) }],
  }));

  routes.notFound(notFound(routes, API_BASE));
  routes.onError(onError);
  return routes;
}

export type AppType = ReturnType<typeof createApp>;

/** The OpenAPI `servers` URL: the configured public origin, or `/` (the document's own origin). */
export function serverUrl(origin: string | undefined): string {
  if (!origin) return '/';
  try {
    return new URL(origin).origin;
  } catch {
    return '/';
  }
}

/** `c.var.content()`: the live bundle, opened on the first call of a request and only then. */
function openContent(store: BundleStore): MiddlewareHandler<AppEnv> {
  return async function openContent(c, next) {
    let opened: Promise<Content> | undefined;
    c.set('content', () => {
      opened ??= store.open(c.env).catch((err: unknown) => {
        throw bundleUnavailable(err);
      });
      return opened;
    });
    await next();
  };
}
