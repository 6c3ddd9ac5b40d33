import { describe, expect, it } from 'vitest';
import { loadPublicBundle } from './content.ts';
import { cardPng, cardSvg } from './og-image.ts';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('Open Graph image', () => {
  const bundle = loadPublicBundle();
  const exam = bundle.exams[0];

  it('is a 1200×630 PNG with the exam blueprint', async () => {
    if (!exam) throw new Error('the content has no exam');
    const png = await cardPng({ eyebrow: exam.vendor, title: exam.title, exam });
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
    expect(png.length).toBeGreaterThan(10_000);
  }, 30_000);

  it('draws text as paths, so no font needs to be installed where it is rendered', async () => {
    const svg = await cardSvg({ title: 'A guide', subtitle: '5 min read' });
    expect(svg).toMatch(/^<svg[^>]+width="1200"[^>]+height="630"/);
    expect(svg).not.toContain('<text');
  }, 30_000);

  it('is the same bytes for the same input', async () => {
    const input = { title: 'Same title', eyebrow: 'Vendor' };
    expect((await cardPng(input)).equals(await cardPng(input))).toBe(true);
  }, 30_000);
});
