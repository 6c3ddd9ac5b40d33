/**
 * Item statistics from sums: the fold of queued results (Cron Trigger and admin route) counts
 * every graded attempt exactly once, concurrent folds included, and the sums give the same
 * facility and point-biserial as the per-attempt formulas.
 */
import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldItemEvents } from '../src/stats/aggregates.js';
import { facility } from '../src/stats/facility.js';
import { fromSums } from '../src/stats/index.js';
import { pointBiserial } from '../src/stats/point-biserial.js';

describe('item statistics from sums', () => {
  it('equal facility and point-biserial computed per attempt', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(0, 0.5, 1), fc.double({ min: 0, max: 100, noNaN: true })), {
          minLength: 1,
          maxLength: 60,
        }),
        (pairs) => {
          const x = pairs.map((p) => p[0]);
          const y = pairs.map((p) => p[1]);
          const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
          const s = {
            n: pairs.length,
            answered: pairs.length,
            sum_x: sum(x),
            sum_xx: sum(x.map((v) => v * v)),
            sum_y: sum(y),
            sum_yy: sum(y.map((v) => v * v)),
            sum_xy: sum(pairs.map(([a, b]) => a * b)),
          };
          const got = fromSums(s);
          expect(got.p).toBeCloseTo(facility(x) ?? Number.NaN, 9);
          const expected = pointBiserial(x, y);
          if (expected === null || got.rPb === null) {
            // Degenerate variance: both must call it undefined unless float noise decides.
            if (expected !== null) expect(Math.abs(expected)).toBeLessThanOrEqual(1);
          } else expect(got.rPb).toBeCloseTo(expected, 6);
        },
      ),
    );
  });

  it('concurrent folds count each queued attempt once', async () => {
    const db = env.DB;
    const exam = `fold-${crypto.randomUUID().slice(0, 8)}`;
    const events = Array.from({ length: 120 }, (_, i) =>
      db.prepare('INSERT INTO item_events (exam_id, mode, total, items) VALUES (?, ?, ?, ?)').bind(
        exam,
        'exam',
        i % 100,
        JSON.stringify([
          ['q1', i % 2, 1],
          ['q2', 1, 1],
        ]),
      ),
    );
    await db.batch(events);
    // Three folds at once, in small batches, until nothing is left.
    for (;;) {
      const folded = await Promise.all([
        foldItemEvents(db, 25),
        foldItemEvents(db, 25),
        foldItemEvents(db, 25),
      ]);
      if (folded.every((n) => n === 0)) break;
    }
    const q2 = await db
      .prepare('SELECT n, sum_x FROM item_stats WHERE exam_id = ? AND question_id = ?')
      .bind(exam, 'q2')
      .first();
    expect(q2).toEqual({ n: 120, sum_x: 120 });
    const count = await db.prepare('SELECT attempts FROM exam_stats WHERE exam_id = ?').bind(exam).first();
    expect(count).toEqual({ attempts: 120 });
  });
});
