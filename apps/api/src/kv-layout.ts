/**
 * How a compiled bundle is laid out in Workers KV (the `CONTENT` namespace). Shared by the Worker
 * (bundle-store.ts reads it), the upload script (scripts/upload-bundle.ts writes it) and the test
 * set-up (which seeds the test KV with the real bundle). Pure: no relative value imports, so Node
 * runs it directly (type stripping) from the upload script.
 *
 *   bundle/current                     the content hash of the live bundle (the only mutable key)
 *   bundle/catalog-v2/<contentHash>    Catalog: manifest, exams, the packs, id → pack of every
 *                                      question and guide, the guide list's key
 *   public/guides/<hash>               GuideSummary[] (the guide list)
 *   public/guide-pack/<hash>           a pack of guides (Guide)
 *   public/question-pack/<hash>        a pack of questions (PublicQuestion: no key, no `source`)
 *   private/key-pack/<hash>            the grading keys (QuestionKey) of the same questions, under
 *                                      the same hash; nothing ever serves this prefix
 *
 * Packs keep the number of values small (Workers Free allows 1,000 KV writes a day): a question's
 * pack is a stable function of its exam and id (`questionBucket`), with as many buckets per exam
 * as keep a pack near PACK_BYTES, so editing one question rewrites one question pack, one key pack,
 * the catalog and the pointer. A pack is `<index>\n<value><value>…` (`encodePack`): the reader
 * parses the small index, then only the values it needs (`packValue`), so a large pack costs a
 * cold isolate a string, not a parse of every entity in it.
 *
 * Every key but `bundle/current` is immutable: its name carries the hash of its value (a pack
 * hash for packs, the content hash for the catalog). So a reader never sees a mix of versions
 * (KV caches values at the edge for up to a minute; an immutable value cannot be stale), an upload
 * only writes what changed, and the Worker's in-isolate cache never needs invalidating: a changed
 * pack has a new name. An attempt stores the pack hash of every question it drew (`versionOf`),
 * which names both halves of that version for as long as the packs are kept (uploads never prune
 * question and key packs).
 */
// Before the compiler's schemas, as in app.ts: the test set-up loads this module first.
import '@hono/zod-openapi';
import {
  Exam,
  type Guide,
  GuideSummary,
  Manifest,
  type PrivateBundle,
  type PublicBundle,
  type PublicQuestion,
  type QuestionKey,
} from '@examdown/compiler/schema';
import { z } from 'zod';

/** 2: packs (one value per pack of questions, keys or guides); 1: one value per entity. */
export const CATALOG_FORMAT = 2;

/** Target size of a question pack (its public or its key value, whichever is larger). */
export const PACK_BYTES = 1024 * 1024;
/** Target size of a guide pack: a guide is read alone, so larger packs cost only bytes moved. */
export const GUIDE_PACK_BYTES = 2 * 1024 * 1024;
/** KV's limit on one value. */
export const MAX_VALUE_BYTES = 25 * 1024 * 1024;

/** Key names. Everything the grading key lives under starts with PRIVATE_PREFIX. */
export const KV = {
  current: 'bundle/current',
  catalog: (contentHash: string) => `bundle/catalog-v2/${contentHash}`,
  guideList: (hash: string) => `public/guides/${hash}`,
  guidePack: (hash: string) => `public/guide-pack/${hash}`,
  questionPack: (hash: string) => `public/question-pack/${hash}`,
  keyPack: (hash: string) => `${PRIVATE_PREFIX}key-pack/${hash}`,
} as const;

export const PRIVATE_PREFIX = 'private/';

/**
 * Format 1 (one value per entity), before packs: its catalog is only read to refuse it with a
 * clear message, and its question versions to rebuild reports of attempts drawn from it.
 */
export const LEGACY_KV = {
  catalog: (contentHash: string) => `bundle/catalog/${contentHash}`,
  question: (id: string, hash: string) => `public/question/${id}/${hash}`,
  key: (id: string, hash: string) => `${PRIVATE_PREFIX}key/${id}/${hash}`,
} as const;

/** Values that stored attempts refer to by hash: uploads never prune them. */
export const VERSION_PREFIXES = [
  'public/question-pack/',
  `${PRIVATE_PREFIX}key-pack/`,
  'public/question/',
  `${PRIVATE_PREFIX}key/`,
] as const;

const isRecord = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** An id → pack index, checked shallowly: a z.record over 10,000 ids costs tens of ms of a cold start. */
const index = <T>(error: string) => z.custom<Record<string, T>>(isRecord, { error });

/** The catalog, checked by the Worker when it switches to a content hash (kv/store.ts). */
export const Catalog = z.object(
  {
    format: z.literal(CATALOG_FORMAT, {
      error: (issue) => `format ${String(issue.input)} is not ${CATALOG_FORMAT}`,
    }),
    manifest: Manifest.extend({ questionsByExam: index<Record<string, string[]>>('no manifest') }),
    /** The private bundle's content hash (must equal the manifest's: same build). */
    keysContentHash: z.string({ error: 'its grading keys are of another build' }),
    /** Hashes of the question packs: each names `public/question-pack/<h>` and `private/key-pack/<h>`. */
    questionPacks: z.array(z.string(), { error: 'no question packs' }),
    /** Question id → its pack (an index into questionPacks). */
    questions: index<number>('no questions index'),
    /** Hashes of the guide packs (`public/guide-pack/<h>`). */
    guidePacks: z.array(z.string(), { error: 'no guide packs' }),
    /** Guide slug → its pack (an index into guidePacks). */
    guides: index<number>('no guides index'),
    /** KV key of the guide list. */
    guideList: z.string({ error: 'no guide list' }),
    exams: z.array(Exam, { error: 'no exam list' }),
    /** Question ids embedded in guides (try-it), sorted. */
    tryIt: z.array(z.string()),
  },
  { error: 'not an object' },
);
export type Catalog = z.infer<typeof Catalog>;

export interface KvEntry {
  key: string;
  value: string;
}

export interface BundleEntries {
  contentHash: string;
  catalog: Catalog;
  /** Every immutable value: packs, the guide list, the catalog (written first, in any order). */
  entries: KvEntry[];
  /** `bundle/current` → the content hash: written last, it switches readers to this bundle. */
  pointer: KvEntry;
}

const SUMMARY_FIELDS = Object.keys(GuideSummary.shape) as (keyof GuideSummary)[];

/** A guide's entry in the guide list: the fields GuideSummary declares, in its order. */
export function summarizeGuide(g: Guide): GuideSummary {
  return Object.fromEntries(SUMMARY_FIELDS.map((field) => [field, g[field]])) as GuideSummary;
}

const encoder = new TextEncoder();

/** First 12 hex digits of sha256: names a value; only collisions among one kind's values would matter. */
export async function valueHash(...parts: string[]): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(parts.join('\u0000')));
  let hex = '';
  for (const byte of new Uint8Array(digest).subarray(0, 6)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** A pack: `{"ids":[…],"ends":[…]}\n` then the values' JSON back to back (value i ends at ends[i]). */
export function encodePack(values: readonly (readonly [id: string, json: string])[]): string {
  const ids: string[] = [];
  const ends: number[] = [];
  let end = 0;
  for (const [id, json] of values) {
    ids.push(id);
    end += json.length;
    ends.push(end);
  }
  return `${JSON.stringify({ ids, ends })}\n${values.map(([, json]) => json).join('')}`;
}

/** A pack as the reader keeps it: the index decoded, the values still text. */
export interface DecodedPack {
  /** Id → [start, end) in `text`. */
  spans: Map<string, readonly [number, number]>;
  text: string;
}

/** The index of a pack, or undefined when `text` is not one. Values are not parsed. */
export function decodePack(text: string): DecodedPack | undefined {
  const newline = text.indexOf('\n');
  if (newline < 0) return undefined;
  let head: { ids?: unknown; ends?: unknown };
  try {
    head = JSON.parse(text.slice(0, newline)) as typeof head;
  } catch {
    return undefined;
  }
  const { ids, ends } = head ?? {};
  if (!Array.isArray(ids) || !Array.isArray(ends) || ids.length !== ends.length) return undefined;
  const spans = new Map<string, readonly [number, number]>();
  let start = newline + 1;
  for (let i = 0; i < ids.length; i++) {
    const end = newline + 1 + Number(ends[i]);
    if (typeof ids[i] !== 'string' || !(end >= start && end <= text.length)) return undefined;
    spans.set(ids[i] as string, [start, end]);
    start = end;
  }
  return { spans, text };
}

/** The JSON text of one value of a decoded pack. */
export function packValue(pack: DecodedPack, id: string): string | undefined {
  const span = pack.spans.get(id);
  return span && pack.text.slice(span[0], span[1]);
}

/** 32-bit FNV-1a over UTF-16 code units: the same bucket on every machine and runtime. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** How many packs hold `bytes` of values at about `target` each. */
export const bucketCount = (bytes: number, target: number) => Math.max(1, Math.ceil(bytes / target));

/** The bucket of an id among `count`: stable as long as the count is (it follows the bank's size). */
export const bucketOf = (id: string, count: number) => fnv1a(id) % count;

/**
 * Splits items into packs: by `group` (a question's exam, so an exam's attempts read only its own
 * packs), then by a hash of the id into as many buckets as keep the group's packs near `target`
 * bytes (`size`: the bytes an item adds to its largest pack). Packs and their items are sorted.
 */
export function packItems<T>(
  items: readonly T[],
  id: (item: T) => string,
  group: (item: T) => string,
  size: (item: T) => number,
  target: number,
): T[][] {
  const groups = new Map<string, { items: T[]; bytes: number }>();
  for (const item of items) {
    const name = group(item);
    const g = groups.get(name) ?? { items: [], bytes: 0 };
    groups.set(name, g);
    g.items.push(item);
    g.bytes += size(item);
  }
  const packs: T[][] = [];
  for (const name of [...groups.keys()].sort()) {
    const g = groups.get(name) as { items: T[]; bytes: number };
    const count = bucketCount(g.bytes, target);
    const buckets: T[][] = Array.from({ length: count }, () => []);
    for (const item of g.items) buckets[bucketOf(id(item), count)]?.push(item);
    for (const bucket of buckets) {
      if (bucket.length > 0) packs.push(bucket.sort((a, b) => compare(id(a), id(b))));
    }
  }
  return packs;
}

/** The KV entries of a compiled bundle (public + private trees as the compiler writes them). */
export async function bundleEntries(pub: PublicBundle, priv: PrivateBundle): Promise<BundleEntries> {
  const { manifest } = pub;
  const contentHash = manifest.contentHash;
  if (priv.contentHash !== contentHash) {
    throw new Error('public and private bundle come from different builds (content hashes differ)');
  }
  const keys = new Map<string, QuestionKey>(priv.keys.map((k) => [k.id, k]));
  const entries: KvEntry[] = [];
  const add = (key: string, value: string) => {
    if (value.length * 3 > MAX_VALUE_BYTES && encoder.encode(value).length > MAX_VALUE_BYTES) {
      throw new Error(`${key} is over KV's 25 MiB limit for one value`);
    }
    entries.push({ key, value });
  };

  // Served without its authoring metadata (`source`: file and line).
  const served = pub.questions.map((q: PublicQuestion) => {
    const key = keys.get(q.id);
    if (!key) throw new Error(`question ${q.id} has no key in the private bundle`);
    const { source: _source, ...rest } = q;
    return { id: q.id, exam: q.exam, json: JSON.stringify(rest), key: JSON.stringify(key) };
  });
  const qPacks = packItems(
    served,
    (q) => q.id,
    (q) => q.exam,
    (q) => Math.max(q.json.length, q.key.length),
    PACK_BYTES,
  );
  const questionPacks = await Promise.all(
    qPacks.map(async (pack) => {
      const publicValue = encodePack(pack.map((q) => [q.id, q.json]));
      const keyValue = encodePack(pack.map((q) => [q.id, q.key]));
      const hash = await valueHash(publicValue, keyValue);
      add(KV.questionPack(hash), publicValue);
      add(KV.keyPack(hash), keyValue);
      return hash;
    }),
  );

  const guideJson = pub.guides.map((g) => ({ slug: g.slug, json: JSON.stringify(g) }));
  const gPacks = packItems(
    guideJson,
    (g) => g.slug,
    () => '',
    (g) => g.json.length,
    GUIDE_PACK_BYTES,
  );
  const guidePacks = await Promise.all(
    gPacks.map(async (pack) => {
      const value = encodePack(pack.map((g) => [g.slug, g.json]));
      const hash = await valueHash(value);
      add(KV.guidePack(hash), value);
      return hash;
    }),
  );
  const guideListValue = JSON.stringify(pub.guides.map(summarizeGuide));
  const guideList = KV.guideList(await valueHash(guideListValue));
  add(guideList, guideListValue);

  const catalog: Catalog = {
    format: CATALOG_FORMAT,
    manifest,
    exams: pub.exams,
    keysContentHash: priv.contentHash,
    questionPacks,
    questions: packIndex(qPacks, (q) => q.id),
    guidePacks,
    guides: packIndex(gPacks, (g) => g.slug),
    guideList,
    tryIt: [...new Set(pub.guides.flatMap((g) => g.questionIds))].sort(),
  };
  add(KV.catalog(contentHash), JSON.stringify(catalog));
  entries.sort((a, b) => compare(a.key, b.key));
  return { contentHash, catalog, entries, pointer: { key: KV.current, value: contentHash } };
}

/** Every key a catalog refers to (the catalog itself included): what a reader of it may fetch. */
export function catalogKeys(catalog: Catalog): string[] {
  return [
    KV.catalog(catalog.manifest.contentHash),
    catalog.guideList,
    ...catalog.guidePacks.map(KV.guidePack),
    ...catalog.questionPacks.flatMap((hash) => [KV.questionPack(hash), KV.keyPack(hash)]),
  ];
}

/** A value that stored attempts may refer to: never pruned. */
export const isVersionKey = (key: string) => VERSION_PREFIXES.some((prefix) => key.startsWith(prefix));

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Id → the index of its pack, sorted by id. */
function packIndex<T>(packs: readonly T[][], id: (item: T) => string): Record<string, number> {
  const out = packs.flatMap((pack, i) => pack.map((item) => [id(item), i] as const));
  return Object.fromEntries(out.sort(([a], [b]) => compare(a, b)));
}
