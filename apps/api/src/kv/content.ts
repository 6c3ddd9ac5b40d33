/**
 * The live bundle read from Workers KV: the catalog of one content hash in memory, entities read
 * on demand (questions and keys in bulk reads of up to 100) through the isolate's LRU cache.
 */
import type { KVNamespace } from '@cloudflare/workers-types';
import type { Exam, Guide, GuideSummary, Manifest, QuestionKey } from '@examdown/compiler/schema';
import { BundleError, type ExamIndex, type ServedQuestion } from '../bundle.js';
import type { Content, EntityRef } from '../bundle-store.js';
import { type Catalog, KV } from '../kv-layout.js';
import type { LruCache } from './lru-cache.js';

/** KV's edge cache TTL for immutable values. */
export const IMMUTABLE_CACHE_TTL = 86_400;
/** KV bulk reads take at most 100 keys. */
const BULK_GET_MAX = 100;

export type Kv = Pick<KVNamespace, 'get'>;

/** The catalog of one content hash, indexed: shared by every request of the isolate. */
export interface Snapshot {
  contentHash: string;
  catalog: Catalog;
  manifest: Manifest;
  exams: Map<string, ExamIndex>;
  examList: Exam[];
  guideIndex?: Map<string, GuideSummary>;
  /** Question ids embedded in guides. */
  tryIt: Set<string>;
}

export class KvContent implements Content {
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

  async question(id: string): Promise<ServedQuestion | undefined> {
    return (await this.questions([id])).get(id);
  }

  questions(ids: readonly string[]): Promise<Map<string, ServedQuestion>> {
    return this.#entities(ids, this.#snapshot.catalog.questions, KV.question, 'id');
  }

  keys(ids: readonly string[]): Promise<Map<string, QuestionKey>> {
    return this.#entities(ids, this.#snapshot.catalog.questions, KV.key, 'id');
  }

  isTryIt(id: string): boolean {
    return this.#snapshot.tryIt.has(id);
  }

  entityHash(id: string): string | undefined {
    const { questions } = this.#snapshot.catalog;
    return Object.hasOwn(questions, id) ? questions[id] : undefined;
  }

  questionVersions(refs: readonly EntityRef[]): Promise<Map<string, ServedQuestion>> {
    return this.#versions(refs, KV.question);
  }

  keyVersions(refs: readonly EntityRef[]): Promise<Map<string, QuestionKey>> {
    return this.#versions(refs, KV.key);
  }

  /** Entities of given versions; a version missing in KV throws (uploads never prune them). */
  async #versions<T>(refs: readonly EntityRef[], name: (id: string, hash: string) => string) {
    const names = new Map(refs.map((r) => [r.id, name(r.id, r.hash)]));
    const values = await this.#fetch([...names.values()]);
    const out = new Map<string, T>();
    for (const [id, key] of names) {
      const value = values.get(key) as Record<string, unknown> | undefined;
      if (!value || typeof value !== 'object' || value.id !== id) {
        throw new BundleError(`${key} is corrupt: it is not the question ${id}`);
      }
      out.set(id, value as T);
    }
    return out;
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

export async function readJson(kv: Kv, key: string, cacheTtl: number): Promise<unknown> {
  let text: string | null;
  try {
    text = await kv.get(key, { cacheTtl });
  } catch (err) {
    throw new BundleError(`reading ${key} from KV failed: ${messageOf(err)}`);
  }
  return text === null ? null : parseJson(text, key);
}

export function parseJson(text: string, key: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new BundleError(`${key} is corrupt: not JSON (${preview(text)})`);
  }
}

export const preview = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
export const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));
