/**
 * The learner Durable Object's SQLite schema and the stored row, validated with zod when read.
 *
 * One row per attempt: a start writes the row, each save rewrites its `answers`, the submit
 * writes its grade — 62 rows written for a 60-question exam — plus one row per exam for the
 * learner's review cards (cards.ts), rewritten by a submit or a practice check. Keys are the
 * rowid or the exam id (no index to write) and there is no secondary index: a learner's attempts
 * are few, so the retention, sealing and history queries scan them.
 *
 * Version 2 added `attempts.domains` and the `cards` and `passkeys` tables; `migrate` brings a version-1 object
 * (created before) up to date when it wakes.
 */
import { z } from 'zod';

export const SCHEMA_VERSION = 2;

export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS attempts (
  id            INTEGER PRIMARY KEY, -- the attempt id's local part (after '<learner id>.', base 36)
  token_hash    TEXT NOT NULL,      -- hex sha256 of the attempt token
  exam_id       TEXT NOT NULL,
  mode          TEXT NOT NULL,      -- 'exam' | 'practice'
  content_hash  TEXT NOT NULL,      -- the bundle the attempt was drawn from
  seed          INTEGER NOT NULL,   -- PRNG seed of the draw
  created_at    INTEGER NOT NULL,   -- epoch ms
  deadline_at   INTEGER,            -- NULL: untimed
  expires_at    INTEGER,            -- unsubmitted: deleted at this time (retention); NULL once submitted
  form          BLOB NOT NULL,      -- codec.ts: question id, entity hash, option order per position
  answers       TEXT NOT NULL,      -- codec.ts: one slot per position
  submitted_at  INTEGER,
  credits       TEXT,               -- codec.ts: one credit per position, set at submit
  points        REAL,
  passed        INTEGER,
  passing_score REAL NOT NULL,      -- the bar and the rule graded against (frozen at start)
  scoring       TEXT NOT NULL,
  domains       TEXT               -- at submit: per domain 'id=points/total', ';'-separated
);
CREATE TABLE IF NOT EXISTS cards (
  exam_id TEXT PRIMARY KEY,
  data    TEXT NOT NULL              -- cards.ts: question id → packed FSRS card
) WITHOUT ROWID;                     -- the key is the table's own b-tree: one row written, no index
CREATE TABLE IF NOT EXISTS passkeys (
  id          TEXT PRIMARY KEY,      -- the credential id (base64url)
  public_key  BLOB NOT NULL,         -- COSE public key
  counter     INTEGER NOT NULL,      -- signature counter (replay check)
  transports  TEXT NOT NULL,         -- comma-separated hints for the browser
  created_at  INTEGER NOT NULL
) WITHOUT ROWID`;

/** Statements that bring a version-1 object's tables to version 2 (SCHEMA_SQL makes `cards`). */
export function migrationsFor(attemptColumns: readonly string[]): string[] {
  return attemptColumns.includes('domains') ? [] : ['ALTER TABLE attempts ADD COLUMN domains TEXT'];
}

export const AttemptRow = z.object({
  id: z.number().int(),
  token_hash: z.string().regex(/^[a-f0-9]{64}$/),
  exam_id: z.string(),
  mode: z.enum(['exam', 'practice']),
  content_hash: z.string(),
  seed: z.number().int(),
  created_at: z.number().int(),
  deadline_at: z.number().int().nullable(),
  expires_at: z.number().int().nullable(),
  form: z.instanceof(ArrayBuffer),
  answers: z.string(),
  submitted_at: z.number().int().nullable(),
  credits: z.string().nullable(),
  points: z.number().nullable(),
  passed: z.number().int().nullable(),
  passing_score: z.number(),
  scoring: z.enum(['all-or-nothing', 'partial']),
  domains: z.string().nullable(),
});
export type AttemptRow = z.infer<typeof AttemptRow>;

export const INSERT_SQL = `INSERT INTO attempts (id, token_hash, exam_id, mode, content_hash, seed, created_at,
  deadline_at, expires_at, form, answers, passing_score, scoring) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** The parameters of INSERT_SQL, in its column order. */
export function insertParams(a: {
  local: number;
  tokenHash: string;
  examId: string;
  mode: string;
  contentHash: string;
  seed: number;
  createdAt: number;
  deadlineAt: number | null;
  expiresAt: number;
  form: ArrayBuffer;
  answers: string;
  passingScore: number;
  scoring: string;
}): unknown[] {
  return [
    a.local,
    a.tokenHash,
    a.examId,
    a.mode,
    a.contentHash,
    a.seed,
    a.createdAt,
    a.deadlineAt,
    a.expiresAt,
    a.form,
    a.answers,
    a.passingScore,
    a.scoring,
  ];
}
