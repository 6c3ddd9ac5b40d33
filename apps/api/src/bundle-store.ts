/**
 * Where the API reads the compiled bundle from: a `BundleStore` opens the live bundle as a
 * `Content` view for each request.
 *
 * - `kvBundleStore()` — production and `wrangler dev`: the bundle lives in Workers KV (layout in
 *   kv-layout.ts, written by scripts/upload-bundle.ts), so the Worker script stays small whatever
 *   the size of the bank. Per isolate it keeps the catalog of the live content hash (exams, banks,
 *   id → entity hash) and an LRU of entities, so hot paths are Map lookups; a miss is one KV read
 *   (questions and keys in bulk reads of up to 100). The pointer `bundle/current` is re-read at
 *   most every `pointerTtlMs`, so a new upload goes live without a deploy.
 * - `memoryBundleStore(bundle)` — a bundle held in memory (unit-test fixtures).
 *
 * A missing, corrupt or unreadable bundle throws `BundleError`; the app answers 503
 * `bundle_unavailable` with the reason (never a crash, never a stack trace), and recovers by
 * itself once a good bundle is uploaded.
 */
import type { KVNamespace } from '@cloudflare/workers-types';
import type {
  Exam,
  Guide,
  GuideSummary,
  Manifest,
  PublicQuestion,
  QuestionKey,
} from '@examdown/compiler/schema';
import { BUNDLE_SCHEMA_VERSION, Exam as ExamSchema } from '@examdown/compiler/schema';
import { BundleError, type ExamIndex, indexExams, type LoadedBundle } from './bundle.js';
import type { Bindings } from './env.js';
import { CATALOG_FORMAT, type Catalog, KV } from './kv-layout.js';

/** The live bundle as one request sees it. Everything sync is in memory; the rest may read KV. */
export interface Content {
  readonly contentHash: string;
  readonly manifest: Manifest;
  readonly exams: ReadonlyMap<string, ExamIndex>;
  readonly examList: readonly Exam[];
  question(id: string): Promise<PublicQuestion | undefined>;
  /** The questions of `ids` that exist (unknown ids are absent from the map). */
  questions(ids: readonly string[]): Promise<Map<string, PublicQuestion>>;
  /** The grading keys of `ids` that exist. Only grading code calls this. */
  keys(ids: readonly string[]): Promise<Map<string, QuestionKey>>;
  guide(slug: string): Promise<Guide | undefined>;
  guideSummaries(): Promise<readonly GuideSummary[]>;
  /** Slug → summary (titles for study links). */
  guideIndex(): Promise<ReadonlyMap<string, GuideSummary>>;
}

export interface BundleStore {
  /** The live bundle, or a `BundleError` saying why there is none. */
  open(env: Bindings): Promise<Content>;
}

// ---------------------------------------------------------------------------
// In memory
// ---------------------------------------------------------------------------

export function memoryBundleStore(bundle: LoadedBundle): BundleStore {
  const pick = <V>(map: ReadonlyMap<string, V>, ids: readonly string[]) => {
    const out = new Map<string, V>();
    for (const id of ids) {
      const value = map.get(id);
      if (value !== undefined) out.set(id, value);
    }
    return out;
  };
  const guideIndex = new Map(bundle.guideSummaries.map((g) => [g.slug, g]));
  const content: Content = {
    contentHash: bundle.contentHash,
    manifest: bundle.manifest,
    exams: bundle.exams,
    examList: bundle.examList,
    question: async (id) => bundle.questions.get(id),
    questions: async (ids) => pick(bundle.questions, ids),
    keys: async (ids) => pick(bundle.keys, ids),
    guide: async (slug) => bundle.guides.get(slug),
    guideSummaries: async () => bundle.guideSummaries,
    guideIndex: async () => guideIndex,
  };
  return { open: async () => content };
}

// ---------------------------------------------------------------------------
// Workers KV
// ---------------------------------------------------------------------------

export interface KvBundleStoreOptions {
  /** The env binding of the KV namespace. Default `CONTENT`. */
  binding?: string;
  /** How long a checked `bundle/current` is trusted before it is read again. Default 30 s. */
  pointerTtlMs?: number;
  /** Budget of the entity cache, in bytes of JSON. Default 24 MiB (isolates have 128 MB). */
  cacheBytes?: number;
}

/** KV's edge cache TTL for immutable values, and for the pointer (KV's minimum is 30 s). */
const IMMUTABLE_CACHE_TTL = 86_400;
const POINTER_CACHE_TTL = 30;
/** KV bulk reads take at most 100 keys. */
const BULK_GET_MAX = 100;

type Kv = Pick<KVNamespace, 'get'>;

interface Snapshot {
  contentHash: string;
  catalog: Catalog;
  manifest: Manifest;
  exams: Map<string, ExamIndex>;
  examList: Exam[];
  guideIndex?: Map<string, GuideSummary>;
}

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
      if (!snapshot || now - checkedAt >= pointerTtlMs) {
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
  const catalog = checkCatalog(await readJson(kv, key, IMMUTABLE_CACHE_TTL), hash, key);
  const has = (id: string) => Object.hasOwn(catalog.questions, id);
  return {
    contentHash: hash,
    catalog,
    manifest: catalog.manifest,
    exams: indexExams(catalog.exams, catalog.manifest, has),
    examList: catalog.exams,
  };
}

function checkCatalog(value: unknown, hash: string, key: string): Catalog {
  const fail = (why: string): never => {
    throw new BundleError(`${key} is corrupt: ${why}`);
  };
  if (value === null) fail('missing (the upload did not finish: run it again)');
  const c = value as Partial<Catalog>;
  if (typeof c !== 'object' || Array.isArray(c)) fail('not an object');
  if (c.format !== CATALOG_FORMAT) fail(`format ${String(c.format)} is not ${CATALOG_FORMAT}`);
  const m = c.manifest;
  if (!m || typeof m !== 'object' || typeof m.questionsByExam !== 'object' || !m.counts) {
    fail('no manifest');
  }
  const manifest = m as Manifest;
  if (manifest.schemaVersion !== BUNDLE_SCHEMA_VERSION) {
    throw new BundleError(
      `bundle schema version ${String(manifest.schemaVersion)} is not the API's ${BUNDLE_SCHEMA_VERSION}: rebuild and upload the content`,
    );
  }
  if (manifest.contentHash !== hash) fail('its manifest is of another build');
  if (c.keysContentHash !== hash) fail('its grading keys are of another build');
  for (const field of ['questions', 'guides'] as const) {
    const record = c[field];
    if (!record || typeof record !== 'object' || Array.isArray(record)) fail(`no ${field} index`);
  }
  if (typeof c.guideList !== 'string') fail('no guide list');
  if (!Array.isArray(c.exams)) fail('no exam list');
  for (const [i, exam] of (c.exams as unknown[]).entries()) {
    const parsed = ExamSchema.safeParse(exam);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      fail(`exam ${i}: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'invalid'}`);
    }
  }
  return c as Catalog;
}

class KvContent implements Content {
  readonly contentHash: string;
  readonly manifest: Manifest;
  readonly exams: ReadonlyMap<string, ExamIndex>;
  readonly examList: readonly Exam[];
  readonly #snapshot: Snapshot;
  readonly #kv: Kv;
  readonly #cache: LruCache;

  constructor(snapshot: Snapshot, kv: Kv, cache: LruCache) {
    this.contentHash = snapshot.contentHash;
    this.manifest = snapshot.manifest;
    this.exams = snapshot.exams;
    this.examList = snapshot.examList;
    this.#snapshot = snapshot;
    this.#kv = kv;
    this.#cache = cache;
  }

  async question(id: string): Promise<PublicQuestion | undefined> {
    return (await this.questions([id])).get(id);
  }

  questions(ids: readonly string[]): Promise<Map<string, PublicQuestion>> {
    return this.#entities(ids, this.#snapshot.catalog.questions, KV.question, 'id');
  }

  keys(ids: readonly string[]): Promise<Map<string, QuestionKey>> {
    return this.#entities(ids, this.#snapshot.catalog.questions, KV.key, 'id');
  }

  async guide(slug: string): Promise<Guide | undefined> {
    return (await this.#entities<Guide>([slug], this.#snapshot.catalog.guides, KV.guide, 'slug')).get(slug);
  }

  async guideSummaries(): Promise<readonly GuideSummary[]> {
    const key = this.#snapshot.catalog.guideList;
    const values = await this.#fetch([key]);
    const list = values.get(key);
    if (!Array.isArray(list)) throw new BundleError(`${key} is corrupt: not a list`);
    return list as GuideSummary[];
  }

  async guideIndex(): Promise<ReadonlyMap<string, GuideSummary>> {
    this.#snapshot.guideIndex ??= new Map((await this.guideSummaries()).map((g) => [g.slug, g]));
    return this.#snapshot.guideIndex;
  }

  /** Entities by id: ids the catalog does not know are absent; a known one missing in KV throws. */
  async #entities<T>(
    ids: readonly string[],
    index: Record<string, string>,
    name: (id: string, hash: string) => string,
    idField: 'id' | 'slug',
  ): Promise<Map<string, T>> {
    const names = new Map<string, string>();
    for (const id of ids) {
      if (Object.hasOwn(index, id)) names.set(id, name(id, index[id] as string));
    }
    const values = await this.#fetch([...names.values()]);
    const out = new Map<string, T>();
    for (const [id, key] of names) {
      const value = values.get(key) as Record<string, unknown> | undefined;
      if (!value || typeof value !== 'object' || value[idField] !== id) {
        throw new BundleError(
          `${key} is corrupt: it is not the ${idField === 'id' ? 'question' : 'guide'} ${id}`,
        );
      }
      out.set(id, value as T);
    }
    return out;
  }

  /** Parsed values of immutable keys: the isolate's cache, else KV (bulk reads). */
  async #fetch(keys: readonly string[]): Promise<Map<string, unknown>> {
    const out = new Map<string, unknown>();
    const missing: string[] = [];
    for (const key of keys) {
      const value = this.#cache.get(key);
      if (value === undefined) missing.push(key);
      else out.set(key, value);
    }
    if (missing.length === 0) return out;
    const chunks: string[][] = [];
    for (let i = 0; i < missing.length; i += BULK_GET_MAX) chunks.push(missing.slice(i, i + BULK_GET_MAX));
    await Promise.all(
      chunks.map(async (chunk) => {
        const texts = await readTexts(this.#kv, chunk);
        for (const key of chunk) {
          const text = texts.get(key);
          if (text === null || text === undefined) {
            throw new BundleError(`${key} is missing from KV: the upload did not finish (run it again)`);
          }
          const value = parseJson(text, key);
          this.#cache.set(key, value, text.length);
          out.set(key, value);
        }
      }),
    );
    return out;
  }
}

async function readTexts(kv: Kv, keys: string[]): Promise<Map<string, string | null>> {
  try {
    if (keys.length === 1) {
      const key = keys[0] as string;
      return new Map([[key, await kv.get(key, { cacheTtl: IMMUTABLE_CACHE_TTL })]]);
    }
    return await kv.get(keys, { type: 'text', cacheTtl: IMMUTABLE_CACHE_TTL });
  } catch (err) {
    throw new BundleError(`reading ${keys.length} value(s) from KV failed: ${messageOf(err)}`);
  }
}

async function readJson(kv: Kv, key: string, cacheTtl: number): Promise<unknown> {
  let text: string | null;
  try {
    text = await kv.get(key, { cacheTtl });
  } catch (err) {
    throw new BundleError(`reading ${key} from KV failed: ${messageOf(err)}`);
  }
  return text === null ? null : parseJson(text, key);
}

function parseJson(text: string, key: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new BundleError(`${key} is corrupt: not JSON (${preview(text)})`);
  }
}

const preview = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Least-recently-used cache of parsed values, bounded by the size of their JSON. */
class LruCache {
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
