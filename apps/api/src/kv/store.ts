/**
 * The bundle in Workers KV (layout in kv-layout.ts, written by scripts/upload-bundle.ts), so the
 * Worker script stays small whatever the size of the bank. Per isolate it keeps the catalog of
 * the live content hash and an LRU of entities; the pointer `bundle/current` is re-read at most
 * every `pointerTtlMs`, so a new upload goes live without a deploy.
 */
import { BundleError, checkSchemaVersion, indexExams } from '../bundle.js';
import type { BundleStore } from '../bundle-store.js';
import { CATALOG_FORMAT, Catalog, KV, LEGACY_KV } from '../kv-layout.js';
import {
  IMMUTABLE_CACHE_TTL,
  type Kv,
  KvContent,
  messageOf,
  preview,
  readJson,
  type Snapshot,
} from './content.js';
import { LruCache } from './lru-cache.js';

export interface KvBundleStoreOptions {
  /** The env binding of the KV namespace. Default `CONTENT`. */
  binding?: string;
  /** How long a checked `bundle/current` is trusted before it is read again. Default 30 s. */
  pointerTtlMs?: number;
  /** Budget of the entity cache, in bytes of JSON. Default 24 MiB (isolates have 128 MB). */
  cacheBytes?: number;
}

/** KV's edge cache TTL for the pointer (KV's minimum is 30 s). */
const POINTER_CACHE_TTL = 30;

export function kvBundleStore(options: KvBundleStoreOptions = {}): BundleStore {
  const binding = options.binding ?? 'CONTENT';
  const pointerTtlMs = options.pointerTtlMs ?? 30_000;
  const cache = new LruCache(options.cacheBytes ?? 24 * 1024 * 1024);
  let snapshot: Snapshot | undefined;
  let checkedAt = 0;
  let loading: { hash: string; promise: Promise<Snapshot> } | undefined;

  const load = (kv: Kv, hash: string): Promise<Snapshot> => {
    if (loading?.hash !== hash) {
      const promise = loadSnapshot(kv, hash);
      loading = { hash, promise };
      promise.then(
        () => {
          if (loading?.promise === promise) loading = undefined;
        },
        () => {
          if (loading?.promise === promise) loading = undefined;
        },
      );
    }
    return loading.promise;
  };

  return {
    async open(env) {
      const kv = (env as unknown as Record<string, unknown>)[binding] as Kv | undefined;
      if (!kv || typeof kv.get !== 'function') {
        throw new BundleError(`no KV namespace is bound as ${binding} (wrangler.jsonc kv_namespaces)`);
      }
      const now = Date.now();
      if (!snapshot || now - checkedAt >= ttlOf(env, pointerTtlMs)) {
        let pointer: string | null;
        try {
          pointer = await kv.get(KV.current, { cacheTtl: POINTER_CACHE_TTL });
        } catch (err) {
          // KV unreachable: keep serving the bundle we have, if any.
          if (snapshot) return new KvContent(snapshot, kv, cache);
          throw new BundleError(`reading ${KV.current} from KV failed: ${messageOf(err)}`);
        }
        if (pointer === null) {
          snapshot = undefined;
          throw new BundleError(
            `no bundle in KV: ${KV.current} is missing (upload it: npm run upload -w @examdown/api)`,
          );
        }
        const hash = pointer.trim();
        if (!/^[a-f0-9]{64}$/.test(hash)) {
          snapshot = undefined;
          throw new BundleError(`${KV.current} is corrupt: expected a content hash, got ${preview(pointer)}`);
        }
        if (snapshot?.contentHash !== hash) snapshot = await load(kv, hash);
        checkedAt = now;
      }
      return new KvContent(snapshot, kv, cache);
    },
  };
}

async function loadSnapshot(kv: Kv, hash: string): Promise<Snapshot> {
  const key = KV.catalog(hash);
  const value = await readJson(kv, key, IMMUTABLE_CACHE_TTL);
  if (value === null) await refuseLegacy(kv, hash);
  const catalog = parseCatalog(value, hash, key);
  const has = (id: string) => Object.hasOwn(catalog.questions, id);
  const tryIt = new Set(catalog.tryIt);
  return {
    contentHash: hash,
    catalog,
    manifest: catalog.manifest,
    tryIt,
    exams: indexExams(catalog.exams, catalog.manifest, has, tryIt),
    examList: catalog.exams,
  };
}

/**
 * A bundle uploaded by an older upload script (catalog format 1: one value per question, key and
 * guide) is not read: say so, and how to fix it, rather than "missing".
 */
async function refuseLegacy(kv: Kv, hash: string): Promise<void> {
  const key = LEGACY_KV.catalog(hash);
  let legacy: string | null;
  try {
    legacy = await kv.get(key, { cacheTtl: IMMUTABLE_CACHE_TTL });
  } catch {
    return;
  }
  if (legacy === null) return;
  throw new BundleError(
    `${key} is of an older layout (catalog format 1, one KV value per question), this Worker reads ` +
      `format ${CATALOG_FORMAT} (packs): upload the bundle again (npm run upload -w @examdown/api, or npm run deploy)`,
  );
}

/** The catalog of `hash`, or a BundleError saying what is wrong with it. */
function parseCatalog(value: unknown, hash: string, key: string): Catalog {
  const corrupt = (why: string): never => {
    throw new BundleError(`${key} is corrupt: ${why}`);
  };
  if (value === null) corrupt('missing (the upload did not finish: run it again)');
  const parsed = Catalog.safeParse(value);
  if (!parsed.success) {
    // A bundle of another schema version is laid out differently: say that, not what it lacks.
    const version = (value as { manifest?: { schemaVersion?: unknown } }).manifest?.schemaVersion;
    if (version !== undefined) checkSchemaVersion(version);
    const issue = parsed.error.issues[0];
    const [part, exam, ...path] = issue?.path ?? [];
    if (part === 'manifest') corrupt('no manifest');
    if (part === 'exams' && typeof exam === 'number')
      corrupt(`exam ${exam}: ${path.join('.')} ${issue?.message}`);
    corrupt(issue?.message ?? 'invalid');
  }
  const catalog = parsed.data as Catalog;
  if (catalog.manifest.contentHash !== hash) corrupt('its manifest is of another build');
  if (catalog.keysContentHash !== hash) corrupt('its grading keys are of another build');
  return catalog;
}

/**
 * The pointer TTL: `npm run dev` sets the var CONTENT_POINTER_TTL_MS=0 (live preview), so a
 * published change is seen on the next request; otherwise the store's option.
 */
function ttlOf(env: unknown, fallback: number): number {
  const value = (env as { CONTENT_POINTER_TTL_MS?: unknown }).CONTENT_POINTER_TTL_MS;
  const ms = typeof value === 'string' && value !== '' ? Number(value) : Number.NaN;
  return Number.isFinite(ms) && ms >= 0 ? ms : fallback;
}
