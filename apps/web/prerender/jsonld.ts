/**
 * schema.org structured data (JSON-LD) per page: WebSite on home, CollectionPage + ItemList on
 * the lists, Article and FAQPage on guides, EducationalOccupationalCredential and Quiz (the
 * practice exam; no answers, they are private) on exams, BreadcrumbList on every inner page.
 */
import type { Exam, Guide, PublicBundle } from '@examdown/compiler/schema';
import { guideDate, textOf } from './content.ts';
import type { Crumb, PublicPage } from './pages.ts';
import { absoluteUrl, SITE_TAGLINE, type Site } from './site.ts';

export type JsonLd = Record<string, unknown> & { '@context': 'https://schema.org'; '@type': string };

const ld = (type: string, props: Record<string, unknown>): JsonLd => ({
  '@context': 'https://schema.org',
  '@type': type,
  ...props,
});

function organization(site: Site) {
  return { '@type': 'Organization', name: site.name, url: absoluteUrl(site, '/') };
}

export function website(site: Site): JsonLd {
  return ld('WebSite', {
    name: site.name,
    url: absoluteUrl(site, '/'),
    description: SITE_TAGLINE,
    publisher: organization(site),
  });
}

export function breadcrumbList(site: Site, crumbs: Crumb[]): JsonLd {
  return ld('BreadcrumbList', {
    itemListElement: crumbs.map((c, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: c.name,
      item: absoluteUrl(site, c.path),
    })),
  });
}

export function collectionPage(site: Site, page: PublicPage, items: Crumb[]): JsonLd {
  return ld('CollectionPage', {
    name: page.title,
    description: page.description,
    url: absoluteUrl(site, page.path),
    mainEntity: {
      '@type': 'ItemList',
      numberOfItems: items.length,
      itemListElement: items.map((item, i) => ({
        '@type': 'ListItem',
        position: i + 1,
        name: item.name,
        url: absoluteUrl(site, item.path),
      })),
    },
  });
}

export function article(site: Site, page: PublicPage, guide: Guide): JsonLd {
  return ld('Article', {
    headline: guide.title.slice(0, 110),
    description: page.description,
    image: [absoluteUrl(site, page.image.path)],
    datePublished: guide.published,
    dateModified: guideDate(guide),
    author: guide.authors.map((name) => ({ '@type': 'Person', name })),
    publisher: organization(site),
    mainEntityOfPage: { '@type': 'WebPage', '@id': absoluteUrl(site, page.path) },
    inLanguage: guide.locale,
    ...(guide.tags.length > 0 ? { keywords: guide.tags.join(', ') } : {}),
  });
}

/** Only for guides with an FAQ; the answers are the same text the page shows. */
export function faqPage(guide: Guide): JsonLd | undefined {
  if (guide.faq.length === 0) return undefined;
  return ld('FAQPage', {
    mainEntity: guide.faq.map((f) => ({
      '@type': 'Question',
      name: f.question,
      acceptedAnswer: { '@type': 'Answer', text: textOf(f.answerHtml) },
    })),
  });
}

const isoMinutes = (minutes: number) => `PT${minutes}M`;

/** The certification the exam page is about. */
export function credential(site: Site, page: PublicPage, exam: Exam): JsonLd {
  return ld('EducationalOccupationalCredential', {
    name: exam.title,
    description: page.description,
    url: absoluteUrl(site, page.path),
    credentialCategory: 'certification',
    recognizedBy: { '@type': 'Organization', name: exam.vendor },
    ...(exam.level ? { educationalLevel: exam.level } : {}),
    ...(exam.validityYears ? { validFor: `P${exam.validityYears}Y` } : {}),
    competencyRequired: exam.domains.map((d) => ({ '@type': 'DefinedTerm', name: d.name })),
    ...(exam.fee
      ? {
          offers: {
            '@type': 'Offer',
            price: exam.fee.amount,
            priceCurrency: exam.fee.currency,
            category: 'Exam fee',
          },
        }
      : {}),
  });
}

/** The timed practice exam the page starts: its blueprint, never its questions' answers. */
export function practiceQuiz(site: Site, page: PublicPage, exam: Exam): JsonLd {
  return ld('Quiz', {
    name: `${exam.title} practice exam`,
    description: `${exam.questionCount} questions in ${exam.durationMinutes} minutes, drawn by the blueprint's domain weights; ${exam.passingScore}% to pass.`,
    url: absoluteUrl(site, page.path),
    learningResourceType: 'Practice exam',
    educationalUse: 'assessment',
    timeRequired: isoMinutes(exam.durationMinutes),
    inLanguage: exam.languages,
    assesses: exam.domains.map((d) => d.name),
    about: { '@type': 'EducationalOccupationalCredential', name: exam.title },
    provider: organization(site),
    isAccessibleForFree: true,
  });
}

/** Every JSON-LD block of a page. */
export function pageJsonLd(site: Site, page: PublicPage, bundle: PublicBundle): JsonLd[] {
  const blocks: (JsonLd | undefined)[] = [];
  switch (page.kind) {
    case 'home':
      blocks.push(website(site));
      break;
    case 'exams':
      blocks.push(
        collectionPage(
          site,
          page,
          bundle.exams.map((e) => ({ name: e.title, path: `/exams/${e.id}` })),
        ),
      );
      break;
    case 'guides':
      blocks.push(
        collectionPage(
          site,
          page,
          bundle.guides.map((g) => ({ name: g.title, path: `/guides/${g.slug}` })),
        ),
      );
      break;
    case 'exam':
      if (page.exam) blocks.push(credential(site, page, page.exam), practiceQuiz(site, page, page.exam));
      break;
    case 'guide':
      if (page.guide) blocks.push(article(site, page, page.guide), faqPage(page.guide));
      break;
    case 'not-found':
      break;
  }
  if (page.breadcrumbs.length > 1) blocks.push(breadcrumbList(site, page.breadcrumbs));
  return blocks.filter((b): b is JsonLd => b !== undefined);
}

/** JSON for a <script> element: `<` escaped so no value can close the element. */
export function serializeJsonLd(block: JsonLd): string {
  return JSON.stringify(block)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
