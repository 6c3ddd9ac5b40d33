/**
 * Scoring one question.
 *
 * - Single choice: credit 1 when the one chosen option is the correct one, else 0.
 * - Multiple select, `all-or-nothing` (the default, as the real exams score it): credit 1 only
 *   when the chosen set equals the correct set, else 0.
 * - Multiple select, `partial` (an exam may declare it): credit = max(0, (hits − false picks) /
 *   number of correct options). Picking every option therefore earns nothing, and a half-right
 *   selection with one wrong pick earns (hits − 1) / correct.
 *
 * A question counts as "correct" only with full credit (1). Unanswered = 0.
 */
import type { MultipleSelectScoring, PublicQuestion, QuestionKey } from '@examdown/compiler/schema';
import { ApiError } from '../errors.js';

export interface Grade {
  credit: number;
  correct: boolean;
}

export function gradeAnswer(
  type: PublicQuestion['type'],
  correctOptions: readonly string[],
  answer: readonly string[] | null,
  scoring: MultipleSelectScoring,
): Grade {
  if (!answer || answer.length === 0) return { credit: 0, correct: false };
  const correctSet = new Set(correctOptions);
  const chosen = new Set(answer);
  const hits = [...chosen].filter((id) => correctSet.has(id)).length;
  const falsePicks = chosen.size - hits;
  const exact = falsePicks === 0 && hits === correctSet.size;
  if (type === 'single' || scoring === 'all-or-nothing') return { credit: exact ? 1 : 0, correct: exact };
  const credit = Math.max(0, (hits - falsePicks) / correctSet.size);
  return { credit, correct: credit === 1 };
}

/**
 * Checks an answer against the question's public form: option ids must exist (422
 * `invalid_option`), single choice takes one option and multiple select at most `selectCount`
 * (422 `too_many_options`). Returns the answer in option order, without duplicates.
 */
export function validateAnswer(
  question: Pick<PublicQuestion, 'id' | 'type' | 'selectCount' | 'options'>,
  answer: readonly string[],
): string[] {
  const known = question.options.map((o) => o.id);
  const unknown = answer.filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    throw new ApiError(
      'invalid_option',
      `Question ${question.id} has no option ${unknown.map((id) => `'${id}'`).join(', ')}; its options are ${known.join(', ')}.`,
    );
  }
  const unique = known.filter((id) => answer.includes(id));
  const max = question.type === 'single' ? 1 : question.selectCount;
  if (unique.length > max) {
    throw new ApiError(
      'too_many_options',
      question.type === 'single'
        ? `Question ${question.id} is single choice: choose exactly one option.`
        : `Question ${question.id} asks to choose ${max}; ${unique.length} options were chosen.`,
    );
  }
  return unique;
}

/** Rationales the learner may now see: those of the chosen options and of the correct ones. */
export function revealedRationales(
  key: QuestionKey,
  answer: readonly string[] | null,
): Record<string, string> {
  const out: Record<string, string> = {};
  const ids = new Set([...(answer ?? []), ...key.correct]);
  for (const [id, html] of Object.entries(key.rationales)) if (ids.has(id)) out[id] = html;
  return out;
}

/** What grading a whole attempt needs to know of one question: its type and its correct options. */
export interface KeyFacts {
  type: PublicQuestion['type'];
  correct: readonly string[];
}

export interface AttemptGrade {
  /** One per position (a question without key facts earns 0). */
  credits: number[];
  points: number;
  passed: boolean;
}

/**
 * Grades every position of an attempt. Passed compares the unrounded percentage (with a float
 * tolerance): 41.9999… of 60 must not pass a 70% bar, 42 of 60 must.
 */
export function gradeAttempt(
  questionIds: readonly string[],
  answers: readonly (readonly string[] | null)[],
  keys: Readonly<Record<string, KeyFacts>>,
  scoring: MultipleSelectScoring,
  passingScore: number,
): AttemptGrade {
  const credits = questionIds.map((id, i) => {
    const key = keys[id];
    return key ? gradeAnswer(key.type, key.correct, answers[i] ?? null, scoring).credit : 0;
  });
  const points = credits.reduce((n, c) => n + c, 0);
  const percent = credits.length === 0 ? 0 : (100 * points) / credits.length;
  return { credits, points, passed: credits.length > 0 && percent + 1e-9 >= passingScore };
}

/** The verdict on one answered question, with its key: what a try-it check or a practice check shows. */
export function verdict(
  question: Pick<PublicQuestion, 'id' | 'type'>,
  key: QuestionKey,
  answer: string[],
  scoring: MultipleSelectScoring,
) {
  const grade = gradeAnswer(question.type, key.correct, answer, scoring);
  return {
    questionId: question.id,
    answer,
    correct: grade.correct,
    credit: grade.credit,
    correctOptions: key.correct,
    explanationHtml: key.explanationHtml ?? null,
    rationales: revealedRationales(key, answer),
  };
}
