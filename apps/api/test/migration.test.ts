/**
 * Local data of the previous schema (attempts in D1): migration 0002 folds the item results of
 * graded attempts into the new aggregates and drops the old tables (open attempts and stored
 * reports are not carried over: the documented reset of local dev data). Run on a second D1.
 */
import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { ItemSums } from '../src/stats/aggregates.js';
import { fromSums } from '../src/stats/index.js';
import { pointBiserial } from '../src/stats/point-biserial.js';

describe('migration 0002 (attempts move to learner objects)', () => {
  it('keeps item statistics of graded attempts, drops the old tables', async () => {
    const db = env.MIGRATION_DB;
    const [first, ...rest] = env.TEST_MIGRATIONS;
    if (!first) throw new Error('no migrations');
    await applyD1Migrations(db, [first]);
    const attempt = (id: string, mode: string, percent: number | null) =>
      db
        .prepare(
          `INSERT INTO attempts (id, token_hash, exam_id, mode, content_hash, seed, created_at, submitted_at, score_percent, report_json)
           VALUES (?, 'h', 'fx', ?, 'c', 1, 0, ?, ?, ?)`,
        )
        .bind(id, mode, percent === null ? null : 1, percent, percent === null ? null : '{}');
    const row = (id: string, q: string, credit: number | null, answer: string | null) =>
      db
        .prepare(
          'INSERT INTO attempt_questions (attempt_id, position, question_id, option_order, answer, credit) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .bind(id, q === 'q1' ? 0 : 1, q, 'ab', answer, credit);
    await db.batch([
      attempt('a1', 'exam', 100),
      attempt('a2', 'exam', 50),
      attempt('a3', 'practice', 0),
      attempt('open', 'exam', null),
      row('a1', 'q1', 1, '["a"]'),
      row('a1', 'q2', 1, '["b"]'),
      row('a2', 'q1', 1, '["a"]'),
      row('a2', 'q2', 0, null),
      row('a3', 'q1', 0, '["b"]'),
      row('open', 'q1', null, '["a"]'),
    ]);
    await applyD1Migrations(db, rest);

    const tables = await db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all<{ name: string }>();
    const names = tables.results.map((t) => t.name);
    expect(names).not.toContain('attempts');
    expect(names).not.toContain('attempt_questions');
    expect(names).toEqual(expect.arrayContaining(['item_stats', 'exam_stats', 'item_events', 'fold_state']));

    const exam = await db
      .prepare("SELECT mode, attempts FROM exam_stats WHERE exam_id = 'fx' ORDER BY mode")
      .all();
    expect(exam.results).toEqual([
      { mode: 'exam', attempts: 2 },
      { mode: 'practice', attempts: 1 },
    ]);
    const q2 = await db
      .prepare("SELECT * FROM item_stats WHERE exam_id = 'fx' AND mode = 'exam' AND question_id = 'q2'")
      .first<ItemSums>();
    expect(q2).toMatchObject({
      n: 2,
      answered: 1,
      sum_x: 1,
      sum_xx: 1,
      sum_y: 150,
      sum_yy: 12500,
      sum_xy: 100,
    });
    // The sums give what the per-attempt computation gave.
    expect(fromSums({ ...(q2 as NonNullable<typeof q2>) }).rPb).toBeCloseTo(
      pointBiserial([1, 0], [100, 50]) ?? Number.NaN,
      12,
    );
  });
});
