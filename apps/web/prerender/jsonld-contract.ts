/**
 * The structured data each page kind must carry, and the properties each schema.org type needs
 * (Google's structured-data documentation: required and recommended properties). The prerender's
 * unit tests and the end-to-end tests of the served pages check against the same table.
 */
import type { PageKind } from './pages.ts';

export const EXPECTED_TYPES: Record<PageKind, string[]> = {
  home: ['WebSite'],
  exams: ['CollectionPage', 'BreadcrumbList'],
  guides: ['CollectionPage', 'BreadcrumbList'],
  exam: ['EducationalOccupationalCredential', 'Quiz', 'BreadcrumbList'],
  guide: ['Article', 'BreadcrumbList'],
  'not-found': [],
};

export const REQUIRED_PROPS: Record<string, string[]> = {
  WebSite: ['name', 'url'],
  CollectionPage: ['name', 'url', 'mainEntity'],
  Article: ['headline', 'image', 'datePublished', 'dateModified', 'author', 'publisher', 'mainEntityOfPage'],
  FAQPage: ['mainEntity'],
  BreadcrumbList: ['itemListElement'],
  EducationalOccupationalCredential: ['name', 'credentialCategory', 'recognizedBy', 'url'],
  Quiz: ['name', 'about', 'timeRequired', 'assesses'],
};
