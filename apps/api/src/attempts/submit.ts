/**
 * Submit and report. Submit fetches the keys of the question versions the attempt drew and has
 * the learner's Durable Object freeze and grade it in one write (so concurrent submits grade once,
 * and a save racing the submit either is graded or is refused). The report is rebuilt from the
 * stored grading facts on every read, so it never changes. The first grading also queues the
 * attempt's item results for the statistics (one D1 row).
 *
 * While the learner has another open timed attempt sharing questions with this one, the report
 * (which shows keys) is refused with 409 `report_sealed`; the grade itself is stored.
 */
import type { D1Database } from '@cloudflare/workers-types';
import type { QuestionKey } from '@examdown/compiler/schema';
import type { ServedQuestion } from '../bundle.js';
import type { Content } from '../bundle-store.js';
import { ApiError } from '../errors.js';
import { attemptStub, type LearnerNamespace } from '../learner/client.js';
import { encodeGradingFacts, type GradingFact } from '../learner/codec.js';
import type { Sealed } from '../learner/durable-object.js';
import { type StoredAttempt, toStored } from '../learner/stored.js';
import { recordGraded } from '../stats/events.js';
import { buildReport } from './report.js';
import { examOfAttempt } from './view.js';

export interface Read extends Omit<Sealed, 'attempt'> {
  attempt: StoredAttempt;
}

/** Where an authorized attempt route works: the learner objects, D1, the bundle, the attempt. */
export interface AttemptCall {
  ns: LearnerNamespace;
  db: D1Database;
  content: Content;
  id: string;
  tokenHash: string;
}

/**
 * The report's JSON of an authorized attempt: graded now if it was not (keys fetched, then one
 * write in the learner's object). When the keys cannot be read the attempt is frozen first (no
 * save lands after this submit) and the 503 goes out; the next submit or report grades it.
 */
export async function grade(call: AttemptCall, read: Read): Promise<string> {
  const { ns, db, content, id, tokenHash } = call;
  const { attempt } = read;
  if (attempt.credits !== null) return reportText(content, id, attempt, read.sealed);
  const { stub, local } = attemptStub(ns, id);
  const now = Date.now();
  let drawn: Drawn;
  const facts: GradingFact[] = [];
  try {
    drawn = await drawnVersions(content, attempt);
    for (const [id, key] of drawn.keys) {
      const question = drawn.questions.get(id);
      if (question) facts.push({ id, type: question.type, correct: key.correct, domain: question.domain });
    }
  } catch (err) {
    await stub.freeze(local, tokenHash, now);
    throw err;
  }
  const graded = await stub.submit(local, tokenHash, now, encodeGradingFacts(facts));
  const stored = graded.attempt ? toStored(graded.attempt, attempt.form) : attempt;
  if (graded.gradedNow) await recordGraded(db, stored);
  // The form is immutable: the versions read for grading are the report's.
  return reportText(content, id, stored, graded.sealed, drawn);
}

/** The report of an authorized attempt: 409 before submit; graded now if its grading failed. */
export async function reportOf(call: AttemptCall, read: Read): Promise<string> {
  if (read.attempt.credits === null && read.attempt.submittedAt === null) {
    throw new ApiError('attempt_not_submitted', 'This attempt has not been submitted yet.');
  }
  // Submitted but not graded: the keys could not be read at submit. Grade what was frozen now.
  return grade(call, read);
}

/** The question versions an attempt drew, and their keys. */
interface Drawn {
  questions: ReadonlyMap<string, ServedQuestion>;
  keys: ReadonlyMap<string, QuestionKey>;
}

async function drawnVersions(content: Content, attempt: StoredAttempt): Promise<Drawn> {
  const refs = attempt.form.map((f) => ({ id: f.questionId, hash: f.hash }));
  const [questions, keys] = await Promise.all([content.questionVersions(refs), content.keyVersions(refs)]);
  return { questions, keys };
}

async function reportText(
  content: Content,
  id: string,
  attempt: StoredAttempt,
  sealed: readonly string[],
  read?: Drawn,
) {
  if (sealed.length > 0) {
    const open = new Set(sealed);
    if (attempt.form.some((f) => open.has(f.questionId))) {
      throw new ApiError(
        'report_sealed',
        'This attempt is graded, but its report shows keys of questions in one of your open timed exams: it is available once that exam is submitted or expires.',
      );
    }
  }
  const index = examOfAttempt(content, attempt);
  const [drawn, guides] = await Promise.all([read ?? drawnVersions(content, attempt), content.guideIndex()]);
  return JSON.stringify(buildReport({ ...drawn, guides }, index, id, attempt));
}
