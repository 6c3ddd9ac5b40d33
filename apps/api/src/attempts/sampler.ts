/**
 * Draws an attempt's questions from an exam's bank, stratified by domain weight. The quotas are
 * the shared blueprint split (`splitSeats`), capped by each domain's pool, so the exam page shows
 * exactly what is drawn: 60 questions at 33/33/34 → 20/20/20. Within a domain the draw prefers
 * what the learner has seen least often in earlier attempts of the exam, so consecutive forms
 * differ as far as the bank allows (three full forms are disjoint once each domain holds three
 * quotas).
 */
import { type Random, shuffle, splitSeats } from '@examdown/compiler/shared';

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
  const quotas = splitSeats(
    count,
    strata.map((s) => ({ weight: s.weight, capacity: s.pool.length })),
  );
  return strata.map((s, i) => ({ id: s.id, quota: quotas[i] ?? 0 }));
}

export interface DrawnQuestion {
  questionId: string;
  stratum: string;
}

/** How often the learner has been shown each question id in earlier attempts (absent: never). */
export type SeenCounts = ReadonlyMap<string, number>;

/**
 * `quota` ids of `pool`: the least-seen first, chosen at random among equally seen ones (a shuffle,
 * then a stable sort by times seen).
 */
function leastSeen(pool: readonly string[], quota: number, seen: SeenCounts, random: Random): string[] {
  const order = shuffle([...pool], random);
  if (seen.size > 0) order.sort((a, b) => (seen.get(a) ?? 0) - (seen.get(b) ?? 0));
  return order.slice(0, quota);
}

/**
 * Draws `count` questions stratified by weight, preferring the least-seen questions of each
 * stratum, then shuffles them into one random order.
 */
export function drawStratified(
  count: number,
  strata: readonly Stratum[],
  random: Random,
  seen: SeenCounts = new Map(),
): DrawnQuestion[] {
  const drawn: DrawnQuestion[] = [];
  for (const { id, quota } of allocate(count, strata)) {
    const stratum = strata.find((s) => s.id === id);
    if (!stratum) continue;
    for (const questionId of leastSeen(stratum.pool, quota, seen, random))
      drawn.push({ questionId, stratum: id });
  }
  return shuffle(drawn, random);
}
