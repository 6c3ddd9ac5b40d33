/**
 * The bundle contract: zod schemas of every entity `examdown build` writes.
 *
 * This module is the single source of truth for bundle types. The API, the
 * web client and the tests import from `@examdown/compiler/schema`, so it must
 * stay free of Node-only imports (it runs in workerd and in the browser).
 */
import { z } from 'zod';

/** Bumped when a bundle written by one compiler cannot be read by an older API. */
export const BUNDLE_SCHEMA_VERSION = 1;

/** Lower-case kebab-case identifiers: stable in URLs, file names and D1 keys. */
export const Slug = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case letters, digits and single hyphens');
export type Slug = z.infer<typeof Slug>;

/** Calendar date as authors write it in frontmatter: YYYY-MM-DD. */
export const IsoDate = z.iso.date();

export const Difficulty = z.enum(['easy', 'medium', 'hard']);
export type Difficulty = z.infer<typeof Difficulty>;

/** How a multiple-select question is scored: the real exams use all-or-nothing. */
export const MultipleSelectScoring = z.enum(['all-or-nothing', 'partial']);
export type MultipleSelectScoring = z.infer<typeof MultipleSelectScoring>;

// ---------------------------------------------------------------------------
// Exams
// ---------------------------------------------------------------------------

export const Domain = z.strictObject({
  id: Slug,
  name: z.string().min(1),
  /** Share of the exam's questions, in percent. The weights of an exam add up to 100. */
  weight: z.number().positive().max(100),
  topics: z.array(z.string().min(1)).default([]),
  /** Where to study this domain: a guide slug plus an optional heading anchor. */
  studyGuide: z.strictObject({ guide: Slug, section: z.string().min(1).optional() }).optional(),
});
export type Domain = z.infer<typeof Domain>;

export const Fee = z.strictObject({
  amount: z.number().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'an ISO 4217 code such as USD'),
  note: z.string().optional(),
});
export type Fee = z.infer<typeof Fee>;

export const Exam = z.strictObject({
  id: Slug,
  title: z.string().min(1),
  vendor: z.string().min(1),
  level: z.string().min(1).optional(),
  summary: z.string().optional(),
  questionCount: z.number().int().positive(),
  durationMinutes: z.number().int().positive(),
  /** Percentage of questions (0–100) needed to pass. */
  passingScore: z.number().min(0).max(100),
  fee: Fee.optional(),
  languages: z.array(z.string().min(1)).min(1),
  prerequisites: z.string().optional(),
  validityYears: z.number().positive().optional(),
  format: z.string().optional(),
  scoring: z.strictObject({ multipleSelect: MultipleSelectScoring }),
  domains: z.array(Domain).min(1),
  /** Guide slugs about this exam. */
  guides: z.array(Slug).default([]),
  /** Sanitized HTML of the exam file's body. */
  descriptionHtml: z.string(),
  source: z.string(),
});
export type Exam = z.infer<typeof Exam>;

// ---------------------------------------------------------------------------
// Questions: the public form and the private key are separate entities so
// that nothing secret can reach `public/` by accident.
// ---------------------------------------------------------------------------

export const OptionId = z.string().regex(/^[a-z]$/, 'option ids are single letters a–z');
export type OptionId = z.infer<typeof OptionId>;

export const PublicOption = z.strictObject({
  id: OptionId,
  html: z.string(),
});
export type PublicOption = z.infer<typeof PublicOption>;

export const QuestionType = z.enum(['single', 'multiple']);
export type QuestionType = z.infer<typeof QuestionType>;

export const PublicQuestion = z.strictObject({
  id: Slug,
  exam: Slug,
  domain: Slug,
  topics: z.array(z.string().min(1)).default([]),
  difficulty: Difficulty.optional(),
  type: QuestionType,
  /** How many options to pick ("choose 2"); 1 for single choice. Real exams state it. */
  selectCount: z.number().int().positive(),
  stemHtml: z.string(),
  options: z.array(PublicOption).min(2),
  source: z.string(),
});
export type PublicQuestion = z.infer<typeof PublicQuestion>;

export const QuestionKey = z.strictObject({
  id: Slug,
  correct: z.array(OptionId).min(1),
  /** Option id → sanitized HTML saying why that option is right or wrong. */
  rationales: z.record(OptionId, z.string()),
  explanationHtml: z.string().optional(),
});
export type QuestionKey = z.infer<typeof QuestionKey>;

// ---------------------------------------------------------------------------
// Guides
// ---------------------------------------------------------------------------

export const TocEntry = z.strictObject({
  depth: z.number().int().min(2).max(4),
  id: z.string().min(1),
  text: z.string(),
});
export type TocEntry = z.infer<typeof TocEntry>;

export const FaqItem = z.strictObject({
  id: z.string().min(1),
  question: z.string().min(1),
  answerHtml: z.string(),
});
export type FaqItem = z.infer<typeof FaqItem>;

export const Guide = z.strictObject({
  slug: Slug,
  title: z.string().min(1),
  description: z.string().optional(),
  vendor: z.string().optional(),
  exams: z.array(Slug).default([]),
  published: IsoDate,
  updated: IsoDate.optional(),
  authors: z.array(z.string().min(1)).min(1),
  tags: z.array(z.string().min(1)).default([]),
  related: z.array(Slug).default([]),
  locale: z.string().default('en'),
  /**
   * Sanitized HTML. Embedded questions appear as
   * `<div class="examdown-question" data-question-id="ID"></div>` placeholders
   * that the client fills from the questions API.
   */
  html: z.string(),
  toc: z.array(TocEntry),
  questionIds: z.array(Slug).default([]),
  faq: z.array(FaqItem).default([]),
  readingMinutes: z.number().int().positive(),
  source: z.string(),
});
export type Guide = z.infer<typeof Guide>;

export const GuideSummary = Guide.pick({
  slug: true,
  title: true,
  description: true,
  vendor: true,
  exams: true,
  published: true,
  updated: true,
  tags: true,
  readingMinutes: true,
});
export type GuideSummary = z.infer<typeof GuideSummary>;

// ---------------------------------------------------------------------------
// Bundle files
// ---------------------------------------------------------------------------

export const Manifest = z.strictObject({
  schemaVersion: z.literal(BUNDLE_SCHEMA_VERSION),
  /** sha256 over the sorted public and private files: changes iff content changes. */
  contentHash: z.string().regex(/^[a-f0-9]{64}$/),
  generator: z.string(),
  counts: z.strictObject({
    exams: z.number().int().nonnegative(),
    guides: z.number().int().nonnegative(),
    questions: z.number().int().nonnegative(),
  }),
  /** Exam id → domain id → question ids, sorted: what the attempt sampler draws from. */
  questionsByExam: z.record(Slug, z.record(Slug, z.array(Slug))),
});
export type Manifest = z.infer<typeof Manifest>;

/** `public/` — safe to serve as static files. */
export const PublicBundle = z.strictObject({
  manifest: Manifest,
  exams: z.array(Exam),
  guides: z.array(Guide),
  questions: z.array(PublicQuestion),
});
export type PublicBundle = z.infer<typeof PublicBundle>;

/** `private/` — the grading key; only the Worker reads it. */
export const PrivateBundle = z.strictObject({
  contentHash: z.string().regex(/^[a-f0-9]{64}$/),
  keys: z.array(QuestionKey),
});
export type PrivateBundle = z.infer<typeof PrivateBundle>;

/** File names inside the bundle directory, shared by the writer and the readers. */
export const BUNDLE_FILES = {
  manifest: 'public/manifest.json',
  exams: 'public/exams.json',
  guides: 'public/guides.json',
  questions: 'public/questions.json',
  keys: 'private/keys.json',
} as const;
