/**
 * Autosave of one answer and/or flag, in one call to the learner's Durable Object: the write is
 * guarded there (the attempt's token digest, not submitted, deadline + grace) and the attempt is
 * read back in the same call, so a save racing a submit or the deadline never lands after it; a
 * refused save is explained from what was read. In practice mode `check: true` locks the answer
 * and reveals this question's key, for this attempt only — never for a question of one of the
 * learner's open timed attempts.
 */

import type { ServedQuestion } from '../bundle.js';
import type { Content } from '../bundle-store.js';
import { ApiError } from '../errors.js';
import { attemptStub, type LearnerNamespace } from '../learner/client.js';
import type { SavedState, SaveOutcome, SaveRefusal } from '../learner/durable-object.js';
import { SAVE_GRACE_MS } from '../learner/policy.js';
import type { SaveAnswerResult } from '../schemas/attempts.js';
import { validateAnswer, verdict } from './grading.js';
import { iso } from './view.js';

export { SAVE_GRACE_MS };

export interface SaveRequest {
  attemptId: string;
  questionId: string;
  answer?: string[] | null | undefined;
  flagged?: boolean | undefined;
  check?: boolean | undefined;
  spentSeconds?: number | undefined;
}

export interface Save extends SaveOutcome {
  request: SaveRequest;
  question: ServedQuestion | undefined;
  /** The answer's refusal (422), reported only after the attempt's own refusals. */
  invalid: ApiError | undefined;
  now: number;
}

/** Checks the answer against the question, then writes it and reads back in one round trip. */
export async function writeAnswer(
  ns: LearnerNamespace,
  content: Content,
  request: SaveRequest,
  tokenHash: string,
): Promise<Save> {
  const { stub, local } = attemptStub(ns, request.attemptId);
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
  const outcome = await stub.save({
    local,
    questionId: request.questionId,
    tokenHash,
    answer,
    flagged: request.flagged,
    spentSeconds: request.spentSeconds,
    check: request.check === true,
    now,
    write: question !== undefined && invalid === undefined,
  });
  return {
    ...outcome,
    request,
    question,
    invalid,
    now,
  };
}

/**
 * The saved answer of an authorized save (with its feedback when checked), or why it was refused.
 * An answer checked by this save is a graded answer: its review card is rescheduled.
 */
export async function savedAnswer(
  ns: LearnerNamespace,
  content: Content,
  save: Save & { attempt: SavedState; tokenHash: string },
): Promise<SaveAnswerResult> {
  const { attempt, now, question } = save;
  const { slot, entry } = attempt;
  if (!save.written || !slot || !question) {
    if (attempt.submittedAt !== null) {
      throw new ApiError(
        'attempt_submitted',
        'This attempt has been submitted; answers can no longer change.',
      );
    }
    if (!slot || !question) {
      throw new ApiError(
        'question_not_in_attempt',
        `Question '${save.request.questionId}' is not part of this attempt.`,
      );
    }
    const expired = attempt.deadlineAt !== null && now > attempt.deadlineAt + SAVE_GRACE_MS;
    if (save.invalid && !expired) throw save.invalid;
    if (!expired) refuse(save.refusal, save.request.questionId);
    // With a valid answer the only guard left is the deadline (+ grace).
    throw new ApiError('attempt_expired', 'The time for this attempt is up; submit it to get the report.');
  }
  const result: SaveAnswerResult = {
    questionId: save.request.questionId,
    answer: slot.answer,
    flagged: slot.flagged,
    savedAt: iso(now),
    progress: save.progress,
  };
  if (save.request.check && slot.answer && entry) {
    const key = (await content.keyVersions([{ id: entry.questionId, hash: entry.hash }])).get(
      entry.questionId,
    );
    if (key) result.feedback = verdict(question, key, slot.answer, attempt.scoring);
    if (result.feedback && save.checkedNow) {
      const { stub, local } = attemptStub(ns, save.request.attemptId);
      await stub.recordCheck(local, save.tokenHash, entry.questionId, result.feedback.credit, now);
    }
  }
  return result;
}

function refuse(refusal: SaveRefusal | undefined, questionId: string): void {
  if (refusal === 'checked') {
    throw new ApiError(
      'question_checked',
      `Question '${questionId}' has been checked in this attempt: its answer is final.`,
    );
  }
  if (refusal === 'sealed') {
    throw new ApiError(
      'question_sealed',
      `Question '${questionId}' is part of one of your open timed exams: its key is not shown until that exam is submitted or expires.`,
    );
  }
  if (refusal === 'not_practice') {
    throw new ApiError(
      'check_not_allowed',
      'Answers are checked one by one in practice mode only; timed exams are graded at submit.',
    );
  }
  if (refusal === 'no_answer')
    throw new ApiError('check_not_allowed', 'Choose at least one option to check an answer.');
}
