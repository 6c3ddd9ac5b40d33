import type { OptionId, PublicQuestion } from '../model';

/** How far the learner is: counts for the side panel, question numbers for the submit dialog. */
export interface Progress {
  answered: number;
  flagged: number;
  unanswered: number;
  /** 1-based question numbers. */
  unansweredNumbers: number[];
  flaggedNumbers: number[];
}

export function isAnswered(answer: OptionId[] | undefined): boolean {
  return (answer?.length ?? 0) > 0;
}

export function progressOf(
  questions: PublicQuestion[],
  answers: Record<string, OptionId[]>,
  flags: Record<string, boolean>,
): Progress {
  const unansweredNumbers = questions.flatMap((q, i) => (isAnswered(answers[q.id]) ? [] : [i + 1]));
  const flaggedNumbers = questions.flatMap((q, i) => (flags[q.id] ? [i + 1] : []));
  return {
    answered: questions.length - unansweredNumbers.length,
    flagged: flaggedNumbers.length,
    unanswered: unansweredNumbers.length,
    unansweredNumbers,
    flaggedNumbers,
  };
}
