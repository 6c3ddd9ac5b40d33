-- Practice-exam attempts. One row per attempt; its questions (order, option order, answers) in
-- attempt_questions. Times are Unix epoch milliseconds.
CREATE TABLE attempts (
  id            TEXT PRIMARY KEY,                 -- crypto.randomUUID()
  token_hash    TEXT NOT NULL,                    -- hex sha256 of the bearer token; the token itself is never stored
  exam_id       TEXT NOT NULL,
  mode          TEXT NOT NULL CHECK (mode IN ('exam', 'practice')),
  content_hash  TEXT NOT NULL,                    -- bundle the attempt was drawn from
  seed          INTEGER NOT NULL,                 -- PRNG seed of the draw (for reproducing it)
  created_at    INTEGER NOT NULL,
  deadline_at   INTEGER,                          -- NULL in practice mode (untimed)
  submitted_at  INTEGER,                          -- NULL until submitted
  score_points  REAL,                             -- sum of credits, set at submit
  score_percent REAL,                             -- 0..100, set at submit
  passed        INTEGER,                          -- 0/1, set at submit
  report_json   TEXT                              -- the frozen score report: submit is idempotent
);

CREATE INDEX attempts_exam_submitted ON attempts (exam_id, submitted_at);

CREATE TABLE attempt_questions (
  attempt_id   TEXT NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,                  -- 0-based place in this attempt's form
  question_id  TEXT NOT NULL,
  option_order TEXT NOT NULL,                     -- option ids in display order, e.g. "cadb"
  answer       TEXT,                              -- JSON array of option ids; NULL = unanswered
  flagged      INTEGER NOT NULL DEFAULT 0,
  updated_at   INTEGER,
  credit       REAL,                              -- 0..1, set at submit
  PRIMARY KEY (attempt_id, question_id),
  UNIQUE (attempt_id, position)
);
