/** sitemap.xml (sitemaps.org 0.9): every public page, with lastmod where the content has a date. */
import type { PublicPage } from './pages.ts';
import { absoluteUrl, type Site } from './site.ts';
import { escapeXml } from './xml.ts';

export function sitemapXml(site: Site, pages: readonly PublicPage[]): string {
  const urls = pages
    .filter((p) => p.kind !== 'not-found')
    .map((p) => {
      const lastmod = p.lastmod ? `<lastmod>${escapeXml(p.lastmod)}</lastmod>` : '';
      return `  <url><loc>${escapeXml(absoluteUrl(site, p.path))}</loc>${lastmod}</url>`;
    });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}
