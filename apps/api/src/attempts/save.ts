/**
 * Autosave of one answer and/or flag. The write is guarded in SQL (the attempt's token hash, not
 * submitted, deadline + grace) and reads back in the same D1 batch, so a save racing a submit or
 * the deadline never lands after it; a refused save is explained from what that batch read.
 */
import type { D1Database } from '@cloudflare/workers-types';
import type { PublicQuestion } from '@examdown/compiler/schema';
import type { Content } from '../bundle-store.js';
import { ApiError } from '../errors.js';
import type { SaveAnswerResult } from '../schemas/attempts.js';
import { validateAnswer } from './grading.js';
import { type AttemptRow, parseAnswer, type SaveInput, type SaveOutcome, saveAnswer } from './store.js';
import { iso } from './view.js';

/** Saves arriving this long after the deadline are still accepted (network latency). */
export const SAVE_GRACE_MS = 5_000;

export type SaveRequest = Omit<SaveInput, 'now' | 'graceMs' | 'write'>;

export interface Save extends SaveOutcome {
  request: SaveRequest;
  question: PublicQuestion | undefined;
  /** The answer's refusal (422), reported only after the attempt's own refusals. */
  invalid: ApiError | undefined;
  now: number;
}

/** Checks the answer against the question, then writes it and reads back in one round trip. */
export async function writeAnswer(db: D1Database, content: Content, request: SaveRequest): Promise<Save> {
  const question = await content.question(request.questionId);
  let answer: string[] | null | undefined = request.answer === undefined ? undefined : null;
  let invalid: ApiError | undefined;
  if (request.answer && request.answer.length > 0 && question) {
    try {
      answer = validateAnswer(question, request.answer);
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      invalid = err;
    }
  }
  const now = Date.now();
  const outcome = await saveAnswer(db, {
    ...request,
    answer,
    now,
    graceMs: SAVE_GRACE_MS,
    write: question !== undefined && invalid === undefined,
  });
  return { ...outcome, request, question, invalid, now };
}

/** The saved answer of an authorized save, or why it was refused (409, 404, 422, 409 in that order). */
export function savedAnswer(save: Save & { attempt: AttemptRow }): SaveAnswerResult {
  const { attempt, row, progress, now } = save;
  if (!save.written || !row) {
    if (attempt.submitted_at !== null) {
      throw new ApiError(
        'attempt_submitted',
        'This attempt has been submitted; answers can no longer change.',
      );
    }
    if (!row || !save.question) {
      throw new ApiError(
        'question_not_in_attempt',
        `Question '${save.request.questionId}' is not part of this attempt.`,
      );
    }
    const expired = attempt.deadline_at !== null && now > attempt.deadline_at + SAVE_GRACE_MS;
    if (save.invalid && !expired) throw save.invalid;
    // With a valid answer the only guard left is the deadline (+ grace).
    throw new ApiError('attempt_expired', 'The time for this attempt is up; submit it to get the report.');
  }
  return {
    questionId: save.request.questionId,
    answer: parseAnswer(row.answer),
    flagged: row.flagged === 1,
    savedAt: iso(now),
    progress,
  };
}
