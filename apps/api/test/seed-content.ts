/**
 * Seeds the test KV namespace (CONTENT) with the real compiled bundle, laid out exactly as
 * scripts/upload-bundle.ts writes it, so the real Worker in the tests reads real content.
 * Runs before every test file (setupFiles); the pointer makes repeats cheap.
 */
import { env } from 'cloudflare:workers';
import { bundleEntries, KV } from '../src/kv-layout.js';
import { real } from './helpers.js';

const { manifest, exams, guides, questions, keys } = real;
if ((await env.CONTENT.get(KV.current)) !== manifest.contentHash) {
  const { entries, pointer } = await bundleEntries({ manifest, exams, guides, questions }, keys);
  await Promise.all(entries.map((e) => env.CONTENT.put(e.key, e.value)));
  await env.CONTENT.put(pointer.key, pointer.value);
}
