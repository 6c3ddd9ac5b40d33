import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../env.js';
import { ApiError, errorResponses } from '../errors.js';
import { contentCache, validationHook } from '../http.js';
import { GuideDetail, GuideList, GuideSlugParam } from '../schemas.js';

const listGuides = createRoute({
  method: 'get',
  path: '/guides',
  tags: ['content'],
  summary: 'Guide summaries',
  middleware: [contentCache] as const,
  responses: {
    200: { description: 'Guides', content: { 'application/json': { schema: GuideList } } },
  },
});

const getGuide = createRoute({
  method: 'get',
  path: '/guides/{slug}',
  tags: ['content'],
  summary: 'One guide: sanitized HTML, table of contents, metadata, FAQ, embedded question ids',
  middleware: [contentCache] as const,
  request: { params: GuideSlugParam },
  responses: {
    200: { description: 'The guide', content: { 'application/json': { schema: GuideDetail } } },
    ...errorResponses(400, 404),
  },
});

export const guideRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(listGuides, (c) => c.json({ guides: c.var.bundle.guideSummaries }, 200))
  .openapi(getGuide, (c) => {
    const { slug } = c.req.valid('param');
    const guide = c.var.bundle.guides.get(slug);
    if (!guide) throw new ApiError('guide_not_found', `There is no guide '${slug}'.`);
    return c.json(guide, 200);
  });
