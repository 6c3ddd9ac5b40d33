/**
 * D1 access for attempts. Two tables (migrations/0001_attempts.sql): `attempts`, one row per
 * attempt, and `attempt_questions`, one row per drawn question with its position, option order,
 * saved answer and flag. Multi-statement writes go through `db.batch` (one transaction).
 */
import type { D1Database } from '@cloudflare/workers-types';

export type Mode = 'exam' | 'practice';

export interface AttemptRow {
  id: string;
  token_hash: string;
  exam_id: string;
  mode: Mode;
  content_hash: string;
  seed: number;
  created_at: number;
  deadline_at: number | null;
  submitted_at: number | null;
  score_points: number | null;
  score_percent: number | null;
  passed: number | null;
  report_json: string | null;
}

export interface AttemptQuestionRow {
  attempt_id: string;
  position: number;
  question_id: string;
  option_order: string;
  answer: string | null;
  flagged: number;
  updated_at: number | null;
  credit: number | null;
}

export interface NewAttempt {
  id: string;
  tokenHash: string;
  examId: string;
  mode: Mode;
  contentHash: string;
  seed: number;
  createdAt: number;
  deadlineAt: number | null;
  questions: { questionId: string; optionOrder: string[] }[];
}

/** D1 binds at most 100 parameters per statement. */
const ROWS_PER_INSERT = 16;

export async function insertAttempt(db: D1Database, a: NewAttempt): Promise<void> {
  const statements = [
    db
      .prepare(
        `INSERT INTO attempts (id, token_hash, exam_id, mode, content_hash, seed, created_at, deadline_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .bind(a.id, a.tokenHash, a.examId, a.mode, a.contentHash, a.seed, a.createdAt, a.deadlineAt),
  ];
  for (let start = 0; start < a.questions.length; start += ROWS_PER_INSERT) {
    const chunk = a.questions.slice(start, start + ROWS_PER_INSERT);
    const values = chunk.map(() => '(?, ?, ?, ?)').join(', ');
    const params = chunk.flatMap((q, i) => [a.id, start + i, q.questionId, q.optionOrder.join('')]);
    statements.push(
      db
        .prepare(
          `INSERT INTO attempt_questions (attempt_id, position, question_id, option_order) VALUES ${values}`,
        )
        .bind(...params),
    );
  }
  await db.batch(statements);
}

export async function findAttempt(db: D1Database, id: string): Promise<AttemptRow | null> {
  return db.prepare('SELECT * FROM attempts WHERE id = ?').bind(id).first<AttemptRow>();
}

export async function attemptQuestions(db: D1Database, id: string): Promise<AttemptQuestionRow[]> {
  const { results } = await db
    .prepare('SELECT * FROM attempt_questions WHERE attempt_id = ? ORDER BY position')
    .bind(id)
    .all<AttemptQuestionRow>();
  return results;
}

export interface SaveInput {
  attemptId: string;
  questionId: string;
  /** undefined = leave as is; null = clear. */
  answer: string[] | null | undefined;
  flagged: boolean | undefined;
  now: number;
  /** Saves are refused once now > deadline + grace. */
  acceptUntil: number | null;
}

/**
 * Saves an answer and/or flag, but only while the attempt is open: the guard is in the same
 * statement, so a save racing a submit (or the deadline) can never land after it.
 * Returns false when the guard refused the write.
 */
export async function saveAnswer(db: D1Database, s: SaveInput): Promise<boolean> {
  const sets: string[] = ['updated_at = ?'];
  const params: unknown[] = [s.now];
  if (s.answer !== undefined) {
    sets.push('answer = ?');
    params.push(s.answer === null || s.answer.length === 0 ? null : JSON.stringify(s.answer));
  }
  if (s.flagged !== undefined) {
    sets.push('flagged = ?');
    params.push(s.flagged ? 1 : 0);
  }
  const result = await db
    .prepare(
      `UPDATE attempt_questions SET ${sets.join(', ')}
       WHERE attempt_id = ? AND question_id = ?
         AND EXISTS (SELECT 1 FROM attempts a WHERE a.id = ? AND a.submitted_at IS NULL
                     AND (a.deadline_at IS NULL OR ? <= ?))`,
    )
    .bind(...params, s.attemptId, s.questionId, s.attemptId, s.now, s.acceptUntil ?? s.now)
    .run();
  return (result.meta.changes ?? 0) > 0;
}

export interface SubmitInput {
  attemptId: string;
  submittedAt: number;
  points: number;
  percent: number;
  passed: boolean;
  reportJson: string;
  credits: { questionId: string; credit: number }[];
}

/**
 * Freezes the attempt with its report. Only the first submit wins (`submitted_at IS NULL` guard);
 * returns false when another submit got there first.
 */
export async function submitAttempt(db: D1Database, s: SubmitInput): Promise<boolean> {
  const [first] = await db.batch([
    db
      .prepare(
        `UPDATE attempts SET submitted_at = ?, score_points = ?, score_percent = ?, passed = ?, report_json = ?
         WHERE id = ? AND submitted_at IS NULL`,
      )
      .bind(s.submittedAt, s.points, s.percent, s.passed ? 1 : 0, s.reportJson, s.attemptId),
    ...s.credits.map((c) =>
      db
        .prepare(
          `UPDATE attempt_questions SET credit = ?
           WHERE attempt_id = ? AND question_id = ? AND credit IS NULL
             AND (SELECT submitted_at FROM attempts WHERE id = ?) = ?`,
        )
        .bind(c.credit, s.attemptId, c.questionId, s.attemptId, s.submittedAt),
    ),
  ]);
  return (first?.meta.changes ?? 0) > 0;
}

export interface StatsRow {
  attempt_id: string;
  question_id: string;
  credit: number;
  answered: number;
  /** The attempt's total score in percent. */
  total: number;
}

/** Item-level data of every submitted attempt of an exam: one row per attempt × question. */
export async function submittedItems(
  db: D1Database,
  examId: string,
  mode: Mode | undefined,
): Promise<StatsRow[]> {
  const { results } = await db
    .prepare(
      `SELECT q.attempt_id, q.question_id, COALESCE(q.credit, 0) AS credit,
              (q.answer IS NOT NULL) AS answered, a.score_percent AS total
       FROM attempts a JOIN attempt_questions q ON q.attempt_id = a.id
       WHERE a.exam_id = ? AND a.submitted_at IS NOT NULL AND (? IS NULL OR a.mode = ?)`,
    )
    .bind(examId, mode ?? null, mode ?? null)
    .all<StatsRow>();
  return results;
}
