/**
 * Draws an attempt's questions from an exam's bank, stratified by domain weight. The quotas are
 * the shared blueprint split (`splitSeats`), capped by each domain's pool, so the exam page shows
 * exactly what is drawn: 60 questions at 33/33/34 → 20/20/20.
 */
import { type Random, sample, shuffle, splitSeats } from '@examdown/compiler/shared';

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
