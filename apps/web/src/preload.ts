/**
 * The data a prerendered page was rendered from. The build renders each public page with it and
 * embeds it in the page (a JSON data block); the client reads it back before hydrating, so the
 * first render matches the HTML without a request. Content only changes with a deploy.
 */
import type { Exam, ExamSummary, Guide, GuideSummary, PublicQuestion } from './model';

export const DATA_ELEMENT_ID = 'examdown-data';

export interface PreloadData {
  exams?: ExamSummary[];
  guides?: GuideSummary[];
  /** By exam id: the exam with its bank sizes, as GET /exams/:id answers. */
  exam?: Record<string, Exam & { bank: { total: number; byDomain: Record<string, number> } }>;
  /** By slug; `html` is '' in the page's data block: the guide's HTML is in the page once. */
  guide?: Record<string, Guide>;
  /** By id: the guide's embedded questions, public form. */
  question?: Record<string, PublicQuestion>;
}

let data: PreloadData = {};

export function setPreloaded(next: PreloadData): void {
  data = next;
}

export function preloaded(): PreloadData {
  return data;
}

/** Reads the page's data block, if it has one (client-only pages do not). */
export function readPreloadedData(): void {
  const el = typeof document === 'undefined' ? null : document.getElementById(DATA_ELEMENT_ID);
  if (!el?.textContent) return;
  try {
    data = JSON.parse(el.textContent) as PreloadData;
  } catch {
    data = {};
  }
}
