/**
 * Every public page of the site, with what its head, the sitemap and the Open Graph image need:
 * home, the exam list and each exam, the guide list and each guide, and the not-found page.
 * Attempt and results pages are client routes and are not listed.
 */
import type { Exam, Guide, PublicBundle } from '@examdown/compiler/schema';
import { HOME_TITLE, SITE_NAME, documentTitle as titleOf, titles } from '../src/titles.ts';
import { clip, guideDate, textOf } from './content.ts';
import { SITE_TAGLINE } from './site.ts';
import { latestDate } from './xml.ts';

export type PageKind = 'home' | 'exams' | 'exam' | 'guides' | 'guide' | 'not-found';

export interface Crumb {
  name: string;
  path: string;
}

export interface PublicPage {
  kind: PageKind;
  /** URL path, e.g. '/guides/databricks-ml-associate-guide'. */
  path: string;
  /** The page's own title; the document title adds the site name. */
  title: string;
  description: string;
  /** Date the content last changed (sitemap lastmod), when the content has one (exams carry no date). */
  lastmod?: string;
  /** From home to this page; empty on the home page. */
  breadcrumbs: Crumb[];
  /** Path of the Open Graph image and its alt text. */
  image: { path: string; alt: string };
  exam?: Exam;
  guide?: Guide;
}

export const SITE_IMAGE = '/og/site.png';
export const examImage = (id: string) => `/og/exams/${id}.png`;
export const guideImage = (slug: string) => `/og/guides/${slug}.png`;

const HOME: Crumb = { name: 'Home', path: '/' };
const EXAMS: Crumb = { name: 'Exams', path: '/exams' };
const GUIDES: Crumb = { name: 'Guides', path: '/guides' };

/** The document title, as the client sets it (src/titles.ts), so hydration keeps it. */
export const documentTitle = (page: Pick<PublicPage, 'kind' | 'title'>): string =>
  page.kind === 'home' ? HOME_TITLE : titleOf(page.title);

export function examDescription(exam: Exam): string {
  const facts = `${exam.questionCount} questions, ${exam.durationMinutes} minutes, ${exam.passingScore}% to pass`;
  const about = exam.summary ?? textOf(exam.descriptionHtml);
  return clip(`${about} Blueprint, domain weights and a timed practice exam: ${facts}.`);
}

export function guideDescription(guide: Guide): string {
  return clip(guide.description ?? textOf(guide.html));
}

export function publicPages(bundle: PublicBundle): PublicPage[] {
  const siteImage = { path: SITE_IMAGE, alt: `${SITE_NAME}: ${SITE_TAGLINE}` };
  const newest = latestDate(bundle.guides.map(guideDate));
  const pages: PublicPage[] = [
    {
      kind: 'home',
      path: '/',
      title: HOME_TITLE,
      description: clip(
        `Study guides and timed practice exams for ${bundle.exams.map((e) => e.title).join(', ')}: ` +
          'real blueprints, domain weights and a score report per domain.',
      ),
      lastmod: newest,
      breadcrumbs: [],
      image: siteImage,
    },
    {
      kind: 'exams',
      path: '/exams',
      title: titles.exams,
      description: clip(
        `Blueprints and timed practice exams for ${bundle.exams.length} certifications: question count, ` +
          'duration, passing score and weighted domains.',
      ),
      breadcrumbs: [HOME, EXAMS],
      image: siteImage,
    },
    {
      kind: 'guides',
      path: '/guides',
      title: titles.guides,
      description: clip(
        `${bundle.guides.length} study guides: what each certification covers, how it is scored and how to prepare.`,
      ),
      lastmod: newest,
      breadcrumbs: [HOME, GUIDES],
      image: siteImage,
    },
  ];
  for (const exam of bundle.exams) {
    const path = `/exams/${exam.id}`;
    pages.push({
      kind: 'exam',
      path,
      title: titles.exam(exam.title),
      description: examDescription(exam),
      breadcrumbs: [HOME, EXAMS, { name: exam.title, path }],
      image: { path: examImage(exam.id), alt: `${exam.title}: exam blueprint` },
      exam,
    });
  }
  for (const guide of bundle.guides) {
    const path = `/guides/${guide.slug}`;
    pages.push({
      kind: 'guide',
      path,
      title: titles.guide(guide.title),
      description: guideDescription(guide),
      lastmod: guideDate(guide),
      breadcrumbs: [HOME, GUIDES, { name: guide.title, path }],
      image: { path: guideImage(guide.slug), alt: guide.title },
      guide,
    });
  }
  return pages;
}

/** The not-found page (404.html): not in the sitemap, not indexed. */
export const NOT_FOUND_PAGE: PublicPage = {
  kind: 'not-found',
  path: '/404',
  title: titles.notFound,
  description: 'There is no page at this address.',
  breadcrumbs: [],
  image: { path: SITE_IMAGE, alt: SITE_NAME },
};
