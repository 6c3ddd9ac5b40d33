/**
 * The compiled bundle, indexed once per isolate: every lookup on the request path is a Map get.
 * The JSON itself is imported by content.ts (the Worker entry's only data dependency), so this
 * module and everything that imports it stay free of the bundle files (tests pass their own).
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

export interface ExamIndex {
  exam: Exam;
  /** Domain id → question ids of this exam's bank, sorted (from the manifest). */
  pool: Map<string, string[]>;
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
  questions: Map<string, PublicQuestion>;
  keys: Map<string, QuestionKey>;
}

export class BundleError extends Error {
  override name = 'BundleError';
}

export function loadBundle(pub: PublicBundle, priv: PrivateBundle): LoadedBundle {
  const { manifest } = pub;
  if (manifest.schemaVersion !== BUNDLE_SCHEMA_VERSION) {
    throw new BundleError(
      `bundle schema version ${manifest.schemaVersion} is not the API's ${BUNDLE_SCHEMA_VERSION}: rebuild the content`,
    );
  }
  if (priv.contentHash !== manifest.contentHash) {
    throw new BundleError('public and private bundle come from different builds (content hashes differ)');
  }

  const questions = new Map(pub.questions.map((q) => [q.id, q]));
  const keys = new Map(priv.keys.map((k) => [k.id, k]));
  for (const id of questions.keys()) {
    if (!keys.has(id)) throw new BundleError(`question ${id} has no key in the private bundle`);
  }

  const exams = new Map<string, ExamIndex>();
  for (const exam of pub.exams) {
    const byDomain = manifest.questionsByExam[exam.id] ?? {};
    const pool = new Map<string, string[]>();
    let bankSize = 0;
    for (const domain of exam.domains) {
      const ids = (byDomain[domain.id] ?? []).filter((id) => questions.has(id));
      pool.set(domain.id, ids);
      bankSize += ids.length;
    }
    exams.set(exam.id, { exam, pool, domains: new Map(exam.domains.map((d) => [d.id, d])), bankSize });
  }

  return {
    manifest,
    contentHash: manifest.contentHash,
    exams,
    examList: pub.exams,
    guides: new Map(pub.guides.map((g) => [g.slug, g])),
    guideSummaries: pub.guides.map(summarizeGuide),
    questions,
    keys,
  };
}

function summarizeGuide(g: Guide): GuideSummary {
  return {
    slug: g.slug,
    title: g.title,
    description: g.description,
    vendor: g.vendor,
    exams: g.exams,
    published: g.published,
    updated: g.updated,
    tags: g.tags,
    readingMinutes: g.readingMinutes,
  };
}
