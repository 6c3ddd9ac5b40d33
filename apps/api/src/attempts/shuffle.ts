import { type Random, randomInt } from './prng.js';

/** Fisher–Yates: a uniformly random permutation (new array; the input is left alone). */
export function shuffle<T>(items: readonly T[], random: Random): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** A uniformly random k-subset, in random order (partial Fisher–Yates). */
export function sample<T>(items: readonly T[], k: number, random: Random): T[] {
  const out = items.slice();
  const n = Math.min(k, out.length);
  for (let i = 0; i < n; i++) {
    const j = i + randomInt(random, out.length - i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out.slice(0, n);
}
