/** The Worker's in-isolate cache of parsed KV values (kv/content.ts). */
/** Least-recently-used cache of parsed values, bounded by the size of their JSON. */
export class LruCache {
  readonly #entries = new Map<string, { value: unknown; size: number }>();
  readonly #budget: number;
  #bytes = 0;

  constructor(budget: number) {
    this.#budget = budget;
  }

  get(key: string): unknown {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    // Recency only matters once eviction is near: until then a hit is one Map lookup.
    if (this.#bytes > this.#budget * 0.75) {
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
    return entry.value;
  }

  set(key: string, value: unknown, size: number): void {
    if (size > this.#budget) return;
    const old = this.#entries.get(key);
    if (old) {
      this.#bytes -= old.size;
      this.#entries.delete(key);
    }
    this.#entries.set(key, { value, size });
    this.#bytes += size;
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.#budget) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.size;
    }
  }
}
