/**
 * How a compiled bundle is laid out in Workers KV (the `CONTENT` namespace). Shared by the Worker
 * (bundle-store.ts reads it), the upload script (scripts/upload-bundle.ts writes it) and the test
 * set-up (which seeds the test KV with the real bundle). Pure: no relative value imports, so Node
 * runs it directly (type stripping) from the upload script.
 *
 *   bundle/current                    the content hash of the live bundle (the only mutable key)
 *   bundle/catalog/<contentHash>      Catalog: manifest, exams, id → entity hash of every question
 *                                     and guide, the guide list's key
 *   public/guides/<hash>              GuideSummary[] (the guide list)
 *   public/guide/<slug>/<hash>        Guide
 *   public/question/<id>/<hash>       PublicQuestion (no key, no `source`)
 *   private/key/<id>/<hash>           QuestionKey — the grading key; nothing ever serves this prefix
 *
 * Every key but `bundle/current` is immutable: its name carries the hash of its value (an entity
 * hash for entities, the content hash for the catalog). So a reader never sees a mix of versions
 * (KV caches values at the edge for up to a minute; an immutable value cannot be stale), an upload
 * only writes what changed (Workers Free allows 1,000 KV writes a day), and the Worker's
 * in-isolate cache never needs invalidating: a changed entity has a new name.
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

export const CATALOG_FORMAT = 1;

/** Key names. Everything the grading key lives under starts with PRIVATE_PREFIX. */
export const KV = {
  current: 'bundle/current',
  catalog: (contentHash: string) => `bundle/catalog/${contentHash}`,
  guideList: (hash: string) => `public/guides/${hash}`,
  guide: (slug: string, hash: string) => `public/guide/${slug}/${hash}`,
  question: (id: string, hash: string) => `public/question/${id}/${hash}`,
  key: (id: string, hash: string) => `${PRIVATE_PREFIX}key/${id}/${hash}`,
} as const;

export const PRIVATE_PREFIX = 'private/';

const isRecord = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** An id → hash index, checked shallowly: a z.record over 10,000 ids costs tens of ms of a cold start. */
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
    /** Question id → entity hash: names both `public/question/<id>/<h>` and `private/key/<id>/<h>`. */
    questions: index<string>('no questions index'),
    /** Guide slug → entity hash (`public/guide/<slug>/<h>`). */
    guides: index<string>('no guides index'),
    /** KV key of the guide list. */
    guideList: z.string({ error: 'no guide list' }),
    exams: z.array(Exam, { error: 'no exam list' }),
    /** Question ids embedded in guides (try-it), sorted. Absent in older catalogs: none. */
    tryIt: z.array(z.string()).optional(),
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
  /** Every immutable value: entities, the guide list, the catalog (written first, in any order). */
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

/** First 12 hex digits of sha256: names a value; only collisions of one id's versions would matter. */
export async function valueHash(...parts: string[]): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(parts.join('\u0000')));
  let hex = '';
  for (const byte of new Uint8Array(digest).subarray(0, 6)) hex += byte.toString(16).padStart(2, '0');
  return hex;
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

  const questions: Record<string, string> = {};
  await Promise.all(
    pub.questions.map(async (q: PublicQuestion) => {
      const key = keys.get(q.id);
      if (!key) throw new Error(`question ${q.id} has no key in the private bundle`);
      // Served without its authoring metadata (`source`: file and line).
      const { source: _source, ...served } = q;
      const publicValue = JSON.stringify(served);
      const keyValue = JSON.stringify(key);
      const hash = await valueHash(publicValue, keyValue);
      questions[q.id] = hash;
      entries.push({ key: KV.question(q.id, hash), value: publicValue });
      entries.push({ key: KV.key(q.id, hash), value: keyValue });
    }),
  );

  const guides: Record<string, string> = {};
  await Promise.all(
    pub.guides.map(async (g) => {
      const value = JSON.stringify(g);
      const hash = await valueHash(value);
      guides[g.slug] = hash;
      entries.push({ key: KV.guide(g.slug, hash), value });
    }),
  );
  const guideListValue = JSON.stringify(pub.guides.map(summarizeGuide));
  const guideList = KV.guideList(await valueHash(guideListValue));
  entries.push({ key: guideList, value: guideListValue });

  const catalog: Catalog = {
    format: CATALOG_FORMAT,
    manifest,
    exams: pub.exams,
    keysContentHash: priv.contentHash,
    questions: sortedRecord(questions),
    guides: sortedRecord(guides),
    guideList,
    tryIt: [...new Set(pub.guides.flatMap((g) => g.questionIds))].sort(),
  };
  entries.push({ key: KV.catalog(contentHash), value: JSON.stringify(catalog) });
  entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { contentHash, catalog, entries, pointer: { key: KV.current, value: contentHash } };
}

/** Every key a catalog refers to (the catalog itself included): what a reader of it may fetch. */
export function catalogKeys(catalog: Catalog): string[] {
  const out = [KV.catalog(catalog.manifest.contentHash), catalog.guideList];
  for (const [id, hash] of Object.entries(catalog.questions))
    out.push(KV.question(id, hash), KV.key(id, hash));
  for (const [slug, hash] of Object.entries(catalog.guides)) out.push(KV.guide(slug, hash));
  return out;
}

function sortedRecord(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
