/**
 * The content's local files (images, PDFs) that the compiler copies into the bundle under their
 * content hash (`<sha256-16>.<ext>`, bundle `public/assets/`) and links at /api/v1/assets/<name>.
 * The web build copies them to the same path among the static assets (apps/web/prerender), and
 * GET /api/v1/assets/:name answers from there (routes/assets.ts); `npm run dev`'s proxy serves the
 * live content's from memory with the same headers. Pure: the dev proxy imports it in Node.
 */
import { ASSET_URL_PREFIX, CONTENT_FILE_TYPES } from '@examdown/compiler/shared';

/** Where the content links its files (the compiler's ASSET_URL_PREFIX, without the slash). */
export const ASSET_PATH = ASSET_URL_PREFIX.slice(0, -1);

/** Every extension the compiler copies, with its media type. */
const TYPES: Record<string, string> = CONTENT_FILE_TYPES;

/** A bundle asset's name: 16 hex digits of its sha256, then its extension in lower case. */
const NAME = /^[0-9a-f]{16}\.([a-z]+)$/;

/**
 * The headers of an asset named `name`, or undefined when no asset can have that name. Named by
 * content, the same name always means the same bytes: cached for a year, never revalidated. An
 * SVG opened on its own may not run script (a sandboxed document with no sources at all but inline
 * styles); a PDF is downloaded rather than opened in the site's origin.
 */
export function assetHeaders(name: string): Record<string, string> | undefined {
  const type = TYPES[NAME.exec(name)?.[1] ?? ''];
  if (!type) return undefined;
  return {
    'Content-Type': type,
    'Cache-Control': 'public, max-age=31536000, immutable',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy':
      "default-src 'none'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'",
    ...(type === 'application/pdf' ? { 'Content-Disposition': `attachment; filename="${name}"` } : {}),
  };
}
