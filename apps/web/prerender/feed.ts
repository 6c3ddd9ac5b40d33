/**
 * feed.xml: an Atom feed (RFC 4287) of the guides, newest change first, with each guide's full
 * sanitized HTML. xml:base makes the guides' site-relative links resolve in feed readers.
 */
import type { Guide } from '@examdown/compiler/schema';
import { guideDate } from './content.ts';
import { guideDescription } from './pages.ts';
import { absoluteUrl, type Site } from './site.ts';
import { escapeXml, latestDate, toTimestamp } from './xml.ts';

export const FEED_PATH = '/feed.xml';

function entry(site: Site, guide: Guide): string {
  const url = absoluteUrl(site, `/guides/${guide.slug}`);
  const lines = [
    `  <entry xml:base="${escapeXml(url)}">`,
    `    <id>${escapeXml(url)}</id>`,
    `    <title>${escapeXml(guide.title)}</title>`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
    `    <published>${toTimestamp(guide.published)}</published>`,
    `    <updated>${toTimestamp(guideDate(guide))}</updated>`,
    ...guide.authors.map((a) => `    <author><name>${escapeXml(a)}</name></author>`),
    ...guide.tags.map((t) => `    <category term="${escapeXml(t)}"/>`),
    `    <summary>${escapeXml(guideDescription(guide))}</summary>`,
    `    <content type="html">${escapeXml(guide.html)}</content>`,
    '  </entry>',
  ];
  return lines.join('\n');
}

export function atomFeed(site: Site, guides: readonly Guide[]): string {
  const sorted = [...guides].sort(
    (a, b) => guideDate(b).localeCompare(guideDate(a)) || a.slug.localeCompare(b.slug),
  );
  const updated = latestDate(guides.map(guideDate));
  const home = absoluteUrl(site, '/');
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escapeXml(absoluteUrl(site, FEED_PATH))}</id>`,
    `  <title>${escapeXml(site.name)} guides</title>`,
    `  <subtitle>Certification exam guides</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(absoluteUrl(site, FEED_PATH))}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(absoluteUrl(site, '/guides'))}"/>`,
    // A feed must have an updated date: with no guides, the epoch says "nothing yet".
    `  <updated>${toTimestamp(updated ?? '1970-01-01')}</updated>`,
    `  <author><name>${escapeXml(site.name)}</name><uri>${escapeXml(home)}</uri></author>`,
    ...sorted.map((g) => entry(site, g)),
    '</feed>',
    '',
  ].join('\n');
}
