import type { ExamIndex } from '../bundle.js';
import type { ItemSums } from './aggregates.js';

export interface ItemStats {
  questionId: string;
  domain: string;
  n: number;
  answered: number;
  p: number | null;
  rPb: number | null;
}

const round3 = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

/**
 * Facility: mean credit. Point-biserial (Pearson between the item's credit and the attempt's
 * total, uncorrected: the total includes the item) from the sums: r = Sxy / √(Sxx·Syy) with the
 * centred sums S = Σuv − ΣuΣv/n. Null with fewer than two observations or no variance.
 */
export function fromSums(s: Omit<ItemSums, 'question_id'>): { p: number | null; rPb: number | null } {
  const { n } = s;
  if (n === 0) return { p: null, rPb: null };
  const p = s.sum_x / n;
  if (n < 2) return { p, rPb: null };
  const sxx = s.sum_xx - (s.sum_x * s.sum_x) / n;
  const syy = s.sum_yy - (s.sum_y * s.sum_y) / n;
  const sxy = s.sum_xy - (s.sum_x * s.sum_y) / n;
  // Relative tolerance: the sums carry float error of the order of their magnitude × 1e-15.
  if (sxx < 1e-9 * Math.max(1, s.sum_xx) || syy < 1e-9 * Math.max(1, s.sum_yy)) return { p, rPb: null };
  return { p, rPb: Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy))) };
}

/** Facility and point-biserial of every question in the exam's bank (bank order: by domain, id). */
export function itemStatistics(examIndex: ExamIndex, sums: readonly ItemSums[]): ItemStats[] {
  const byQuestion = new Map(sums.map((s) => [s.question_id, s]));
  const items: ItemStats[] = [];
  for (const [domain, ids] of examIndex.pool) {
    for (const questionId of ids) {
      const s = byQuestion.get(questionId);
      const { p, rPb } = s ? fromSums(s) : { p: null, rPb: null };
      items.push({
        questionId,
        domain,
        n: s?.n ?? 0,
        answered: s?.answered ?? 0,
        p: round3(p),
        rPb: round3(rPb),
      });
    }
  }
  return items;
}
