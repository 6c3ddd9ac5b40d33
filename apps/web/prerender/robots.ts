/**
 * robots.txt: everything public may be crawled; attempts and /account (one learner's own) and the
 * API (the same content as the pages, as JSON) are not pages to index. Names the sitemap.
 */
import { absoluteUrl, type Site } from './site.ts';

export const SITEMAP_PATH = '/sitemap.xml';

export function robotsTxt(site: Site): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /attempts/',
    'Disallow: /account',
    'Disallow: /api/',
    '',
    `Sitemap: ${absoluteUrl(site, SITEMAP_PATH)}`,
    '',
  ].join('\n');
}
