/**
 * Grading a submitted attempt. Submit first freezes the attempt (no save lands after that, so the
 * report grades exactly what is stored, and concurrent submits grade the same rows at the same
 * submittedAt), then grades it and stores the report once; every later submit or report read
 * gets that stored text.
 */
import type { D1Database } from '@cloudflare/workers-types';
import type { Content } from '../bundle-store.js';
import { ApiError } from '../errors.js';
import { buildReport } from './report.js';
import {
  type AttemptQuestionRow,
  type AttemptRow,
  findAttempt,
  freezeAttempt,
  submitAttempt,
} from './store.js';
import { examOfAttempt } from './view.js';

export interface Frozen {
  attempt: AttemptRow;
  rows: AttemptQuestionRow[];
}

/**
 * The report's JSON of a frozen attempt: the stored one if it was graded already, else graded now
 * and stored — ours, or the one a concurrent submit stored first.
 */
export async function grade(db: D1Database, content: Content, { attempt, rows }: Frozen): Promise<string> {
  if (attempt.report_json !== null) return attempt.report_json;
  const index = examOfAttempt(content, attempt);
  const ids = rows.map((r) => r.question_id);
  const [questions, keys, guides] = await Promise.all([
    content.questions(ids),
    content.keys(ids),
    content.guideIndex(),
  ]);
  const submittedAt = attempt.submitted_at ?? Date.now();
  const { report, credits } = buildReport(
    { contentHash: content.contentHash, questions, keys, guides },
    index,
    attempt,
    rows,
    submittedAt,
  );
  // Serialized once: this text is both stored and sent.
  const reportJson = JSON.stringify(report);
  const won = await submitAttempt(db, {
    attemptId: attempt.id,
    submittedAt,
    points: report.score.points,
    percent: report.score.total === 0 ? 0 : (100 * report.score.points) / report.score.total,
    passed: report.score.passed,
    reportJson,
    credits,
  });
  if (!won) {
    // A concurrent submit stored its report first: answer with it, not ours.
    const stored = await findAttempt(db, attempt.id);
    if (stored?.report_json) return stored.report_json;
  }
  return reportJson;
}

/** The report of an authorized attempt: 409 before submit; graded now if its grading failed. */
export async function reportOf(db: D1Database, content: Content, attempt: AttemptRow): Promise<string> {
  if (attempt.report_json !== null) return attempt.report_json;
  if (attempt.submitted_at === null) {
    throw new ApiError('attempt_not_submitted', 'This attempt has not been submitted yet.');
  }
  // Submitted but not graded: the submit failed after freezing (e.g. the bundle was unreadable).
  // The frozen answers are all there, so grade them now rather than answer 409 forever.
  const frozen = await freezeAttempt(db, attempt.id, attempt.token_hash, Date.now());
  return grade(db, content, { attempt: frozen.attempt ?? attempt, rows: frozen.rows });
}
