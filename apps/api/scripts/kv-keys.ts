import type { KVNamespace } from '@cloudflare/workers-types';

/** Every key name of a KV namespace, following `list` cursors (1,000 names a page). */
export async function listKeys(kv: KVNamespace): Promise<string[]> {
  const names: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await kv.list(cursor ? { cursor } : {});
    for (const k of page.keys) names.push(k.name);
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
  return names;
}
