/**
 * Draws an attempt's questions from an exam's bank, stratified by domain weight.
 *
 * Quotas use largest-remainder (Hamilton) rounding: each domain gets floor(count × weight / Σweight),
 * and the seats left go one each to the largest fractional remainders (ties: larger weight, then
 * blueprint order). 60 questions at 33/33/34 → 19.8/19.8/20.4 → 20/20/20. A domain whose bank is
 * smaller than its quota gives its shortfall to the others in the same remainder order, so a
 * draw never fails while the bank as a whole is large enough.
 */
import type { Random } from './prng.js';
import { sample, shuffle } from './shuffle.js';

export interface Stratum {
  id: string;
  weight: number;
  /** Question ids available in this stratum. */
  pool: readonly string[];
}

export interface Allocation {
  id: string;
  quota: number;
}

export function allocate(count: number, strata: readonly Stratum[]): Allocation[] {
  const available = strata.reduce((n, s) => n + s.pool.length, 0);
  const total = Math.max(0, Math.min(count, available));
  const weightSum = strata.reduce((n, s) => n + s.weight, 0);
  const exact = strata.map((s) => (weightSum > 0 ? (total * s.weight) / weightSum : 0));
  const quota = strata.map((s, i) => Math.min(Math.floor(exact[i] ?? 0), s.pool.length));

  const order = strata
    .map((s, i) => ({ i, remainder: (exact[i] ?? 0) - Math.floor(exact[i] ?? 0), weight: s.weight }))
    .sort((x, y) => y.remainder - x.remainder || y.weight - x.weight || x.i - y.i)
    .map((x) => x.i);

  let left = total - quota.reduce((n, q) => n + q, 0);
  while (left > 0) {
    let progressed = false;
    for (const i of order) {
      if (left === 0) break;
      const stratum = strata[i];
      if (stratum && (quota[i] ?? 0) < stratum.pool.length) {
        quota[i] = (quota[i] ?? 0) + 1;
        left--;
        progressed = true;
      }
    }
    if (!progressed) break;
  }
  return strata.map((s, i) => ({ id: s.id, quota: quota[i] ?? 0 }));
}

export interface DrawnQuestion {
  questionId: string;
  stratum: string;
}

/** Draws `count` questions stratified by weight, then shuffles them into one random order. */
export function drawStratified(count: number, strata: readonly Stratum[], random: Random): DrawnQuestion[] {
  const drawn: DrawnQuestion[] = [];
  for (const { id, quota } of allocate(count, strata)) {
    const stratum = strata.find((s) => s.id === id);
    if (!stratum) continue;
    for (const questionId of sample(stratum.pool, quota, random)) drawn.push({ questionId, stratum: id });
  }
  return shuffle(drawn, random);
}

/** A random display order for a question's options (ids stay the bundle's stable letters). */
export function shuffleOptions(optionIds: readonly string[], random: Random): string[] {
  return shuffle(optionIds, random);
}
