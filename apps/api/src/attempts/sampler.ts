/**
 * Draws an attempt's questions from an exam's bank, stratified by domain weight. The quotas are
 * the shared blueprint split (`splitSeats`), capped by each domain's pool, so the exam page shows
 * exactly what is drawn: 60 questions at 33/33/34 → 20/20/20. Within a domain the draw prefers
 * what the learner has seen least often in earlier attempts of the exam, so consecutive forms
 * differ as far as the bank allows (three full forms are disjoint once each domain holds three
 * quotas).
 */
import { type Random, randomInt, shuffle, splitSeats } from '@examdown/compiler/shared';

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

/** Whether the learner was shown a question id in earlier attempts of the exam. */
export interface ShownSet {
  has(id: string): boolean;
}

/** How often the learner has been shown each question id in earlier attempts (absent: never). */
export type SeenCounts = ReadonlyMap<string, number>;

/**
 * How often each question id was shown, from the learner object's list (one id per line, once per
 * attempt that showed it): what a draw needs once a domain has run out of unseen questions.
 */
export function shownCounts(lines: string): Map<string, number> {
  const counts = new Map<string, number>();
  if (lines === '') return counts;
  for (const id of lines.split('\n')) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

/**
 * `quota` ids of `pool`: the unseen first, chosen at random; when too few are unseen, the least
 * seen of the rest, at random among equally seen ones — or undefined when `counts` are not known.
 * A partial Fisher–Yates shuffle that stops once `quota` unseen ids are drawn: about `quota` steps,
 * not one per id of the pool (a domain of a 10,000-question bank holds thousands).
 */
function leastSeen(
  pool: readonly string[],
  quota: number,
  seen: ShownSet,
  counts: SeenCounts | undefined,
  random: Random,
): string[] | undefined {
  const order = pool.slice();
  const unseen: string[] = [];
  const shown: string[] = [];
  for (let i = 0; i < order.length && unseen.length < quota; i++) {
    const j = i + randomInt(random, order.length - i);
    const id = order[j] as string;
    order[j] = order[i] as string;
    order[i] = id;
    (seen.has(id) ? shown : unseen).push(id);
  }
  if (unseen.length >= quota) return unseen;
  if (!counts) return undefined;
  // The whole pool was shuffled: `shown` is every seen id, in random order; a stable sort keeps it
  // random among equals.
  shown.sort((a, b) => (counts.get(a) ?? 0) - (counts.get(b) ?? 0));
  return [...unseen, ...shown.slice(0, quota - unseen.length)];
}

function draw(
  count: number,
  strata: readonly Stratum[],
  random: Random,
  seen: ShownSet,
  counts: SeenCounts | undefined,
): DrawnQuestion[] | undefined {
  const drawn: DrawnQuestion[] = [];
  for (const { id, quota } of allocate(count, strata)) {
    const stratum = strata.find((s) => s.id === id);
    if (!stratum) continue;
    const picked = leastSeen(stratum.pool, quota, seen, counts, random);
    if (!picked) return undefined;
    for (const questionId of picked) drawn.push({ questionId, stratum: id });
  }
  return shuffle(drawn, random);
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
  return draw(count, strata, random, seen, seen) ?? [];
}

/**
 * The same draw from questions `seen` does not hold, knowing only "seen or not" (a Bloom filter
 * from the learner object); undefined when a stratum has too few of them — then the caller draws
 * again with counts (`drawStratified`).
 */
export function drawUnseen(
  count: number,
  strata: readonly Stratum[],
  random: Random,
  seen: ShownSet,
): DrawnQuestion[] | undefined {
  return draw(count, strata, random, seen, undefined);
}
