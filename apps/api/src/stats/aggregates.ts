/**
 * The item-statistics sums in D1: folding queued events into them (in batches) and reading them.
 */
import type { D1Database } from '@cloudflare/workers-types';
import type { AttemptMode } from '@examdown/compiler/shared';
import { z } from 'zod';

/** Events folded per batch: the sums' rows written per batch are amortized over this many attempts. */
export const FOLD_BATCH = 500;

const EventItems = z.array(z.tuple([z.string(), z.number(), z.number()]));

export interface ItemSums {
  question_id: string;
  n: number;
  answered: number;
  sum_x: number;
  sum_xx: number;
  sum_y: number;
  sum_yy: number;
  sum_xy: number;
}

/**
 * Folds up to `batch` queued events into the sums, in one transaction guarded by the fold cursor
 * (two concurrent folds never count an event twice). Returns how many events it folded.
 */
export async function foldItemEvents(db: D1Database, batch = FOLD_BATCH): Promise<number> {
  const state = await db.prepare('SELECT last_id FROM fold_state WHERE id = 1').first<{ last_id: number }>();
  const last = state?.last_id ?? 0;
  const { results } = await db
    .prepare('SELECT id, exam_id, mode, total, items FROM item_events WHERE id > ? ORDER BY id LIMIT ?')
    .bind(last, batch)
    .all<{ id: number; exam_id: string; mode: string; total: number; items: string }>();
  if (results.length === 0) return 0;
  const sums = new Map<string, (string | number)[]>();
  const exams = new Map<string, [string, string, number]>();
  let max = last;
  for (const e of results) {
    max = Math.max(max, e.id);
    const exam = exams.get(`${e.exam_id}\u0000${e.mode}`) ?? [e.exam_id, e.mode, 0];
    exam[2] += 1;
    exams.set(`${e.exam_id}\u0000${e.mode}`, exam);
    const parsed = EventItems.safeParse(JSON.parse(e.items));
    if (!parsed.success) continue;
    for (const [qid, x, answered] of parsed.data) {
      const key = `${e.exam_id}\u0000${e.mode}\u0000${qid}`;
      const s = sums.get(key) ?? [e.exam_id, e.mode, qid, 0, 0, 0, 0, 0, 0, 0];
      const y = e.total;
      const add = [1, answered, x, x * x, y, y * y, x * y];
      for (let i = 0; i < add.length; i++) s[3 + i] = (s[3 + i] as number) + (add[i] as number);
      sums.set(key, s);
    }
  }
  const fold = crypto.randomUUID();
  const guard = '(SELECT fold FROM fold_state WHERE id = 1) = ?';
  await db.batch([
    db
      .prepare('UPDATE fold_state SET last_id = ?, fold = ? WHERE id = 1 AND last_id = ?')
      .bind(max, fold, last),
    db
      .prepare(
        `INSERT INTO item_stats (exam_id, mode, question_id, n, answered, sum_x, sum_xx, sum_y, sum_yy, sum_xy)
         SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6,
                value ->> 7, value ->> 8, value ->> 9
         FROM json_each(?) WHERE ${guard}
         ON CONFLICT (exam_id, mode, question_id) DO UPDATE SET
           n = n + excluded.n, answered = answered + excluded.answered, sum_x = sum_x + excluded.sum_x,
           sum_xx = sum_xx + excluded.sum_xx, sum_y = sum_y + excluded.sum_y,
           sum_yy = sum_yy + excluded.sum_yy, sum_xy = sum_xy + excluded.sum_xy`,
      )
      .bind(JSON.stringify([...sums.values()]), fold),
    db
      .prepare(
        `INSERT INTO exam_stats (exam_id, mode, attempts)
         SELECT value ->> 0, value ->> 1, value ->> 2 FROM json_each(?) WHERE ${guard}
         ON CONFLICT (exam_id, mode) DO UPDATE SET attempts = attempts + excluded.attempts`,
      )
      .bind(JSON.stringify([...exams.values()]), fold),
    // Keeps the newest folded event: SQLite gives a new row max(rowid) + 1, so while that row is
    // there every new event gets an id above the cursor (an emptied table would restart at 1).
    db.prepare(`DELETE FROM item_events WHERE id < ? AND ${guard}`).bind(max, fold),
  ]);
  return results.length;
}

/** Folds everything queued (a few batches at most under normal load). */
export async function foldAll(db: D1Database, maxBatches = 20): Promise<void> {
  for (let i = 0; i < maxBatches; i++) if ((await foldItemEvents(db)) < FOLD_BATCH) return;
}

export async function readSums(db: D1Database, examId: string, mode: AttemptMode | undefined) {
  const [items, exam] = await db.batch([
    db
      .prepare(
        `SELECT question_id, SUM(n) AS n, SUM(answered) AS answered, SUM(sum_x) AS sum_x, SUM(sum_xx) AS sum_xx,
                SUM(sum_y) AS sum_y, SUM(sum_yy) AS sum_yy, SUM(sum_xy) AS sum_xy
         FROM item_stats WHERE exam_id = ?1 AND (?2 IS NULL OR mode = ?2) GROUP BY question_id`,
      )
      .bind(examId, mode ?? null),
    db
      .prepare(
        'SELECT COALESCE(SUM(attempts), 0) AS attempts FROM exam_stats WHERE exam_id = ?1 AND (?2 IS NULL OR mode = ?2)',
      )
      .bind(examId, mode ?? null),
  ]);
  return {
    attempts: Number((exam?.results[0] as { attempts: number } | undefined)?.attempts ?? 0),
    items: (items?.results ?? []) as ItemSums[],
  };
}
