/** sitemap.xml, robots.txt and feed.xml from the real content: well-formed, complete, consistent. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { loadPublicBundle } from './content.ts';
import { atomFeed } from './feed.ts';
import { NOT_FOUND_PAGE, publicPages } from './pages.ts';
import { robotsTxt } from './robots.ts';
import { sitemapXml } from './sitemap.ts';

const site = { origin: 'https://prep.example.com', name: 'examdown' };
const bundle = loadPublicBundle();
const pages = publicPages(bundle);
const parser = new XMLParser({
  ignoreAttributes: false,
  isArray: (name) => ['url', 'entry', 'author', 'category'].includes(name),
});

describe('sitemap.xml', () => {
  const xml = sitemapXml(site, [...pages, NOT_FOUND_PAGE]);
  it('is well-formed and lists every public page once, absolute', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const urls = parser.parse(xml).urlset.url as { loc: string; lastmod?: string }[];
    expect(urls.map((u) => u.loc).sort()).toEqual(
      pages.map((p) => `https://prep.example.com${p.path}`).sort(),
    );
    for (const u of urls) if (u.lastmod !== undefined) expect(u.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
  it('takes each guide’s lastmod from its updated (or published) date', () => {
    const urls = parser.parse(xml).urlset.url as { loc: string; lastmod?: string }[];
    for (const g of bundle.guides) {
      const url = urls.find((u) => u.loc.endsWith(`/guides/${g.slug}`));
      expect(url?.lastmod).toBe(g.updated ?? g.published);
    }
  });
});

describe('robots.txt', () => {
  it('allows the site, keeps attempts and the API out, and names the sitemap', () => {
    const lines = robotsTxt(site).split('\n');
    expect(lines).toContain('User-agent: *');
    expect(lines).toContain('Disallow: /attempts/');
    expect(lines).toContain('Sitemap: https://prep.example.com/sitemap.xml');
  });
});

describe('feed.xml', () => {
  const xml = atomFeed(site, bundle.guides);
  it('is a well-formed Atom feed with an entry per guide, newest change first', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = parser.parse(xml).feed;
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe('https://prep.example.com/feed.xml');
    const entries = feed.entry as {
      id: string;
      title: string;
      updated: string;
      content: { '#text': string };
    }[];
    expect(entries).toHaveLength(bundle.guides.length);
    const updated = entries.map((e) => e.updated);
    expect(updated).toEqual([...updated].sort().reverse());
    for (const e of entries) {
      expect(e.id).toMatch(/^https:\/\/prep\.example\.com\/guides\//);
      expect(e.updated).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
      expect(e.content['#text'].length).toBeGreaterThan(100);
    }
  });
  it('is valid with no guides at all', () => {
    expect(XMLValidator.validate(atomFeed(site, []))).toBe(true);
  });
});
