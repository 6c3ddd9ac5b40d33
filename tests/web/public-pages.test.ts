/**
 * The public site as crawlers and link previews see it: every public page fetched over HTTP from
 * the product started as `npm run dev`, read with JavaScript turned off (Chromium, JS disabled),
 * must carry its own text, title, description, canonical URL, Open Graph and Twitter tags and
 * valid JSON-LD; sitemap.xml, robots.txt and feed.xml must parse and list every page; unknown
 * URLs are 404 with the site's not-found page; client routes (attempts) still get the app.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { REQUIRED_PROPS } from '../../apps/web/prerender/jsonld-contract';
import { wranglerSiteUrl } from '../../apps/web/prerender/site';
import { publicContent, publicPaths } from '../support/public-content';
import { browserSession } from './session';

const { exams, guides, questions } = publicContent();

/** The origin canonical URLs name: SITE_URL, configured once in apps/api/wrangler.jsonc. */
const SITE = new URL(wranglerSiteUrl() ?? 'http://localhost:8787').origin;
const PAGES = publicPaths({ exams, guides });

const session = browserSession();

interface Seen {
  status: number;
  text: string;
  title: string;
  meta: Record<string, string>;
  canonical: string | null;
  jsonLd: string[];
  tables: number;
  tocLinks: string[];
}

/** The page as a reader without JavaScript gets it. */
async function readPage(path: string): Promise<Seen> {
  const context = await session.browser.newContext({ javaScriptEnabled: false, baseURL: session.server.url });
  const page: Page = await context.newPage();
  try {
    const res = await page.goto(path);
    const seen = await page.evaluate(() => {
      const meta: Record<string, string> = {};
      for (const m of document.querySelectorAll('meta[name], meta[property]')) {
        meta[m.getAttribute('name') ?? m.getAttribute('property') ?? ''] = m.getAttribute('content') ?? '';
      }
      return {
        // biome-ignore lint/performance/useDomNodeTextContent: the text a reader sees (noscript shown, hidden text not)
        text: document.body.innerText,
        title: document.title,
        meta,
        canonical: document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null,
        jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map(
          (s) => s.textContent ?? '',
        ),
        tables: document.querySelectorAll('main table').length,
        tocLinks: [...document.querySelectorAll('main nav a[href^="#"]')].map(
          (a) => a.getAttribute('href') ?? '',
        ),
      };
    });
    return { status: res?.status() ?? 0, ...seen };
  } finally {
    await context.close();
  }
}

/** Every JSON-LD block parses, names schema.org, and has the properties its type requires. */
function checkJsonLd(blocks: string[]): string[] {
  const types: string[] = [];
  for (const text of blocks) {
    const block = JSON.parse(text) as Record<string, unknown>;
    expect(block['@context']).toBe('https://schema.org');
    const type = String(block['@type']);
    for (const prop of REQUIRED_PROPS[type] ?? []) expect(block, `${type}.${prop}`).toHaveProperty(prop);
    types.push(type);
  }
  return types;
}

/**
 * Text of an HTML fragment, compared without whitespace: a browser's innerText and the markup
 * space inline elements differently (`<code>x</code>.`).
 */
const plain = (html: string) =>
  bare(
    html
      .replace(/<[^>]+>/g, ' ')
      .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
      .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&'),
  );
const bare = (text: string) => text.replace(/\s+/g, '');

describe('public pages without JavaScript', () => {
  it.each(PAGES)('%s: title, description, canonical, Open Graph, Twitter card, JSON-LD', async (path) => {
    const page = await readPage(path);
    expect(page.status).toBe(200);
    expect(page.title).toMatch(/examdown/);
    expect(page.meta.description?.length).toBeGreaterThan(50);
    expect(page.canonical).toBe(new URL(path, SITE).href);
    expect(page.meta['og:url']).toBe(page.canonical);
    for (const key of [
      'og:title',
      'og:description',
      'og:type',
      'og:site_name',
      'twitter:title',
      'twitter:description',
    ]) {
      expect(page.meta[key], key).toBeTruthy();
    }
    expect(page.meta['og:image']).toMatch(new RegExp(`^${SITE}/og/.+\\.png$`));
    expect(page.meta['twitter:card']).toBe('summary_large_image');
    const types = checkJsonLd(page.jsonLd);
    if (path !== '/') expect(types).toContain('BreadcrumbList');
    expect(page.text).not.toMatch(/needs JavaScript|Loading/);
  });

  it.each(guides.map((g) => [g.slug, g] as const))('guide %s reads completely', async (_, guide) => {
    const page = await readPage(`/guides/${guide.slug}`);
    const types = checkJsonLd(page.jsonLd);
    expect(types).toContain('Article');
    if (guide.faq.length > 0) expect(types).toContain('FAQPage');
    expect(page.text).toContain(guide.title);
    // Every heading of the table of contents, every FAQ question, the article's tables and its end.
    const text = bare(page.text);
    for (const t of guide.toc) expect(text).toContain(plain(t.text));
    for (const f of guide.faq) expect(text).toContain(bare(f.question));
    // Its tables (a try-it question may add its own).
    expect(page.tables).toBeGreaterThanOrEqual((guide.html.match(/<table/g) ?? []).length);
    expect(page.tocLinks).toEqual(
      expect.arrayContaining(guide.toc.filter((t) => t.depth <= 3).map((t) => `#${t.id}`)),
    );
    expect(text).toContain(plain(guide.html).slice(-80));
    // A try-it question shows its stem and options, and says how to answer it.
    for (const id of guide.questionIds) {
      const q = questions.find((x) => x.id === id);
      if (!q) throw new Error(`no question ${id}`);
      expect(text).toContain(plain(q.stemHtml));
      for (const o of q.options) expect(text).toContain(plain(o.html));
      expect(page.text).toContain('Turn on JavaScript to check your answer');
    }
  });

  it.each(exams.map((e) => [e.id, e] as const))('exam %s shows its blueprint', async (_, exam) => {
    const page = await readPage(`/exams/${exam.id}`);
    expect(checkJsonLd(page.jsonLd)).toEqual(
      expect.arrayContaining(['EducationalOccupationalCredential', 'Quiz']),
    );
    expect(page.text).toContain(exam.title);
    for (const d of exam.domains) expect(page.text).toContain(d.name);
    expect(page.text).toContain(`${exam.questionCount}`);
  });

  it('home and the lists link every exam and guide', async () => {
    const home = await readPage('/');
    for (const e of exams) expect(home.text).toContain(e.title);
    for (const g of guides) expect(home.text).toContain(g.title);
    expect((await readPage('/exams')).text).toContain(exams[0]?.title ?? '?');
    expect((await readPage('/guides')).text).toContain(guides[0]?.title ?? '?');
  });
});

describe('discovery files', () => {
  const parser = new XMLParser({ ignoreAttributes: false, isArray: (n) => ['url', 'entry'].includes(n) });

  it('sitemap.xml lists every public page with its lastmod', async () => {
    const res = await fetch(`${session.server.url}/sitemap.xml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/xml/);
    const xml = await res.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const urls = parser.parse(xml).urlset.url as { loc: string; lastmod?: string }[];
    expect(urls.map((u) => u.loc).sort()).toEqual(PAGES.map((p) => new URL(p, SITE).href).sort());
    for (const g of guides) {
      expect(urls.find((u) => u.loc.endsWith(`/guides/${g.slug}`))?.lastmod).toBe(g.updated ?? g.published);
    }
  });

  it('robots.txt allows the site and names the sitemap', async () => {
    const res = await fetch(`${session.server.url}/robots.txt`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const lines = (await res.text()).split('\n');
    expect(lines).toContain('User-agent: *');
    expect(lines).toContain(`Sitemap: ${SITE}/sitemap.xml`);
  });

  it('feed.xml is an Atom feed of every guide', async () => {
    const res = await fetch(`${session.server.url}/feed.xml`);
    expect(res.status).toBe(200);
    const xml = await res.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const feed = parser.parse(xml).feed;
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    const ids = (feed.entry as { id: string }[]).map((e) => e.id).sort();
    expect(ids).toEqual(guides.map((g) => `${SITE}/guides/${g.slug}`).sort());
  });

  it('every page’s Open Graph image is a 1200×630 PNG', async () => {
    for (const path of [
      '/og/site.png',
      ...exams.map((e) => `/og/exams/${e.id}.png`),
      ...guides.map((g) => `/og/guides/${g.slug}.png`),
    ]) {
      const res = await fetch(`${session.server.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      const png = Buffer.from(await res.arrayBuffer());
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    }
  });
});

describe('not found and client routes', () => {
  it.each(['/no-such-page', '/exams/no-such-exam', '/guides/no-such-guide', '/guides/x/y'])(
    '%s is a 404 with the site’s not-found page',
    async (path) => {
      const page = await readPage(path);
      expect(page.status).toBe(404);
      expect(page.title).toMatch(/^Page not found/);
      expect(page.text).toContain('Page not found');
      expect(page.meta.robots).toBe('noindex');
    },
  );

  it.each(['/attempts/some-attempt', '/attempts/some-attempt/results'])(
    '%s gets the app (200)',
    async (path) => {
      const res = await fetch(`${session.server.url}${path}`);
      expect(res.status).toBe(200);
      const html = await res.text();
      expect(html).toContain('<div id="app"></div>');
      expect(html).toContain('<meta name="robots" content="noindex" />');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    },
  );
});
