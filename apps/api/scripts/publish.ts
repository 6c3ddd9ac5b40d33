/**
 * Publishing a bundle's KV entries (src/kv-layout.ts) to a namespace, whatever reaches it: the
 * upload script (local platform proxy or `wrangler kv --remote`), the dev server's local KV and
 * the tests (a binding). Writes only the immutable values the namespace lacks, then switches
 * `bundle/current`, then — when asked and the live bundle changed — deletes what neither the new
 * nor the previously live bundle refers to, except question and key packs (stored attempts name
 * them: src/kv-layout.ts `isVersionKey`).
 */
import type { KVNamespace } from '@cloudflare/workers-types';
import {
  type BundleEntries,
  type Catalog,
  catalogKeys,
  isVersionKey,
  KV,
  type KvEntry,
} from '../src/kv-layout.ts';

/** A KV namespace as the publisher needs it. */
export interface KvTarget {
  list(): Promise<string[]>;
  get(key: string): Promise<string | null>;
  putMany(values: KvEntry[]): Promise<void>;
  put(key: string, value: string): Promise<void>;
  deleteMany(keys: string[]): Promise<void>;
}

/** A KV binding (a platform proxy's, a test's) as a target: at most 256 operations at once. */
export function bindingTarget(kv: Pick<KVNamespace, 'get' | 'put' | 'delete' | 'list'>): KvTarget {
  const parallel = async <T>(items: T[], each: (item: T) => Promise<unknown>) => {
    for (let i = 0; i < items.length; i += 256) await Promise.all(items.slice(i, i + 256).map(each));
  };
  return {
    async list() {
      const names: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await kv.list(cursor ? { cursor } : {});
        for (const k of page.keys) names.push(k.name);
        cursor = page.list_complete ? undefined : page.cursor;
      } while (cursor);
      return names;
    },
    get: (key) => kv.get(key),
    putMany: (values) => parallel(values, (e) => kv.put(e.key, e.value)),
    put: (key, value) => kv.put(key, value),
    deleteMany: (keys) => parallel(keys, (key) => kv.delete(key)),
  };
}

export interface PublishOptions {
  /** Delete values no live or previous bundle refers to (default false). */
  prune?: boolean;
  /**
   * The keys the namespace holds, when the caller keeps track (the dev server, across publishes):
   * it is read instead of listing, and updated. Default: list the namespace.
   */
  existing?: Set<string>;
}

export interface PublishResult {
  /** The content hash that was live before (undefined: none). */
  previousHash: string | undefined;
  /** Immutable values written. */
  written: KvEntry[];
  /** KV writes in all: the values and, when it changed, the pointer. */
  writes: number;
  pruned: number;
}

export async function publish(
  kv: KvTarget,
  { contentHash, catalog, entries, pointer }: BundleEntries,
  options: PublishOptions = {},
): Promise<PublishResult> {
  // 1. What is there already.
  const existing = options.existing ?? new Set(await kv.list());
  const previousHash = existing.has(KV.current) ? (await kv.get(KV.current))?.trim() : undefined;

  // 2. The missing immutable values.
  const written = entries.filter((e) => !existing.has(e.key));
  if (written.length > 0) await kv.putMany(written);
  for (const e of written) existing.add(e.key);

  // 3. Switch readers to this bundle.
  const switched = previousHash !== contentHash;
  if (switched) {
    await kv.put(pointer.key, pointer.value);
    existing.add(pointer.key);
  }

  // 4. Delete what neither this nor the previous bundle refers to — only when the live bundle
  //    changed, so isolates that have not yet seen the previous switch keep their values.
  let pruned = 0;
  if (options.prune && switched) {
    const keep = new Set([KV.current, ...catalogKeys(catalog)]);
    const previous = previousHash ? await kv.get(KV.catalog(previousHash)) : null;
    if (previous) {
      try {
        for (const key of catalogKeys(JSON.parse(previous) as Catalog)) keep.add(key);
      } catch {
        // A corrupt previous catalog: nothing of it is worth keeping.
      }
    }
    const garbage = [...existing].filter((key) => !keep.has(key) && !isVersionKey(key));
    if (garbage.length > 0) await kv.deleteMany(garbage);
    for (const key of garbage) existing.delete(key);
    pruned = garbage.length;
  }
  return { previousHash, written, writes: written.length + (switched ? 1 : 0), pruned };
}
