import { BUNDLE_SCHEMA_VERSION } from '@examdown/compiler/schema';
import { createRoute } from '@hono/zod-openapi';
import { ErrorBody } from '../errors.js';
import { API_VERSION, noStore } from '../http.js';
import { Health } from '../schemas/meta.js';
import { json, router } from './openapi.js';

const healthz = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['meta'],
  summary: 'Liveness: the bundle served (content hash, schema version, counts) and whether D1 answers',
  middleware: [noStore] as const,
  responses: {
    200: { description: 'Healthy', content: json(Health) },
    503: {
      description:
        'The database is unavailable (Health, `database: "unavailable"`), or the content bundle is missing or corrupt (Error `bundle_unavailable` with the reason)',
      content: json(Health.or(ErrorBody)),
    },
  },
});

export const healthRoutes = router().openapi(healthz, async (c) => {
  // Throws ApiError `bundle_unavailable` (503) when there is no usable bundle.
  const { manifest } = await c.var.content();
  let database: 'ok' | 'unavailable' = 'ok';
  try {
    await c.env.DB.prepare('SELECT COUNT(*) AS n FROM exam_stats WHERE 0').first();
  } catch (err) {
    console.error('healthz: D1 query failed (migrations applied?)', err);
    database = 'unavailable';
  }
  const body = {
    status: database === 'ok' ? ('ok' as const) : ('degraded' as const),
    apiVersion: API_VERSION,
    schemaVersion: BUNDLE_SCHEMA_VERSION,
    contentHash: manifest.contentHash,
    generator: manifest.generator,
    counts: manifest.counts,
    database,
  };
  return database === 'ok' ? c.json(body, 200) : c.json(body, 503);
});
