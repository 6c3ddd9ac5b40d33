/**
 * Starting an attempt: exam mode draws the blueprint's count across every domain by weight, with
 * the exam's deadline; practice mode draws the chosen count (default 10) from the chosen domains,
 * untimed. The attempt and its drawn questions are stored in one D1 batch.
 */
import type { D1Database } from '@cloudflare/workers-types';
import { type AttemptMode, randomSeed, seededRandom } from '@examdown/compiler/shared';
import type { ExamIndex } from '../bundle.js';
import type { Content } from '../bundle-store.js';
import { ApiError } from '../errors.js';
import type { AttemptState } from '../schemas/attempts.js';
import { hashToken, newAttemptId, newToken } from '../security.js';
import { shuffleOptions } from './option-order.js';
import { drawStratified, type Stratum } from './sampler.js';
import { type AttemptQuestionRow, type AttemptRow, insertAttempt } from './store.js';
import { attemptState } from './view.js';

/** Practice mode's question count when none is given. */
export const DEFAULT_PRACTICE_COUNT = 10;

export interface StartRequest {
  mode: AttemptMode;
  domains?: string[] | undefined;
  count?: number | undefined;
}

function strataFor(index: ExamIndex, mode: AttemptMode, domains: string[] | undefined): Stratum[] {
  const { exam } = index;
  if (mode === 'exam' || !domains) {
    return exam.domains.map((d) => ({ id: d.id, weight: d.weight, pool: index.pool.get(d.id) ?? [] }));
  }
  const unknown = domains.filter((d) => !index.domains.has(d));
  if (unknown.length > 0) {
    throw new ApiError(
      'unknown_domain',
      `Exam ${exam.id} has no domain ${unknown.map((d) => `'${d}'`).join(', ')}; its domains are ${exam.domains.map((d) => d.id).join(', ')}.`,
    );
  }
  const chosen = new Set(domains);
  return exam.domains
    .filter((d) => chosen.has(d.id))
    .map((d) => ({ id: d.id, weight: d.weight, pool: index.pool.get(d.id) ?? [] }));
}

/** Draws and stores a new attempt; returns its state and its token (shown this once). */
export async function startAttempt(
  db: D1Database,
  content: Content,
  index: ExamIndex,
  { mode, domains, count }: StartRequest,
): Promise<AttemptState & { token: string }> {
  const strata = strataFor(index, mode, domains);
  const available = strata.reduce((n, s) => n + s.pool.length, 0);
  const wanted =
    mode === 'exam' ? index.exam.questionCount : (count ?? Math.min(DEFAULT_PRACTICE_COUNT, available));
  if (available === 0 || (mode === 'practice' && wanted > available)) {
    throw new ApiError(
      'not_enough_questions',
      `The bank has ${available} question${available === 1 ? '' : 's'} for this selection; ${wanted} were asked for.`,
    );
  }

  const seed = randomSeed();
  const random = seededRandom(seed);
  const picked = drawStratified(wanted, strata, random);
  const questions = await content.questions(picked.map((p) => p.questionId));
  const drawn = picked.flatMap(({ questionId }) => {
    const question = questions.get(questionId);
    if (!question) return [];
    return [
      {
        questionId,
        optionOrder: shuffleOptions(
          question.options.map((o) => o.id),
          random,
        ),
      },
    ];
  });

  const now = Date.now();
  const token = newToken();
  const attempt: AttemptRow = {
    id: newAttemptId(),
    token_hash: await hashToken(token),
    exam_id: index.exam.id,
    mode,
    content_hash: content.contentHash,
    seed,
    created_at: now,
    deadline_at: mode === 'exam' ? now + index.exam.durationMinutes * 60_000 : null,
    submitted_at: null,
    score_points: null,
    score_percent: null,
    passed: null,
    report_json: null,
  };
  await insertAttempt(db, { attempt, questions: drawn });
  const rows: AttemptQuestionRow[] = drawn.map((q, position) => ({
    attempt_id: attempt.id,
    position,
    question_id: q.questionId,
    option_order: q.optionOrder.join(''),
    answer: null,
    flagged: 0,
    updated_at: null,
    credit: null,
  }));
  return { ...attemptState(questions, index, attempt, rows, now), token };
}
