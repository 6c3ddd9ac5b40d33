import { createRoute } from '@hono/zod-openapi';
import { ApiError, errorResponses } from '../errors.js';
import { contentCache } from '../http.js';
import { GuideDetail, GuideList, GuideSlugParam } from '../schemas/content.js';
import { json, router } from './openapi.js';

const listGuides = createRoute({
  method: 'get',
  path: '/guides',
  tags: ['content'],
  summary: 'Guide summaries',
  middleware: [contentCache] as const,
  responses: {
    200: { description: 'Guides', content: json(GuideList) },
    ...errorResponses(503),
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
    200: { description: 'The guide', content: json(GuideDetail) },
    ...errorResponses(400, 404, 503),
  },
});

export const guideRoutes = router()
  .openapi(listGuides, async (c) => {
    const guides = await (await c.var.content()).guideSummaries();
    return c.json({ guides: [...guides] }, 200);
  })
  .openapi(getGuide, async (c) => {
    const { slug } = c.req.valid('param');
    const guide = await (await c.var.content()).guide(slug);
    if (!guide) throw new ApiError('guide_not_found', `There is no guide '${slug}'.`);
    return c.json(guide, 200);
  });
