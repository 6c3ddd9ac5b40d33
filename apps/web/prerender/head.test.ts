import { describe, expect, it } from 'vitest';
import { loadPublicBundle } from './content.ts';
import { headTags } from './head.ts';
import { NOT_FOUND_PAGE, publicPages } from './pages.ts';

const site = { origin: 'https://prep.example.com', name: 'examdown' };
const bundle = loadPublicBundle();

describe('head tags', () => {
  it.each(publicPages(bundle).map((p) => [p.path, p] as const))(
    '%s: title, description, canonical, OG, Twitter',
    (_, page) => {
      const html = headTags(site, page, bundle).join('\n');
      const url = `https://prep.example.com${page.path}`;
      expect(html).toMatch(/<title>[^<]+<\/title>/);
      expect(html).toContain(`<link rel="canonical" href="${url}" />`);
      for (const p of ['og:title', 'og:description', 'og:url', 'og:image', 'og:type', 'og:site_name']) {
        expect(html).toContain(`property="${p}"`);
      }
      expect(html).toContain('name="twitter:card" content="summary_large_image"');
      expect(html).toContain(`content="https://prep.example.com${page.image.path}"`);
      expect(page.description.length).toBeGreaterThan(50);
      expect(page.description.length).toBeLessThanOrEqual(160);
    },
  );

  it('escapes what it puts in attributes', () => {
    const page = {
      ...NOT_FOUND_PAGE,
      kind: 'exams' as const,
      path: '/x',
      description: 'a "quoted" <b> & more',
    };
    expect(headTags(site, page, bundle).join('')).toContain(
      'content="a &quot;quoted&quot; &lt;b&gt; &amp; more"',
    );
  });

  it('keeps the not-found page out of the index', () => {
    const html = headTags(site, NOT_FOUND_PAGE, bundle).join('\n');
    expect(html).toContain('<meta name="robots" content="noindex" />');
    expect(html).not.toContain('rel="canonical"');
  });
});
