/**
 * The local KV namespace that `wrangler dev --persist-to DIR` serves, opened through wrangler's
 * platform proxy (the same storage scripts/upload-bundle.ts writes to), kept open for the whole
 * dev session. `publish` writes only values the namespace does not hold yet (every value but the
 * pointer is named by its hash), then switches `bundle/current`: the Worker moves to the new
 * bundle on its next request. Old values are kept (local state; `rm -rf .wrangler/state` resets).
 */
import path from 'node:path';
import type { KVNamespace } from '@cloudflare/workers-types';
import type { PrivateBundle, PublicBundle } from '@examdown/compiler/schema';
import { bundleEntries, KV } from '../../src/kv-layout.ts';
import { listKeys } from '../kv-keys.ts';

export interface LocalKv {
  publish(pub: PublicBundle, priv: PrivateBundle): Promise<{ contentHash: string; written: number }>;
  close(): Promise<void>;
}

export async function openLocalKv(apiDir: string, persistTo: string, binding = 'CONTENT'): Promise<LocalKv> {
  const { getPlatformProxy } = await import('wrangler');
  const proxy = await getPlatformProxy<Record<string, KVNamespace>>({
    configPath: path.join(apiDir, 'wrangler.jsonc'),
    persist: { path: path.join(persistTo, 'v3') },
  });
  const kv = proxy.env[binding];
  if (!kv) throw new Error(`wrangler.jsonc binds no KV namespace as ${binding}`);
  const known = new Set(await listKeys(kv));
  let live = known.has(KV.current) ? ((await kv.get(KV.current)) ?? '').trim() : '';

  return {
    async publish(pub, priv) {
      const { contentHash, entries, pointer } = await bundleEntries(pub, priv);
      const missing = entries.filter((e) => !known.has(e.key));
      for (let i = 0; i < missing.length; i += 256) {
        await Promise.all(missing.slice(i, i + 256).map((e) => kv.put(e.key, e.value)));
      }
      for (const e of missing) known.add(e.key);
      if (live !== contentHash) {
        await kv.put(pointer.key, pointer.value);
        known.add(pointer.key);
        live = contentHash;
      }
      return { contentHash, written: missing.length };
    },
    close: () => proxy.dispose(),
  };
}
