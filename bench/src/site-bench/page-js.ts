/**
 * The JavaScript each prerendered page loads: its module script and every chunk it preloads, read
 * from the page's HTML in apps/web/dist, gzip -9. The figure the guide's 15 KiB budget is about.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { WEB_DIR } from '../edge/common.ts';

export interface PageJs {
  page: string;
  files: number;
  bytes: number;
  gzipBytes: number;
}

/** The dist file a URL path is served from (prerender/build.ts writes /exams as exams.html). */
const fileOf = (urlPath: string) => (urlPath === '/' ? 'index.html' : `${urlPath.slice(1)}.html`);

export function pageJs(urlPath: string): PageJs {
  const dist = path.join(WEB_DIR, 'dist');
  const html = readFileSync(path.join(dist, fileOf(urlPath)), 'utf8');
  const srcs = [
    ...html.matchAll(/<script type="module"[^>]*\ssrc="([^"]+)"/g),
    ...html.matchAll(/<link rel="modulepreload"[^>]*\shref="([^"]+)"/g),
  ].map((m) => m[1] ?? '');
  let bytes = 0;
  let gzipBytes = 0;
  for (const src of new Set(srcs)) {
    const data = readFileSync(path.join(dist, src));
    bytes += data.length;
    gzipBytes += gzipSync(data, { level: 9 }).length;
  }
  return { page: urlPath, files: new Set(srcs).size, bytes, gzipBytes };
}
