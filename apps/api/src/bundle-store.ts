/**
 * Where the API reads the compiled bundle from: a `BundleStore` opens the live bundle as a
 * `Content` view for each request. `kvBundleStore()` (kv/store.ts) reads it from Workers KV, in
 * production and under `wrangler dev`; `memoryBundleStore(bundle)` holds one in memory (unit-test
 * fixtures).
 *
 * A missing, corrupt or unreadable bundle throws `BundleError`; the app answers 503
 * `bundle_unavailable` with the reason (never a crash, never a stack trace), and recovers by
 * itself once a good bundle is uploaded.
 */
import type { Exam, Guide, GuideSummary, Manifest, QuestionKey } from '@examdown/compiler/schema';
import type { ExamIndex, LoadedBundle, ServedQuestion } from './bundle.js';
import { ApiError } from './errors.js';

/** The live bundle as one request sees it. Everything sync is in memory; the rest may read KV. */
export interface Content {
  readonly contentHash: string;
  readonly manifest: Manifest;
  readonly exams: ReadonlyMap<string, ExamIndex>;
  readonly examList: readonly Exam[];
  question(id: string): Promise<ServedQuestion | undefined>;
  /** The questions of `ids` that exist (unknown ids are absent from the map). */
  questions(ids: readonly string[]): Promise<Map<string, ServedQuestion>>;
  /** The grading keys of `ids` that exist. Only grading code calls this. */
  keys(ids: readonly string[]): Promise<Map<string, QuestionKey>>;
  /** Is this question embedded in a guide (try-it)? Only those can be checked anonymously. */
  isTryIt(id: string): boolean;
  /**
   * The version of a question's live form, as an attempt stores it: in KV the hash of its pack
   * pair, which names its public form and its key (kv-layout.ts); in memory the content hash.
   */
  entityHash(id: string): string | undefined;
  /** Questions of given versions (an attempt's form): any version ever uploaded, live or not. */
  questionVersions(refs: readonly EntityRef[]): Promise<Map<string, ServedQuestion>>;
  /** Keys of given versions. Only grading and report code calls this. */
  keyVersions(refs: readonly EntityRef[]): Promise<Map<string, QuestionKey>>;
  guide(slug: string): Promise<Guide | undefined>;
  guideSummaries(): Promise<readonly GuideSummary[]>;
  /** Slug → summary (titles for study links). */
  guideIndex(): Promise<ReadonlyMap<string, GuideSummary>>;
}

/** One version of a question: its id and the hash `entityHash` gave for it. */
export interface EntityRef {
  id: string;
  hash: string;
}

export interface BundleStore {
  /** The live bundle, or a `BundleError` saying why there is none. */
  open(env: Env): Promise<Content>;
}

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
  // In memory there is one version of everything, named by the content hash.
  const hash = bundle.contentHash.slice(0, 12);
  const versions = <V>(map: ReadonlyMap<string, V>, refs: readonly EntityRef[]) =>
    pick(
      map,
      refs.filter((r) => r.hash === hash).map((r) => r.id),
    );
  const content: Content = {
    contentHash: bundle.contentHash,
    manifest: bundle.manifest,
    exams: bundle.exams,
    examList: bundle.examList,
    question: async (id) => bundle.questions.get(id),
    questions: async (ids) => pick(bundle.questions, ids),
    keys: async (ids) => pick(bundle.keys, ids),
    isTryIt: (id) => bundle.tryIt.has(id),
    entityHash: (id) => (bundle.questions.has(id) ? hash : undefined),
    questionVersions: async (refs) => versions(bundle.questions, refs),
    keyVersions: async (refs) => versions(bundle.keys, refs),
    guide: async (slug) => bundle.guides.get(slug),
    guideSummaries: async () => bundle.guideSummaries,
    guideIndex: async () => guideIndex,
  };
  return { open: async () => content };
}

/** The exam `examId` of the live bundle; 404 `exam_not_found` (with `missing` as the message) if none. */
export function examOr404(
  content: Content,
  examId: string,
  missing = `There is no exam '${examId}'.`,
): ExamIndex {
  const index = content.exams.get(examId);
  if (!index) throw new ApiError('exam_not_found', missing);
  return index;
}
