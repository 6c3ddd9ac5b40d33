/**
 * Writes the files crawlers and link previews read, next to the prerendered pages in dist/:
 * sitemap.xml, robots.txt, feed.xml and an Open Graph PNG per exam and guide (plus the site's).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { PublicBundle } from '@examdown/compiler/schema';
import { atomFeed, FEED_PATH } from './feed.ts';
import { cardPng } from './og-image.ts';
import { type PublicPage, SITE_IMAGE } from './pages.ts';
import { robotsTxt, SITEMAP_PATH } from './robots.ts';
import { SITE_TAGLINE, type Site } from './site.ts';
import { sitemapXml } from './sitemap.ts';

async function write(dist: string, urlPath: string, data: string | Buffer): Promise<void> {
  const file = path.join(dist, ...urlPath.split('/'));
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, data);
}

const formatDate = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString('en', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });

export async function writeDiscoveryFiles(
  dist: string,
  site: Site,
  bundle: PublicBundle,
  pages: PublicPage[],
) {
  await write(dist, SITEMAP_PATH, sitemapXml(site, pages));
  await write(dist, '/robots.txt', robotsTxt(site));
  await write(dist, FEED_PATH, atomFeed(site, bundle.guides));
}

/** One card per exam and guide, and the site's card for the other pages. Returns how many. */
export async function writeOgImages(dist: string, pages: PublicPage[]): Promise<number> {
  await write(
    dist,
    SITE_IMAGE,
    await cardPng({ title: 'Certification exam guides and practice exams', subtitle: SITE_TAGLINE }),
  );
  let count = 1;
  for (const page of pages) {
    const { exam, guide } = page;
    if (exam) {
      const eyebrow = [exam.vendor, exam.level].filter(Boolean).join(' · ');
      await write(dist, page.image.path, await cardPng({ eyebrow, title: exam.title, exam }));
    } else if (guide) {
      const subtitle = `${guide.readingMinutes} min read · ${guide.updated ? 'updated' : 'published'} ${formatDate(guide.updated ?? guide.published)}`;
      await write(
        dist,
        page.image.path,
        await cardPng({ eyebrow: guide.vendor, title: guide.title, subtitle }),
      );
    } else continue;
    count++;
  }
  return count;
}
