/**
 * The real content's public bundle (packages/content/bundle/public) and the public pages it makes,
 * for the tests and the site benchmark that check every page the prerender writes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Exam, Guide, PublicQuestion } from '@examdown/compiler/schema';

const require = createRequire(import.meta.url);
const read = <T>(file: string): T =>
  JSON.parse(readFileSync(require.resolve(`@examdown/content/bundle/public/${file}`), 'utf8')) as T;

export interface PublicContent {
  exams: Exam[];
  guides: Guide[];
  questions: PublicQuestion[];
}

export function publicContent(): PublicContent {
  return { exams: read('exams.json'), guides: read('guides.json'), questions: read('questions.json') };
}

/** Every public page's path: home, the exam list and each exam, the guide list and each guide. */
export function publicPaths({ exams, guides }: Pick<PublicContent, 'exams' | 'guides'>): string[] {
  return [
    '/',
    '/exams',
    ...exams.map((e) => `/exams/${e.id}`),
    '/guides',
    ...guides.map((g) => `/guides/${g.slug}`),
  ];
}
