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

/** Practice: how many answers were checked, and how many of those were right. */
export interface PracticeTally {
  checked: number;
  correct: number;
  /** Checked before a reload: final on the server, verdict not known here until reopened. */
  unknown: number;
}

export function practiceTally(
  questions: PublicQuestion[],
  checkedBefore: Record<string, boolean>,
  verdicts: Record<string, boolean>,
): PracticeTally {
  let [checked, correct, unknown] = [0, 0, 0];
  for (const q of questions) {
    const verdict = verdicts[q.id];
    if (verdict !== undefined) {
      checked++;
      if (verdict) correct++;
    } else if (checkedBefore[q.id]) {
      checked++;
      unknown++;
    }
  }
  return { checked, correct, unknown };
}
