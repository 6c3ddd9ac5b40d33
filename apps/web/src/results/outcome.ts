/**
 * What became of one question in a graded attempt, as the review shows it. Partial credit (a
 * "choose N" question under a per-option scoring rule) is its own outcome: neither right nor wrong.
 */
import type { QuestionResult } from '../model';

export type Outcome = 'correct' | 'partial' | 'incorrect' | 'unanswered';

export function outcomeOf(r: Pick<QuestionResult, 'correct' | 'credit' | 'answer'>): Outcome {
  if (r.correct) return 'correct';
  if (r.answer.length === 0) return 'unanswered';
  return r.credit > 0 ? 'partial' : 'incorrect';
}

/** Words for an outcome: colour and icon only ever repeat them. */
export const OUTCOME_LABEL: Record<Outcome, string> = {
  correct: 'Correct',
  partial: 'Partly correct',
  incorrect: 'Incorrect',
  unanswered: 'Unanswered',
};

/** A symbol per outcome, so the grid reads in greyscale and for colour-blind learners too. */
export const OUTCOME_ICON: Record<Outcome, string> = {
  correct: '✓',
  partial: '◐',
  incorrect: '✗',
  unanswered: '–',
};

/** What a retake practises: every question that did not earn full credit (as the API picks them). */
export function isMissed(r: Pick<QuestionResult, 'correct'>): boolean {
  return !r.correct;
}
