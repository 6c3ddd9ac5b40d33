/**
 * The review's filters: what to show (all, incorrect, unanswered, flagged) and in which domain.
 * They combine, and each choice's count is taken within the other choice, so "Incorrect (2)"
 * means two incorrect questions in the domain picked.
 */
import type { QuestionResult } from '../model';
import { outcomeOf } from './outcome';

export const SHOW_OPTIONS = ['all', 'incorrect', 'unanswered', 'flagged'] as const;
export type Show = (typeof SHOW_OPTIONS)[number];

export const SHOW_LABEL: Record<Show, string> = {
  all: 'All',
  incorrect: 'Incorrect',
  unanswered: 'Unanswered',
  flagged: 'Flagged',
};

/** `domain` is a domain id, or null for every domain. */
export interface ReviewFilter {
  show: Show;
  domain: string | null;
}

export const NO_FILTER: ReviewFilter = { show: 'all', domain: null };

type Item = Pick<QuestionResult, 'correct' | 'credit' | 'answer' | 'flagged' | 'domain'>;

export function showMatches(show: Show, r: Item): boolean {
  switch (show) {
    case 'all':
      return true;
    case 'incorrect': {
      // Partly correct answers are wrong answers to review too (and a retake practises them).
      const outcome = outcomeOf(r);
      return outcome === 'incorrect' || outcome === 'partial';
    }
    case 'unanswered':
      return outcomeOf(r) === 'unanswered';
    case 'flagged':
      return r.flagged;
  }
}

export function matches(filter: ReviewFilter, r: Item): boolean {
  return showMatches(filter.show, r) && (filter.domain === null || r.domain === filter.domain);
}

/** How many questions each "show" choice would list in the filter's domain. */
export function countByShow(items: readonly Item[], domain: string | null): Record<Show, number> {
  const inDomain = items.filter((r) => domain === null || r.domain === domain);
  return Object.fromEntries(
    SHOW_OPTIONS.map((show) => [show, inDomain.filter((r) => showMatches(show, r)).length]),
  ) as Record<Show, number>;
}

/** How many questions each domain (and `null`, every domain) would list under the filter's "show". */
export function countByDomain(items: readonly Item[], show: Show): Map<string | null, number> {
  const counts = new Map<string | null, number>([[null, 0]]);
  for (const r of items) {
    if (!showMatches(show, r)) continue;
    counts.set(null, (counts.get(null) ?? 0) + 1);
    counts.set(r.domain, (counts.get(r.domain) ?? 0) + 1);
  }
  return counts;
}
