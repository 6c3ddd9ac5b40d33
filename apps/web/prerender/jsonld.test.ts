/**
 * Every JSON-LD block of every public page of the real content: valid JSON that survives an
 * HTML script element, the schema.org types each page kind should carry, and the properties
 * Google's structured-data documentation lists as required for those types.
 */
import { describe, expect, it } from 'vitest';
import { loadPublicBundle } from './content.ts';
import { type JsonLd, pageJsonLd, serializeJsonLd } from './jsonld.ts';
import { EXPECTED_TYPES, REQUIRED_PROPS } from './jsonld-contract.ts';
import { publicPages } from './pages.ts';

const site = { origin: 'https://prep.example.com', name: 'examdown' };
const bundle = loadPublicBundle();
const pages = publicPages(bundle);

function checkBlock(block: JsonLd): void {
  expect(block['@context']).toBe('https://schema.org');
  for (const prop of REQUIRED_PROPS[block['@type']] ?? [])
    expect(block, `${block['@type']}.${prop}`).toHaveProperty(prop);
  const text = serializeJsonLd(block);
  expect(text).not.toMatch(/<\/script/i);
  expect(JSON.parse(text)).toEqual(block);
}

describe('JSON-LD', () => {
  it.each(pages.map((p) => [p.path, p] as const))(
    '%s carries the types of its kind, each complete',
    (_, page) => {
      const blocks = pageJsonLd(site, page, bundle);
      const types = blocks.map((b) => b['@type']);
      for (const t of EXPECTED_TYPES[page.kind]) expect(types).toContain(t);
      for (const b of blocks) checkBlock(b);
    },
  );

  it('guides with an FAQ get a FAQPage whose answers are plain text', () => {
    const withFaq = pages.filter((p) => p.guide && p.guide.faq.length > 0);
    expect(withFaq.length).toBeGreaterThan(0);
    for (const page of withFaq) {
      const faq = pageJsonLd(site, page, bundle).find((b) => b['@type'] === 'FAQPage');
      const items = faq?.mainEntity as { name: string; acceptedAnswer: { text: string } }[];
      expect(items).toHaveLength(page.guide?.faq.length ?? -1);
      for (const q of items) {
        expect(q.name.length).toBeGreaterThan(0);
        expect(q.acceptedAnswer.text).not.toMatch(/<[a-z]/);
      }
    }
  });

  it('breadcrumbs number their items from 1 and end at the page itself', () => {
    for (const page of pages.filter((p) => p.breadcrumbs.length > 1)) {
      const list = pageJsonLd(site, page, bundle).find((b) => b['@type'] === 'BreadcrumbList');
      const items = list?.itemListElement as { position: number; item: string }[];
      expect(items.map((i) => i.position)).toEqual(items.map((_, i) => i + 1));
      expect(items.at(-1)?.item).toBe(`https://prep.example.com${page.path}`);
    }
  });

  it('an exam page never carries a question or an answer', () => {
    for (const page of pages.filter((p) => p.kind === 'exam')) {
      const text = JSON.stringify(pageJsonLd(site, page, bundle));
      expect(text).not.toMatch(/acceptedAnswer|suggestedAnswer|"hasPart"/);
    }
  });
});
