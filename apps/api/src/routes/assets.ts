/**
 * GET /assets/{name}: a file the content links to (src/assets.ts), from the Worker's static
 * assets, where the web build copied the bundle's files (apps/web/prerender). The same URL serves
 * them in `npm run dev` (its proxy, from the live content) and in production.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { ASSET_PATH, assetHeaders } from '../assets.js';
import type { AppEnv } from '../env.js';
import { ApiError, errorResponses } from '../errors.js';
import { router } from './openapi.js';

const getAsset = createRoute({
  method: 'get',
  path: '/assets/{name}',
  tags: ['content'],
  summary:
    'A local file the content links to (image, PDF), named by its content hash: immutable; an SVG may not run script',
  request: {
    params: z.object({ name: z.string().openapi({ example: '3f2a9c0d1e4b5a68.png' }) }),
  },
  responses: {
    200: {
      description: 'The file, with its media type',
      content: { 'image/*': { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...errorResponses(404),
  },
});

export const assetRoutes = router().openapi(getAsset, async (c) => {
  const { name } = c.req.valid('param');
  const headers = assetHeaders(name);
  const assets = c.env.ASSETS;
  const missing = new ApiError('asset_not_found', `There is no file '${name}' in the content.`);
  if (!headers || !assets) throw missing;
  const conditional = c.req.header('If-None-Match');
  const file = await assets.fetch(
    new Request(new URL(`${ASSET_PATH}/${name}`, c.req.url), {
      headers: conditional ? { 'If-None-Match': conditional } : {},
    }),
  );
  // Not there: the static 404 page (not_found_handling), answered as the API's JSON 404.
  if (file.status !== 200 && file.status !== 304) {
    await file.body?.cancel();
    throw missing;
  }
  const etag = file.headers.get('ETag');
  return new Response(file.status === 304 ? null : file.body, {
    status: file.status,
    headers: etag ? { ...headers, ETag: etag } : headers,
  });
});

/**
 * The asset's own Content-Security-Policy (a sandbox, inline styles only) over the API's: this
 * middleware is registered before hono/secure-headers, so it runs after it on the way out.
 */
export const assetPolicy: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  const csp = assetHeaders(c.req.path.slice(c.req.path.lastIndexOf('/') + 1))?.['Content-Security-Policy'];
  if (csp && (c.res.status === 200 || c.res.status === 304))
    c.res.headers.set('Content-Security-Policy', csp);
};
