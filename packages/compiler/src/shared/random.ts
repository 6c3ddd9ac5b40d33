/**
 * A small seeded PRNG (sfc32, seeded through splitmix32): the same seed gives the same stream on
 * every runtime, so an attempt's draw, a lint verdict and the bench corpus are reproducible.
 * Not for secrets: tokens come from crypto.getRandomValues.
 */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let s = seed >>> 0;
  const splitmix = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  return () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
}

/** A fresh 32-bit seed from the platform CSPRNG. */
export function randomSeed(): number {
  const buf = new Uint32Array(1);
  crypto.getRandomValues(buf);
  return buf[0] ?? 0;
}

/** Uniform integer in [0, n). */
export function randomInt(random: Random, n: number): number {
  return Math.floor(random() * n);
}

/** Fisher–Yates: a uniformly random permutation (new array; the input is left alone). */
export function shuffle<T>(items: readonly T[], random: Random): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    // A plain swap: the destructuring form allocates an array per step until V8 optimizes it.
    const item = out[i] as T;
    out[i] = out[j] as T;
    out[j] = item;
  }
  return out;
}

/** A uniformly random k-subset, in random order (partial Fisher–Yates). */
export function sample<T>(items: readonly T[], k: number, random: Random): T[] {
  const out = items.slice();
  const n = Math.min(k, out.length);
  for (let i = 0; i < n; i++) {
    const j = i + randomInt(random, out.length - i);
    const item = out[i] as T;
    out[i] = out[j] as T;
    out[j] = item;
  }
  return out.slice(0, n);
}

/** One element chosen uniformly (undefined for an empty list). */
export function pick<T>(items: readonly T[], random: Random): T | undefined {
  return items[randomInt(random, items.length)];
}
