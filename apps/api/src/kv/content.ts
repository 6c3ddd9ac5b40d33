/**
 * The live bundle read from Workers KV: the catalog of one content hash in memory, packs read on
 * demand (one KV read each, in parallel) through the isolate's LRU cache, which keeps both the packs
 * (their index decoded, their values as text) and every entity parsed out of them.
 */
import type { KVNamespace } from '@cloudflare/workers-types';
import type { Exam, Guide, GuideSummary, Manifest, QuestionKey } from '@examdown/compiler/schema';
import { BundleError, type ExamIndex, type ServedQuestion } from '../bundle.js';
import type { Content, EntityRef } from '../bundle-store.js';
import { type Catalog, type DecodedPack, decodePack, KV, LEGACY_KV, packValue } from '../kv-layout.js';
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

/** One entity to read: its pack, and (a version) its hash, which may name a value of format 1. */
interface Wanted {
  id: string;
  pack: string;
  hash?: string;
}

type Kind = 'question' | 'guide';

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
    return this.#live(ids, KV.questionPack);
  }

  keys(ids: readonly string[]): Promise<Map<string, QuestionKey>> {
    return this.#live(ids, KV.keyPack);
  }

  isTryIt(id: string): boolean {
    return this.#snapshot.tryIt.has(id);
  }

  /** The hash of the live question's pack: names its public form and its key (an attempt keeps it). */
  entityHash(id: string): string | undefined {
    const { questions, questionPacks } = this.#snapshot.catalog;
    return Object.hasOwn(questions, id) ? questionPacks[questions[id] as number] : undefined;
  }

  questionVersions(refs: readonly EntityRef[]): Promise<Map<string, ServedQuestion>> {
    return this.#read(
      refs.map((r) => ({ id: r.id, pack: KV.questionPack(r.hash), hash: r.hash })),
      'question',
      LEGACY_KV.question,
    );
  }

  keyVersions(refs: readonly EntityRef[]): Promise<Map<string, QuestionKey>> {
    return this.#read(
      refs.map((r) => ({ id: r.id, pack: KV.keyPack(r.hash), hash: r.hash })),
      'question',
      LEGACY_KV.key,
    );
  }

  async guide(slug: string): Promise<Guide | undefined> {
    const { guides, guidePacks } = this.#snapshot.catalog;
    if (!Object.hasOwn(guides, slug)) return undefined;
    const pack = KV.guidePack(guidePacks[guides[slug] as number] as string);
    return (await this.#read<Guide>([{ id: slug, pack }], 'guide')).get(slug);
  }

  async guideSummaries(): Promise<readonly GuideSummary[]> {
    const key = this.#snapshot.catalog.guideList;
    let list = this.#cache.get(key);
    if (list === undefined) {
      const text = (await readTexts(this.#kv, [key])).get(key);
      if (typeof text !== 'string') throw missing(key);
      list = parseJson(text, key);
      this.#cache.set(key, list, text.length);
    }
    if (!Array.isArray(list)) throw new BundleError(`${key} is corrupt: not a list`);
    return list as GuideSummary[];
  }

  async guideIndex(): Promise<ReadonlyMap<string, GuideSummary>> {
    this.#snapshot.guideIndex ??= new Map((await this.guideSummaries()).map((g) => [g.slug, g]));
    return this.#snapshot.guideIndex;
  }

  /** Live questions (or keys) by id: ids the catalog does not know are absent. */
  #live<T>(ids: readonly string[], name: (hash: string) => string): Promise<Map<string, T>> {
    const wanted: Wanted[] = [];
    for (const id of ids) {
      const hash = this.entityHash(id);
      if (hash !== undefined) wanted.push({ id, pack: name(hash) });
    }
    return this.#read(wanted, 'question');
  }

  /**
   * Entities out of their packs: the isolate's cache, else the pack (cached, else KV), else — for
   * a version drawn before packs — its own value of format 1. Missing or corrupt throws.
   */
  async #read<T>(
    wanted: readonly Wanted[],
    kind: Kind,
    legacyName?: (id: string, hash: string) => string,
  ): Promise<Map<string, T>> {
    const out = new Map<string, T>();
    const misses: (Wanted & { name: string })[] = [];
    for (const w of wanted) {
      const name = `${w.pack}#${w.id}`;
      const value = this.#cache.get(name);
      if (value === undefined) misses.push({ ...w, name });
      else out.set(w.id, value as T);
    }
    if (misses.length === 0) return out;
    const packs = await this.#packs([...new Set(misses.map((m) => m.pack))]);
    const legacy = new Map<string, Wanted>();
    for (const m of misses) {
      const pack = packs.get(m.pack);
      if (!pack) {
        if (!legacyName || m.hash === undefined) throw missing(m.pack);
        legacy.set(legacyName(m.id, m.hash), m);
        continue;
      }
      const text = packValue(pack, m.id);
      if (text === undefined) throw new BundleError(`${m.pack} is corrupt: it has no ${kind} ${m.id}`);
      out.set(m.id, this.#entity(text, m.id, kind, m.pack, m.name) as T);
    }
    if (legacy.size > 0) {
      const texts = await readAll(this.#kv, [...legacy.keys()]);
      for (const [key, m] of legacy) {
        const text = texts.get(key);
        // Neither a pack nor a value of format 1: say what this layout expected.
        if (typeof text !== 'string') throw missing(m.pack);
        out.set(m.id, this.#entity(text, m.id, kind, key, key) as T);
      }
    }
    return out;
  }

  /** One entity parsed, checked to be the one asked for, and cached under `name`. */
  #entity(text: string, id: string, kind: Kind, where: string, name: string): unknown {
    const value = parseJson(text, where) as Record<string, unknown> | null;
    if (!value || typeof value !== 'object' || value[kind === 'question' ? 'id' : 'slug'] !== id) {
      throw new BundleError(`${where} is corrupt: it is not the ${kind} ${id}`);
    }
    this.#cache.set(name, value, text.length);
    return value;
  }

  /** Decoded packs by key (the isolate's cache, else KV); a pack missing in KV is absent. */
  async #packs(keys: readonly string[]): Promise<Map<string, DecodedPack>> {
    const out = new Map<string, DecodedPack>();
    const fetch: string[] = [];
    for (const key of keys) {
      const pack = this.#cache.get(key) as DecodedPack | undefined;
      if (pack === undefined) fetch.push(key);
      else out.set(key, pack);
    }
    if (fetch.length === 0) return out;
    // One read per pack, in parallel: a bulk read returns its values inside one JSON document,
    // which the isolate would parse whole (every pack's text escaped once more) — for packs of a
    // megabyte that is most of a cold start's CPU.
    const texts = new Map(
      await Promise.all(
        fetch.map(async (key) => [key, (await readTexts(this.#kv, [key])).get(key)] as const),
      ),
    );
    for (const key of fetch) {
      const text = texts.get(key);
      if (typeof text !== 'string') continue;
      const pack = decodePack(text);
      if (!pack) throw new BundleError(`${key} is corrupt: not a pack (${preview(text)})`);
      this.#cache.set(key, pack, text.length);
      out.set(key, pack);
    }
    return out;
  }
}

const missing = (key: string) =>
  new BundleError(`${key} is missing from KV: the upload did not finish (run it again)`);

/** Texts of many keys, in bulk reads of up to 100. */
async function readAll(kv: Kv, keys: readonly string[]): Promise<Map<string, string | null>> {
  const chunks: string[][] = [];
  for (let i = 0; i < keys.length; i += BULK_GET_MAX) chunks.push(keys.slice(i, i + BULK_GET_MAX));
  const maps = await Promise.all(chunks.map((chunk) => readTexts(kv, chunk)));
  return new Map(maps.flatMap((m) => [...m]));
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
