/**
 * D1 access for attempts. Two tables (migrations/0001_attempts.sql): `attempts`, one row per
 * attempt, and `attempt_questions`, one row per drawn question with its position, option order,
 * saved answer and flag. Multi-statement writes go through `db.batch` (one transaction).
 */
import type { D1Database } from '@cloudflare/workers-types';
import type { AttemptMode as Mode } from '@examdown/compiler/shared';

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

/** A row's saved answer (JSON in D1), or null when there is none. */
export function parseAnswer(json: string | null): string[] | null {
  if (json === null) return null;
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : null;
}

export interface NewAttempt {
  attempt: AttemptRow;
  /** In position order. */
  questions: { questionId: string; optionOrder: string[] }[];
}

export async function insertAttempt(db: D1Database, { attempt: a, questions }: NewAttempt): Promise<void> {
  // The questions go in as one JSON array ([[question id, option order], …] in position order)
  // expanded by json_each: one statement whatever the count (D1 binds at most 100 parameters).
  const drawn = JSON.stringify(questions.map((q) => [q.questionId, q.optionOrder.join('')]));
  await db.batch([
    db
      .prepare(
        `INSERT INTO attempts (id, token_hash, exam_id, mode, content_hash, seed, created_at, deadline_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .bind(a.id, a.token_hash, a.exam_id, a.mode, a.content_hash, a.seed, a.created_at, a.deadline_at),
    db
      .prepare(
        `INSERT INTO attempt_questions (attempt_id, position, question_id, option_order)
         SELECT ?1, CAST(q.key AS INTEGER), json_extract(q.value, '$[0]'), json_extract(q.value, '$[1]')
         FROM json_each(?2) AS q`,
      )
      .bind(a.id, drawn),
  ]);
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
  /** sha256 (hex) of the presented token: the write happens only if it is the attempt's. */
  tokenHash: string;
  /** undefined = leave as is; null or [] = clear. */
  answer?: string[] | null | undefined;
  flagged?: boolean | undefined;
  now: number;
  /** Saves arriving this long after the deadline are still accepted. */
  graceMs: number;
  /** false: only read (the request is already known to be refused, e.g. an invalid answer). */
  write: boolean;
}

export interface SaveOutcome {
  /** Did the guarded write land? */
  written: boolean;
  attempt: AttemptRow | null;
  /** The question's row in this attempt (after the write), if it is one of its questions. */
  row: AttemptQuestionRow | null;
  /** After the write: questions, answered, flagged. */
  progress: { total: number; answered: number; flagged: number };
}

/**
 * A save in one round trip (one batch, one transaction): the write, guarded in SQL so that it
 * lands only with the attempt's token, while the attempt is open (not submitted, deadline +
 * grace not passed) — a save racing a submit or the deadline can never land after it — and then
 * the attempt, the question's row and the progress counts as they now stand. When `written` is
 * false the caller tells why from what was read.
 */
export async function saveAnswer(db: D1Database, s: SaveInput): Promise<SaveOutcome> {
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
  const reads = [
    db.prepare('SELECT * FROM attempts WHERE id = ?').bind(s.attemptId),
    db
      .prepare('SELECT * FROM attempt_questions WHERE attempt_id = ? AND question_id = ?')
      .bind(s.attemptId, s.questionId),
    db
      .prepare(
        `SELECT COUNT(*) AS total, COUNT(answer) AS answered, COALESCE(SUM(flagged), 0) AS flagged
         FROM attempt_questions WHERE attempt_id = ?`,
      )
      .bind(s.attemptId),
  ];
  const write = db
    .prepare(
      `UPDATE attempt_questions SET ${sets.join(', ')}
       WHERE attempt_id = ? AND question_id = ?
         AND EXISTS (SELECT 1 FROM attempts a WHERE a.id = ? AND a.token_hash = ? AND a.submitted_at IS NULL
                     AND (a.deadline_at IS NULL OR ? <= a.deadline_at + ?))`,
    )
    .bind(...params, s.attemptId, s.questionId, s.attemptId, s.tokenHash, s.now, s.graceMs);
  const results = await db.batch(s.write ? [write, ...reads] : reads);
  const [written, attempt, row, counts] = s.write ? results : [undefined, ...results];
  const c = counts?.results[0] as { total: number; answered: number; flagged: number } | undefined;
  return {
    written: (written?.meta.changes ?? 0) > 0,
    attempt: (attempt?.results[0] as AttemptRow | undefined) ?? null,
    row: (row?.results[0] as AttemptQuestionRow | undefined) ?? null,
    progress: { total: c?.total ?? 0, answered: c?.answered ?? 0, flagged: c?.flagged ?? 0 },
  };
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
 * Closes the attempt to saves (sets `submitted_at` unless a submit already did) and returns it as
 * now stored. Submit freezes first and reads the answers after, so the report grades exactly what
 * is stored: a save either landed before the freeze (and is graded) or is refused by its guard.
 */
export async function freezeAttempt(
  db: D1Database,
  id: string,
  tokenHash: string,
  now: number,
): Promise<{ attempt: AttemptRow | null; rows: AttemptQuestionRow[] }> {
  // One round trip: freeze (only with the attempt's token), then read the attempt and its rows
  // as they now stand. The caller still checks the token in constant time on what was read.
  const [, read, rows] = await db.batch([
    db
      .prepare(
        'UPDATE attempts SET submitted_at = ? WHERE id = ? AND token_hash = ? AND submitted_at IS NULL',
      )
      .bind(now, id, tokenHash),
    db.prepare('SELECT * FROM attempts WHERE id = ?').bind(id),
    db.prepare('SELECT * FROM attempt_questions WHERE attempt_id = ? ORDER BY position').bind(id),
  ]);
  return {
    attempt: (read?.results[0] as AttemptRow | undefined) ?? null,
    rows: (rows?.results ?? []) as AttemptQuestionRow[],
  };
}

/**
 * Stores the report of a frozen attempt. Only the first grading wins (`report_json IS NULL`
 * guard); returns false when another submit stored its report first.
 */
export async function submitAttempt(db: D1Database, s: SubmitInput): Promise<boolean> {
  // Every question's credit in one statement (a JSON object question id → credit, read with
  // json_each), not one UPDATE per question: a 60-question submit is 2 statements, not 61.
  const credits = JSON.stringify(Object.fromEntries(s.credits.map((c) => [c.questionId, c.credit])));
  const [first] = await db.batch([
    db
      .prepare(
        `UPDATE attempts SET submitted_at = ?, score_points = ?, score_percent = ?, passed = ?, report_json = ?
         WHERE id = ? AND report_json IS NULL`,
      )
      .bind(s.submittedAt, s.points, s.percent, s.passed ? 1 : 0, s.reportJson, s.attemptId),
    db
      .prepare(
        `UPDATE attempt_questions
         SET credit = (SELECT c.value FROM json_each(?1) AS c WHERE c.key = attempt_questions.question_id)
         WHERE attempt_id = ?2 AND credit IS NULL
           AND question_id IN (SELECT c.key FROM json_each(?1) AS c)
           AND (SELECT submitted_at FROM attempts WHERE id = ?2) = ?3`,
      )
      .bind(credits, s.attemptId, s.submittedAt),
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
       WHERE a.exam_id = ? AND a.submitted_at IS NOT NULL AND a.report_json IS NOT NULL
         AND (? IS NULL OR a.mode = ?)`,
    )
    .bind(examId, mode ?? null, mode ?? null)
    .all<StatsRow>();
  return results;
}
