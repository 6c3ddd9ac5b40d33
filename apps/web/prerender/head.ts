/**
 * A page's <head> metadata as HTML: title, description, canonical URL, Open Graph and Twitter
 * card tags, and its JSON-LD blocks. The same tags for every page kind, so crawlers and link
 * previews see one consistent shape.
 */
import type { PublicBundle } from '@examdown/compiler/schema';
import { pageJsonLd, serializeJsonLd } from './jsonld.ts';
import { documentTitle, type PublicPage } from './pages.ts';
import { absoluteUrl, type Site } from './site.ts';
import { escapeXml } from './xml.ts';

/** The size every Open Graph image is generated at. */
export const OG_IMAGE_SIZE = { width: 1200, height: 630 } as const;

const meta = (key: 'name' | 'property', name: string, content: string) =>
  `<meta ${key}="${name}" content="${escapeXml(content)}" />`;

export function headTags(site: Site, page: PublicPage, bundle: PublicBundle): string[] {
  const url = absoluteUrl(site, page.path);
  const image = absoluteUrl(site, page.image.path);
  const title = documentTitle(page);
  const indexable = page.kind !== 'not-found';
  const tags = [
    `<title>${escapeXml(title)}</title>`,
    meta('name', 'description', page.description),
    indexable ? `<link rel="canonical" href="${escapeXml(url)}" />` : meta('name', 'robots', 'noindex'),
    meta('property', 'og:site_name', site.name),
    meta('property', 'og:type', page.kind === 'guide' ? 'article' : 'website'),
    meta('property', 'og:title', page.title),
    meta('property', 'og:description', page.description),
    meta('property', 'og:url', url),
    meta('property', 'og:image', image),
    meta('property', 'og:image:type', 'image/png'),
    meta('property', 'og:image:width', String(OG_IMAGE_SIZE.width)),
    meta('property', 'og:image:height', String(OG_IMAGE_SIZE.height)),
    meta('property', 'og:image:alt', page.image.alt),
    meta('name', 'twitter:card', 'summary_large_image'),
    meta('name', 'twitter:title', page.title),
    meta('name', 'twitter:description', page.description),
    meta('name', 'twitter:image', image),
    meta('name', 'twitter:image:alt', page.image.alt),
  ];
  // Open Graph wants language_TERRITORY (en_GB): only a locale that names its territory has one.
  const locale = page.guide?.locale;
  if (locale && /^[a-z]{2}[-_][A-Z]{2}$/.test(locale))
    tags.push(meta('property', 'og:locale', locale.replace('-', '_')));
  if (page.guide) {
    tags.push(meta('property', 'article:published_time', page.guide.published));
    if (page.guide.updated) tags.push(meta('property', 'article:modified_time', page.guide.updated));
    for (const tag of page.guide.tags) tags.push(meta('property', 'article:tag', tag));
  }
  if (indexable) {
    tags.push(
      `<link rel="alternate" type="application/atom+xml" title="${escapeXml(site.name)} guides" href="/feed.xml" />`,
    );
  }
  for (const block of pageJsonLd(site, page, bundle)) {
    tags.push(`<script type="application/ld+json">${serializeJsonLd(block)}</script>`);
  }
  return tags;
}
