/**
 * A Bloom filter of the question ids shown in a learner's recent attempts of an exam: what the
 * learner object sends the Worker for a start. A draw asks "seen?" of a few dozen candidates, so
 * 2 KiB and four bit probes per question replace a list of up to 1,200 ids turned into a `Set`
 * (0.34 ms of the Worker's CPU per start in workerd's profile). "Not seen" is always right; a false
 * "seen" (≈ 0.4 % at 1,200 ids) only makes one unseen question less likely to be drawn. How often
 * each was seen — needed only once a domain runs out of unseen questions — comes from the exact
 * list (`Learner.seenQuestions`).
 */
export const SEEN_FILTER_BYTES = 2048;
const BITS = SEEN_FILTER_BYTES * 8;
const PROBES = 4;

/** Two 32-bit hashes of an id (FNV-1a, then a murmur3 finalizer of it) for double hashing. */
function hashesOf(id: string): [number, number] {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  let g = h ^ 0x9e3779b9;
  g = Math.imul(g ^ (g >>> 16), 0x85ebca6b);
  g = Math.imul(g ^ (g >>> 13), 0xc2b2ae35);
  return [h >>> 0, (g ^ (g >>> 16)) | 1];
}

/** Sets the id's bits (`add`), or tells whether all of them are set. */
function probe(bits: Uint8Array, id: string, add: boolean): boolean {
  const [h1, h2] = hashesOf(id);
  for (let k = 0; k < PROBES; k++) {
    const bit = (h1 + Math.imul(k, h2)) & (BITS - 1);
    const mask = 1 << (bit & 7);
    const byte = bits[bit >>> 3] ?? 0;
    if (add) bits[bit >>> 3] = byte | mask;
    else if ((byte & mask) === 0) return false;
  }
  return true;
}

/** The filter of `ids` (the learner object builds it from its stored forms). */
export function buildSeenFilter(ids: Iterable<string>): Uint8Array {
  const bits = new Uint8Array(SEEN_FILTER_BYTES);
  for (const id of ids) probe(bits, id, true);
  return bits;
}

/** "Was this id shown?" against a filter from the learner object. */
export class SeenFilter {
  readonly #bits: Uint8Array;

  constructor(bits: Uint8Array) {
    if (bits.length !== SEEN_FILTER_BYTES) throw new Error(`A seen filter has ${SEEN_FILTER_BYTES} bytes.`);
    this.#bits = bits;
  }

  has(id: string): boolean {
    return probe(this.#bits, id, false);
  }
}
