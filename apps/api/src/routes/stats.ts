import { createRoute } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { examOr404 } from '../bundle-store.js';
import type { AppEnv } from '../env.js';
import { ApiError, errorResponses } from '../errors.js';
import { noStore } from '../http.js';
import { StatsQuery, StatsResult } from '../schemas/meta.js';
import { bearer, secretMatches } from '../security.js';
import { foldAll, readSums } from '../stats/aggregates.js';
import { itemStatistics } from '../stats/index.js';
import { json, router } from './openapi.js';

const adminToken = bearer((token, c) => secretMatches(token, c.env.ADMIN_TOKEN), 'Wrong admin token.');

/** Admin routes: `Authorization: Bearer <ADMIN_TOKEN>`; with no ADMIN_TOKEN configured, refused. */
export const requireAdmin = (): MiddlewareHandler<AppEnv> =>
  async function requireAdmin(c, next) {
    if (!c.env.ADMIN_TOKEN) {
      throw new ApiError(
        'admin_disabled',
        'Admin routes are disabled: set the ADMIN_TOKEN secret (`wrangler secret put ADMIN_TOKEN`, or .dev.vars locally).',
      );
    }
    return adminToken(c, next);
  };

const questionStats = createRoute({
  method: 'get',
  path: '/stats/questions',
  tags: ['admin'],
  summary:
    'Item analysis from graded attempts: facility (p) and point-biserial discrimination (r_pb), from per-question sums',
  middleware: [noStore, requireAdmin()] as const,
  security: [{ adminToken: [] }],
  request: { query: StatsQuery },
  responses: {
    200: { description: 'Per-question statistics', content: json(StatsResult) },
    ...errorResponses(400, 401, 403, 404, 503),
  },
});

export const statsRoutes = router().openapi(questionStats, async (c) => {
  const { exam, mode } = c.req.valid('query');
  const index = examOr404(await c.var.content(), exam);
  // Queued results first (the Cron Trigger folds them too), then the sums: no scan of attempts.
  await foldAll(c.env.DB);
  const { attempts, items } = await readSums(c.env.DB, exam, mode);
  const questions = itemStatistics(index, items);
  return c.json({ examId: exam, attempts, generatedAt: new Date().toISOString(), questions }, 200);
});
