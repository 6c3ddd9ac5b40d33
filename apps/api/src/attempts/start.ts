/**
 * Starting an attempt: the draw (stratified by domain weight; timed draws leave out questions
 * embedded in guides, whose keys the try-it check reveals), the compact form with the entity
 * version of every question drawn, and the row in the learner's Durable Object.
 */
import { type AttemptMode, randomSeed, seededRandom, shuffle } from '@examdown/compiler/shared';
import type { ExamIndex } from '../bundle.js';
import type { Content } from '../bundle-store.js';
import { ApiError } from '../errors.js';
import { type LearnerNamespace, learnerStub } from '../learner/client.js';
import { type FormEntry, formText } from '../learner/codec.js';
import type { Learner } from '../learner/durable-object.js';
import { attemptIdOf, newLocalId } from '../learner/ids.js';
import { DEFAULT_PRACTICE_COUNT, MAX_OPEN_ATTEMPTS, MAX_PRACTICE_COUNT } from '../learner/policy.js';
import { SeenFilter } from '../learner/seen-filter.js';
import type { StoredAttempt } from '../learner/stored.js';
import type { AttemptState } from '../schemas/attempts.js';
import { hashToken, newToken } from '../security.js';
import { shuffleOptions } from './option-order.js';
import { type DrawnQuestion, drawStratified, drawUnseen, type Stratum, shownCounts } from './sampler.js';
import { attemptState } from './view.js';

export interface StartInput {
  mode: AttemptMode;
  domains?: string[] | undefined;
  count?: number | undefined;
  learnerId: string;
  /** False for a learner created by this start: nothing to look up, nothing seen. */
  known: boolean;
}

function strataFor(index: ExamIndex, mode: AttemptMode, domains: string[] | undefined): Stratum[] {
  const { exam } = index;
  const pools = mode === 'exam' ? index.timedPool : index.pool;
  if (mode === 'exam' || !domains) {
    return exam.domains.map((d) => ({ id: d.id, weight: d.weight, pool: pools.get(d.id) ?? [] }));
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
    .map((d) => ({ id: d.id, weight: d.weight, pool: pools.get(d.id) ?? [] }));
}

export async function startAttempt(
  ns: LearnerNamespace,
  content: Content,
  index: ExamIndex,
  input: StartInput,
): Promise<AttemptState & { token: string }> {
  const { mode } = input;
  const strata = strataFor(index, mode, input.domains);
  const available = strata.reduce((n, s) => n + s.pool.length, 0);
  const wanted =
    mode === 'exam' ? index.exam.questionCount : (input.count ?? Math.min(DEFAULT_PRACTICE_COUNT, available));
  if (available === 0 || (mode === 'practice' && wanted > available)) {
    throw new ApiError(
      'not_enough_questions',
      `The bank has ${available} question${available === 1 ? '' : 's'} for this selection; ${wanted} were asked for.`,
    );
  }
  const seed = randomSeed();
  const drawn = input.known
    ? await returningDraw(learnerStub(ns, input.learnerId), index.exam.id, wanted, strata, seed)
    : drawStratified(wanted, strata, seededRandom(seed));
  const picked = drawn.map((p) => p.questionId);
  return createAttempt(ns, content, index, { mode, learnerId: input.learnerId, questionIds: picked, seed });
}

/**
 * A returning learner's draw: against the object's filter of the questions it was shown, and —
 * only when a domain has run out of unseen questions — again with the exact counts.
 */
async function returningDraw(
  learner: DurableObjectStub<Learner>,
  examId: string,
  wanted: number,
  strata: readonly Stratum[],
  seed: number,
): Promise<DrawnQuestion[]> {
  const filter = new SeenFilter(await learner.seenFilter(examId));
  const unseen = drawUnseen(wanted, strata, seededRandom(seed), filter);
  if (unseen) return unseen;
  const counts = shownCounts(await learner.seenQuestions(examId));
  return drawStratified(wanted, strata, seededRandom(seed), counts);
}

/**
 * A practice attempt of exactly `questionIds` (a retake of missed questions, a review of due
 * cards), in a shuffled order; ids no longer in the content are left out. 422 when none is left.
 */
export async function startWithQuestions(
  ns: LearnerNamespace,
  content: Content,
  index: ExamIndex,
  learnerId: string,
  questionIds: readonly string[],
): Promise<AttemptState & { token: string }> {
  const live = questionIds.filter((id) => content.entityHash(id) !== undefined).slice(0, MAX_PRACTICE_COUNT);
  if (live.length === 0) {
    throw new ApiError('not_enough_questions', 'None of these questions is in the current content.');
  }
  const seed = randomSeed();
  const order = shuffle([...live], seededRandom(seed));
  return createAttempt(ns, content, index, { mode: 'practice', learnerId, questionIds: order, seed });
}

/** Stores a new attempt of `questionIds` (in that order) in the learner's object. */
async function createAttempt(
  ns: LearnerNamespace,
  content: Content,
  index: ExamIndex,
  draw: { mode: AttemptMode; learnerId: string; questionIds: readonly string[]; seed: number },
): Promise<AttemptState & { token: string }> {
  const { mode, seed } = draw;
  // A stream of its own for the option order (the draw used the seed's first numbers).
  const random = seededRandom(seed ^ 0x5bd1e995);
  const questions = await content.questions([...draw.questionIds]);
  const form: FormEntry[] = draw.questionIds.flatMap((questionId) => {
    const question = questions.get(questionId);
    const hash = content.entityHash(questionId);
    if (!question || !hash) return [];
    const order = shuffleOptions(
      question.options.map((o) => o.id),
      random,
    ).join('');
    return [{ questionId, hash, order }];
  });

  const now = Date.now();
  const token = newToken();
  const local = newLocalId();
  const id = attemptIdOf(draw.learnerId, local);
  const { exam } = index;
  const attempt: StoredAttempt = {
    local,
    tokenHash: await hashToken(token),
    examId: exam.id,
    mode,
    contentHash: content.contentHash,
    seed,
    createdAt: now,
    deadlineAt: mode === 'exam' ? now + exam.durationMinutes * 60_000 : null,
    expiresAt: null,
    submittedAt: null,
    form,
    slots: form.map(() => ({ answer: null, flagged: false, checked: false, seconds: 0 })),
    credits: null,
    points: null,
    passed: null,
    passingScore: exam.passingScore,
    scoring: exam.scoring.multipleSelect,
    domains: null,
  };
  const stored = await learnerStub(ns, draw.learnerId).start({
    local: attempt.local,
    tokenHash: attempt.tokenHash,
    examId: attempt.examId,
    mode,
    contentHash: attempt.contentHash,
    seed,
    createdAt: now,
    deadlineAt: attempt.deadlineAt,
    form: formText(form),
    passingScore: attempt.passingScore,
    scoring: attempt.scoring,
  });
  if (!stored.ok) {
    throw new ApiError(
      'too_many_open_attempts',
      `This learner has ${stored.open} unfinished attempts (at most ${MAX_OPEN_ATTEMPTS}): submit one, or let it expire.`,
    );
  }
  return { ...attemptState(id, questions, index, attempt, now), token };
}
