/**
 * The content's files (images, PDFs) in production: the web build copies the bundle's
 * `public/assets/` to /api/v1/assets/ among the static assets, and the real Worker answers
 * GET /api/v1/assets/:name from there (the ASSETS binding) with immutable caching, the file's
 * media type, nosniff, and a policy under which an SVG runs no script. vitest.config.ts serves the
 * web build plus the TEST_ASSETS fixtures as the Worker's static assets.
 */
import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { TEST_ASSETS } from './constants.js';
import { api } from './helpers.js';
import { securityHeaderProblems } from './invariants.js';

const [png, svg, pdf] = Object.keys(TEST_ASSETS) as [string, string, string];
const bytes = (name: string) => Uint8Array.from(atob(TEST_ASSETS[name] as string), (c) => c.charCodeAt(0));
const path = (name: string) => `/api/v1/assets/${name}`;

async function get(name: string, headers: Record<string, string> = {}, method = 'GET') {
  const res = await exports.default.fetch(
    new Request(`http://examdown.test${path(name)}`, { method, headers }),
  );
  return { res, body: new Uint8Array(await res.arrayBuffer()) };
}

describe('GET /api/v1/assets/:name — the content files, from the static assets', () => {
  it('serves an image byte for byte, immutable, with its type and nosniff', async () => {
    const { res, body } = await get(png);
    expect(res.status).toBe(200);
    expect(body).toEqual(bytes(png));
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    // Every header the API sets on its responses, the file's own policy included.
    expect(securityHeaderProblems(res.headers)).toEqual([]);
    // HEAD: the headers, no body.
    const head = await get(png, {}, 'HEAD');
    expect([head.res.status, head.body.length, head.res.headers.get('content-type')]).toEqual([
      200,
      0,
      'image/png',
    ]);
  });

  it('an SVG may not run script: a sandbox with no sources but inline styles', async () => {
    const { res, body } = await get(svg);
    expect(res.status).toBe(200);
    expect(new TextDecoder().decode(body)).toContain('<script>');
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    const csp = (res.headers.get('content-security-policy') ?? '').split(';').map((d) => d.trim());
    expect(csp).toEqual(
      expect.arrayContaining([
        "default-src 'none'",
        "style-src 'unsafe-inline'",
        'sandbox',
        "frame-ancestors 'none'",
      ]),
    );
    expect(csp.join(';')).not.toMatch(/script-src|unsafe-eval/);
  });

  it('a PDF is downloaded, not opened in the site', async () => {
    const { res } = await get(pdf);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${pdf}"`);
  });

  it('revalidation with the ETag answers 304', async () => {
    const { res } = await get(png);
    const etag = res.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await get(png, { 'If-None-Match': etag as string });
    expect([again.res.status, again.body.length]).toEqual([304, 0]);
    expect(again.res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('unknown or malformed names: 404 JSON, never a page or another file', async () => {
    for (const name of [
      'ffffffffffffffff.png',
      '0a1b2c3d4e5f6789.PNG',
      '0a1b2c3d4e5f6789.html',
      '0a1b2c3d4e5f6789',
      'index.html',
      '..%2F..%2Findex.html',
      '%2E%2E%2Fapp-shell',
    ]) {
      const res = await api('GET', path(name));
      expect(res.status, name).toBe(404);
      expect(res.headers.get('content-type'), name).toContain('application/json');
      expect(res.headers.get('cache-control'), name).toBe('no-store');
      expect(res.body.error.code, name).toBe('asset_not_found');
      expect(securityHeaderProblems(res.headers), name).toEqual([]);
    }
    // Off the route altogether: the API's own 404 and 405.
    expect((await api('GET', '/api/v1/assets/a/b.png')).body.error.code).toBe('not_found');
    expect((await api('POST', path(png))).status).toBe(405);
  });
});
