-- Attempts move to one Durable Object per learner (src/learner/); D1 keeps cross-learner
-- aggregates only. This migration folds the item results of every graded attempt of the old
-- schema into the new aggregates, then drops the old tables: attempts of the old schema (open
-- ones and their reports) are not carried over — a reset of local dev data, documented in the
-- API README.

-- Per exam, mode and question: sums from which facility and point-biserial follow.
CREATE TABLE item_stats (
  exam_id     TEXT NOT NULL,
  mode        TEXT NOT NULL,
  question_id TEXT NOT NULL,
  n           INTEGER NOT NULL,   -- graded attempts that contained the question
  answered    INTEGER NOT NULL,   -- of which answered it
  sum_x       REAL NOT NULL,      -- Σ credit
  sum_xx      REAL NOT NULL,      -- Σ credit²
  sum_y       REAL NOT NULL,      -- Σ attempt total (percent)
  sum_yy      REAL NOT NULL,      -- Σ total²
  sum_xy      REAL NOT NULL,      -- Σ credit × total
  PRIMARY KEY (exam_id, mode, question_id)
) WITHOUT ROWID;

-- Per exam and mode: graded attempts.
CREATE TABLE exam_stats (
  exam_id  TEXT NOT NULL,
  mode     TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  PRIMARY KEY (exam_id, mode)
) WITHOUT ROWID;

-- One row per graded attempt, until folded into the sums (src/stats/events.ts).
CREATE TABLE item_events (
  id      INTEGER PRIMARY KEY,
  exam_id TEXT NOT NULL,
  mode    TEXT NOT NULL,
  total   REAL NOT NULL,          -- the attempt's score in percent
  items   TEXT NOT NULL           -- JSON [[question id, credit, answered 0/1], …]
);

-- The fold's cursor: events up to last_id are in the sums; `fold` names the fold that moved it.
CREATE TABLE fold_state (
  id      INTEGER PRIMARY KEY CHECK (id = 1),
  last_id INTEGER NOT NULL,
  fold    TEXT
);
INSERT INTO fold_state (id, last_id) VALUES (1, 0);

INSERT INTO item_stats (exam_id, mode, question_id, n, answered, sum_x, sum_xx, sum_y, sum_yy, sum_xy)
SELECT a.exam_id, a.mode, q.question_id, COUNT(*), SUM(q.answer IS NOT NULL),
       SUM(COALESCE(q.credit, 0)), SUM(COALESCE(q.credit, 0) * COALESCE(q.credit, 0)),
       SUM(a.score_percent), SUM(a.score_percent * a.score_percent),
       SUM(COALESCE(q.credit, 0) * a.score_percent)
FROM attempts a JOIN attempt_questions q ON q.attempt_id = a.id
WHERE a.submitted_at IS NOT NULL AND a.report_json IS NOT NULL
GROUP BY a.exam_id, a.mode, q.question_id;

INSERT INTO exam_stats (exam_id, mode, attempts)
SELECT exam_id, mode, COUNT(*) FROM attempts
WHERE submitted_at IS NOT NULL AND report_json IS NOT NULL
GROUP BY exam_id, mode;

DROP TABLE attempt_questions;
DROP TABLE attempts;
