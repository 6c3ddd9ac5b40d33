/**
 * Item statistics without scans. Each first grading appends one row to D1 `item_events` (the
 * attempt's credit and answered flag per question, and its total); `foldItemEvents` folds queued
 * events into the per-question sums of `item_stats` in batches (the Cron Trigger every few minutes,
 * and the admin route before it reads), so a submit writes one D1 row, not one per question.
 */
import type { D1Database } from '@cloudflare/workers-types';
import type { StoredAttempt } from '../learner/stored.js';

export async function recordGraded(db: D1Database, attempt: StoredAttempt): Promise<void> {
  const credits = attempt.credits ?? [];
  const total = attempt.form.length === 0 ? 0 : (100 * (attempt.points ?? 0)) / attempt.form.length;
  const items = attempt.form.map((f, i) => [f.questionId, credits[i] ?? 0, attempt.slots[i]?.answer ? 1 : 0]);
  try {
    await db
      .prepare('INSERT INTO item_events (exam_id, mode, total, items) VALUES (?, ?, ?, ?)')
      .bind(attempt.examId, attempt.mode, total, JSON.stringify(items))
      .run();
  } catch (err) {
    // The grade is stored in the learner's object; statistics lose this one attempt. Logged.
    console.error('recording item statistics failed:', err);
  }
}
