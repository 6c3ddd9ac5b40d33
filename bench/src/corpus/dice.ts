/**
 * The draws the corpus generator makes, on top of the shared seeded PRNG of
 * `@examdown/compiler/shared` (the one the API and the linter use), so that a seed gives the same
 * corpus on every machine.
 */
import { pick, type Random, randomInt } from '@examdown/compiler/shared';

export { pick, type Random, sample, seededRandom, shuffle } from '@examdown/compiler/shared';

/** A whole number in [min, max], both ends included. */
export function between(min: number, max: number, random: Random): number {
  return min + randomInt(random, max - min + 1);
}

/** True with probability `p`. */
export function chance(p: number, random: Random): boolean {
  return random() < p;
}

/** One element of a list the generator knows is not empty (its word lists). */
export function oneOf<T>(items: readonly T[], random: Random): T {
  if (items.length === 0) throw new Error('oneOf: empty list');
  return pick(items, random) as T;
}
