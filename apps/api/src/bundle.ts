/**
 * The compiled bundle, indexed: every lookup on the request path is a Map get.
 *
 * `loadBundle` indexes a whole bundle held in memory (unit-test fixtures, `memoryBundleStore`);
 * the Worker itself reads the bundle from KV through bundle-store.ts, which shares `indexExams`.
 */
import {
  BUNDLE_SCHEMA_VERSION,
  type Exam,
  type Guide,
  type GuideSummary,
  type Manifest,
  type PrivateBundle,
  type PublicBundle,
  type PublicQuestion,
  type QuestionKey,
} from '@examdown/compiler/schema';
import { summarizeGuide } from './kv-layout.js';

/** A question as the API serves it: the public form without its authoring metadata (`source`). */
export type ServedQuestion = Omit<PublicQuestion, 'source'>;

export function servedQuestion(q: PublicQuestion): ServedQuestion {
  const { source: _source, ...served } = q;
  return served;
}

export interface ExamIndex {
  exam: Exam;
  /** Domain id → question ids of this exam's bank, sorted (from the manifest). */
  pool: Map<string, string[]>;
  /** The same without questions embedded in guides (the try-it check reveals their keys): timed draws. */
  timedPool: Map<string, string[]>;
  domains: Map<string, Exam['domains'][number]>;
  bankSize: number;
}

export interface LoadedBundle {
  manifest: Manifest;
  contentHash: string;
  exams: Map<string, ExamIndex>;
  examList: Exam[];
  guides: Map<string, Guide>;
  guideSummaries: GuideSummary[];
  questions: Map<string, ServedQuestion>;
  /** Question ids embedded in a guide: the only ones the check route answers for. */
  tryIt: Set<string>;
  keys: Map<string, QuestionKey>;
}

/** The bundle is missing, corrupt or incomplete: the API answers 503 `bundle_unavailable`. */
export class BundleError extends Error {
  override name = 'BundleError';
}

/** A bundle of another schema version cannot be served: rebuild (and upload) the content. */
export function checkSchemaVersion(version: unknown): void {
  if (version !== BUNDLE_SCHEMA_VERSION) {
    throw new BundleError(
      `bundle schema version ${String(version)} is not the API's ${BUNDLE_SCHEMA_VERSION}: rebuild and upload the content`,
    );
  }
}

/** Each exam's bank per domain (the manifest's ids that are questions of this bundle). */
export function indexExams(
  exams: readonly Exam[],
  manifest: Manifest,
  hasQuestion: (id: string) => boolean,
  tryIt: ReadonlySet<string>,
): Map<string, ExamIndex> {
  const out = new Map<string, ExamIndex>();
  for (const exam of exams) {
    const byDomain = manifest.questionsByExam[exam.id] ?? {};
    const pool = new Map<string, string[]>();
    const timedPool = new Map<string, string[]>();
    let bankSize = 0;
    for (const domain of exam.domains) {
      const ids = (byDomain[domain.id] ?? []).filter(hasQuestion);
      pool.set(domain.id, ids);
      timedPool.set(
        domain.id,
        ids.filter((id) => !tryIt.has(id)),
      );
      bankSize += ids.length;
    }
    const domains = new Map(exam.domains.map((d) => [d.id, d]));
    out.set(exam.id, { exam, pool, timedPool, domains, bankSize });
  }
  return out;
}

export function loadBundle(pub: PublicBundle, priv: PrivateBundle): LoadedBundle {
  const { manifest } = pub;
  checkSchemaVersion(manifest.schemaVersion);
  if (priv.contentHash !== manifest.contentHash) {
    throw new BundleError('public and private bundle come from different builds (content hashes differ)');
  }

  const questions = new Map(pub.questions.map((q) => [q.id, servedQuestion(q)]));
  const keys = new Map(priv.keys.map((k) => [k.id, k]));
  for (const id of questions.keys()) {
    if (!keys.has(id)) throw new BundleError(`question ${id} has no key in the private bundle`);
  }

  const tryIt = tryItQuestions(pub.guides);
  return {
    manifest,
    contentHash: manifest.contentHash,
    exams: indexExams(pub.exams, manifest, (id) => questions.has(id), tryIt),
    tryIt,
    examList: pub.exams,
    guides: new Map(pub.guides.map((g) => [g.slug, g])),
    guideSummaries: pub.guides.map(summarizeGuide),
    questions,
    keys,
  };
}

/** Every question embedded in a guide (its try-it widget checks answers anonymously). */
export function tryItQuestions(guides: readonly Pick<Guide, 'questionIds'>[]): Set<string> {
  return new Set(guides.flatMap((g) => g.questionIds));
}
