/**
 * Assembling the bundle from the linked model: sort every entity by id, validate against
 * the bundle schemas (the contract the API and web rely on), hash the content.
 */
import { createHash } from 'node:crypto';
import type { LinkModel } from '../link/index.js';
import {
  BUNDLE_SCHEMA_VERSION,
  type Manifest,
  PrivateBundle,
  PublicBundle,
  type PublicQuestion,
  type QuestionKey,
} from '../schema/index.js';
import { canonicalJson } from './canonical.js';

export interface Bundle {
  public: PublicBundle;
  private: PrivateBundle;
}

const byKey = <T>(key: (item: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** Throws a zod error if the model violates the contract (a compiler bug, reported as internal-error). */
export function buildBundle(model: LinkModel, generator: string): Bundle {
  const exams = [...model.exams.values()].map((e) => e.draft.exam).sort(byKey((e) => e.id));
  const guides = [...model.guides.values()].map((g) => g.draft.guide).sort(byKey((g) => g.slug));
  const drafts = [...model.questions.values()].map((q) => q.draft).sort(byKey((q) => q.public.id));
  const questions: PublicQuestion[] = drafts.map((q) => q.public);
  const keys: QuestionKey[] = drafts.map((q) => ({
    ...q.key,
    rationales: Object.fromEntries(Object.entries(q.key.rationales).sort(([a], [b]) => (a < b ? -1 : 1))),
  }));

  const questionsByExam: Manifest['questionsByExam'] = {};
  for (const exam of exams) {
    const domains: Record<string, string[]> = {};
    for (const domain of [...exam.domains].sort(byKey((d) => d.id))) {
      domains[domain.id] = questions.filter((q) => q.exam === exam.id && q.domain === domain.id).map((q) => q.id);
    }
    questionsByExam[exam.id] = domains;
  }

  const contentHash = createHash('sha256').update(canonicalJson({ exams, guides, questions, keys })).digest('hex');
  const publicBundle = PublicBundle.parse({
    manifest: {
      schemaVersion: BUNDLE_SCHEMA_VERSION,
      contentHash,
      generator,
      counts: { exams: exams.length, guides: guides.length, questions: questions.length },
      questionsByExam,
    },
    exams,
    guides,
    questions,
  });
  const privateBundle = PrivateBundle.parse({ contentHash, keys });
  return { public: publicBundle, private: privateBundle };
}
