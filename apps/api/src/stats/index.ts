import type { StatsRow } from '../attempts/store.js';
import type { ExamIndex } from '../bundle.js';
import { facility } from './facility.js';
import { pointBiserial } from './point-biserial.js';

export interface ItemStats {
  questionId: string;
  domain: string;
  n: number;
  answered: number;
  p: number | null;
  rPb: number | null;
}

const round3 = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

/** Facility and point-biserial of every question in the exam's bank (bank order: by domain, id). */
export function itemStatistics(
  examIndex: ExamIndex,
  rows: readonly StatsRow[],
): { attempts: number; items: ItemStats[] } {
  const byQuestion = new Map<string, StatsRow[]>();
  const attempts = new Set<string>();
  for (const row of rows) {
    attempts.add(row.attempt_id);
    const list = byQuestion.get(row.question_id) ?? [];
    list.push(row);
    byQuestion.set(row.question_id, list);
  }
  const items: ItemStats[] = [];
  for (const [domain, ids] of examIndex.pool) {
    for (const questionId of ids) {
      const list = byQuestion.get(questionId) ?? [];
      const credits = list.map((r) => r.credit);
      items.push({
        questionId,
        domain,
        n: list.length,
        answered: list.filter((r) => r.answered === 1).length,
        p: round3(facility(credits)),
        rPb: round3(
          pointBiserial(
            credits,
            list.map((r) => r.total),
          ),
        ),
      });
    }
  }
  return { attempts: attempts.size, items };
}
