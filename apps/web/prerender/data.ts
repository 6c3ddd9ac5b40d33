/**
 * What each public page is rendered from: the same shapes the API answers (exam list, exam with
 * its bank, guide list, guide, embedded questions), taken from the bundle. The page embeds it for
 * hydration without its guide HTML, which is already in the page.
 */
import type { PublicBundle } from '@examdown/compiler/schema';
import type { PreloadData } from '../src/preload.ts';
import { examBank, guideSummary } from './content.ts';
import type { PublicPage } from './pages.ts';

export function pageData(page: PublicPage, bundle: PublicBundle): PreloadData {
  const exams = bundle.exams.map(
    ({ id, title, vendor, level, summary, questionCount, durationMinutes, passingScore }) => ({
      id,
      title,
      vendor,
      level,
      summary,
      questionCount,
      durationMinutes,
      passingScore,
    }),
  );
  const guides = bundle.guides.map(guideSummary);
  switch (page.kind) {
    case 'home':
      return { exams, guides };
    case 'exams':
      return { exams };
    case 'guides':
      return { guides };
    case 'exam': {
      const exam = page.exam;
      return exam ? { exam: { [exam.id]: { ...exam, bank: examBank(bundle, exam) } }, guides } : {};
    }
    case 'guide': {
      const guide = page.guide;
      if (!guide) return {};
      const byId = new Map(bundle.questions.map((q) => [q.id, q]));
      const question = Object.fromEntries(
        guide.questionIds.flatMap((id) => {
          const q = byId.get(id);
          return q ? [[id, q]] : [];
        }),
      );
      return { guide: { [guide.slug]: guide }, guides, question };
    }
    case 'not-found':
      return {};
  }
}

/** The data block a page carries: its guide's HTML left out (the page already contains it). */
export function clientData(data: PreloadData): PreloadData {
  if (!data.guide) return data;
  const guide = Object.fromEntries(Object.entries(data.guide).map(([slug, g]) => [slug, { ...g, html: '' }]));
  return { ...data, guide };
}
