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
import { bundleEntries } from '../../src/kv-layout.ts';
import { bindingTarget, publish } from '../publish.ts';

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
  const target = bindingTarget(kv);
  const existing = new Set(await target.list());

  return {
    async publish(pub, priv) {
      const bundle = await bundleEntries(pub, priv);
      const { written } = await publish(target, bundle, { existing });
      return { contentHash: bundle.contentHash, written: written.length };
    },
    close: () => proxy.dispose(),
  };
}
