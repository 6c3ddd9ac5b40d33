/**
 * Near-duplicate detection for question banks: word shingles → MinHash signatures → LSH bands
 * give candidate pairs in linear time; the exact Jaccard similarity of the shingle sets decides.
 * Deterministic (fixed seeds), so diagnostics are the same on every run and in every thread.
 */

/** Lower-case words (letters and digits), punctuation and markup gone. */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** Word k-shingles as 32-bit hashes (a text shorter than k words is one shingle). */
export function shingles(text: string, k = 3): Set<number> {
  const w = words(text);
  const out = new Set<number>();
  if (w.length === 0) return out;
  if (w.length < k) {
    out.add(fnv1a(w.join(' ')));
    return out;
  }
  for (let i = 0; i + k <= w.length; i++) out.add(fnv1a(w.slice(i, i + k).join(' ')));
  return out;
}

export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** 32-bit mix (murmur3 finalizer) of a value with a seed: one of the MinHash hash functions. */
function mix(value: number, seed: number): number {
  let h = (value ^ seed) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * MinHash signature by one-permutation hashing: each value is hashed once, falls into one of
 * `size` bins and keeps the bin's minimum — one hash per shingle instead of `size`. Empty bins
 * (short texts) borrow the next filled bin's value (rotation densification), so two equal sets
 * always get equal signatures.
 */
export function signature(set: ReadonlySet<number>, size = 60): Uint32Array {
  const sig = new Uint32Array(size).fill(0xffffffff);
  for (const value of set) {
    const h = mix(value, 0x9e3779b9);
    const bin = h % size;
    const v = mix(h, 0x7f4a7c15);
    if (v < (sig[bin] as number)) sig[bin] = v;
  }
  if (set.size > 0) {
    for (let i = 0; i < size; i++) {
      if (sig[i] !== 0xffffffff) continue;
      let j = (i + 1) % size;
      let hops = 1;
      while (sig[j] === 0xffffffff && hops < size) {
        j = (j + 1) % size;
        hops++;
      }
      // Mixed with the distance, so borrowed values do not make unrelated bins agree.
      sig[i] = mix(sig[j] as number, hops);
    }
  }
  return sig;
}

export function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const v of small) if (large.has(v)) inter++;
  return inter / (a.size + b.size - inter);
}

/** Buckets with more texts than this are skipped (see nearDuplicates). */
export const MAX_BUCKET = 8;

export interface NearPair {
  /** Indexes into the input, a < b. */
  a: number;
  b: number;
  similarity: number;
}

/**
 * Pairs of texts whose shingle sets have Jaccard similarity ≥ threshold. LSH with `bands` bands
 * of `rows` rows: pairs at 0.7 similarity are found with probability 1 − (1 − 0.7³)²⁰ > 0.999.
 * `stats.comparisons` counts the pairs compared: at most bands × n × (MAX_BUCKET − 1) / 2, linear.
 */
export function nearDuplicates(
  texts: readonly string[],
  threshold = 0.7,
  bands = 20,
  rows = 3,
  stats: { comparisons: number } = { comparisons: 0 },
): NearPair[] {
  const sets: Set<number>[] = [];
  const sigs: Uint32Array[] = [];
  for (const text of texts) {
    const known = memo(text, bands * rows);
    sets.push(known.set);
    sigs.push(known.sig);
  }
  const seen = new Set<number>();
  const pairs: NearPair[] = [];
  for (let band = 0; band < bands; band++) {
    const buckets = new Map<number, number[]>();
    sigs.forEach((sig, i) => {
      if ((sets[i] as Set<number>).size === 0) return;
      const key = bandKey(sig, band * rows, rows);
      const bucket = buckets.get(key);
      if (bucket) bucket.push(i);
      else buckets.set(key, [i]);
    });
    for (const bucket of buckets.values()) {
      // A crowded bucket is boilerplate (templated stems share whole bands), not a duplicate
      // family: comparing all its pairs would make the rule quadratic. True duplicates agree on
      // most of the 20 bands, so they still meet in a small bucket of another band.
      if (bucket.length < 2 || bucket.length > MAX_BUCKET) continue;
      for (let x = 0; x < bucket.length; x++) {
        for (let y = x + 1; y < bucket.length; y++) {
          const a = bucket[x] as number;
          const b = bucket[y] as number;
          const id = a * texts.length + b;
          if (seen.has(id)) continue;
          seen.add(id);
          stats.comparisons++;
          const similarity = jaccard(sets[a] as Set<number>, sets[b] as Set<number>);
          if (similarity >= threshold) pairs.push({ a, b, similarity });
        }
      }
    }
  }
  return pairs.sort((p, q) => p.a - q.a || p.b - q.b);
}

/**
 * A band's rows as one number (53 bits: two independent 32-bit mixes of the rows, one cut to 21
 * bits), a cheap Map key where joining the rows into a string cost most of a rebuild's link
 * phase. Two different bands share a key with probability ~2⁻⁵³: at worst an extra candidate,
 * which the exact Jaccard check then rejects.
 */
function bandKey(sig: Uint32Array, from: number, rows: number): number {
  let high = 0x2545f491;
  let low = 0x6a09e667;
  for (let r = 0; r < rows; r++) {
    const value = sig[from + r] as number;
    high = mix(high ^ value, 0x9e3779b9);
    low = mix(low ^ value, 0x85ebca6b);
  }
  return high * 0x200000 + (low >>> 11);
}

/**
 * Shingles and signatures by text, kept across builds of one process (watch mode, the dev
 * server, the language server): a rebuild recomputes only the questions whose text changed.
 */
const MEMO = new Map<string, { set: Set<number>; sig: Uint32Array }>();
const MEMO_MAX = 50_000;

function memo(text: string, size: number): { set: Set<number>; sig: Uint32Array } {
  const key = `${size}\u0000${text}`;
  let entry = MEMO.get(key);
  if (!entry) {
    if (MEMO.size >= MEMO_MAX) MEMO.clear();
    const set = shingles(text);
    entry = { set, sig: signature(set, size) };
    MEMO.set(key, entry);
  }
  return entry;
}
