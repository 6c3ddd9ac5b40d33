import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { submittedItems } from '../attempts/store.js';
import type { AppEnv } from '../env.js';
import { ApiError, errorResponses } from '../errors.js';
import { noStore, validationHook } from '../http.js';
import { StatsQuery, StatsResult } from '../schemas.js';
import { bearerToken, secretMatches } from '../security.js';
import { itemStatistics } from '../stats/index.js';
import { examIndexOr404 } from './exams.js';

/** Admin routes: `Authorization: Bearer <ADMIN_TOKEN>`; with no ADMIN_TOKEN configured, refused. */
export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  const expected = c.env.ADMIN_TOKEN;
  if (!expected) {
    throw new ApiError(
      'admin_disabled',
      'Admin routes are disabled: set the ADMIN_TOKEN secret (`wrangler secret put ADMIN_TOKEN`, or .dev.vars locally).',
    );
  }
  const token = bearerToken(c.req.header('Authorization'));
  if (!(await secretMatches(token, expected))) throw new ApiError('token_invalid', 'Wrong admin token.');
  await next();
};

const questionStats = createRoute({
  method: 'get',
  path: '/stats/questions',
  tags: ['admin'],
  summary: 'Item analysis from submitted attempts: facility (p) and point-biserial discrimination (r_pb)',
  middleware: [noStore, requireAdmin] as const,
  security: [{ adminToken: [] }],
  request: { query: StatsQuery },
  responses: {
    200: { description: 'Per-question statistics', content: { 'application/json': { schema: StatsResult } } },
    ...errorResponses(400, 401, 403, 404, 503),
  },
});

export const statsRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(
  questionStats,
  async (c) => {
    const { exam, mode } = c.req.valid('query');
    const index = examIndexOr404(await c.var.content(), exam);
    const rows = await submittedItems(c.env.DB, exam, mode);
    const { attempts, items } = itemStatistics(index, rows);
    return c.json({ examId: exam, attempts, generatedAt: new Date().toISOString(), questions: items }, 200);
  },
);
