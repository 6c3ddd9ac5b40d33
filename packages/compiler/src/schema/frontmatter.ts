/**
 * What authors may write in frontmatter, per kind of file. Strict objects: an unknown key
 * is an error (with a did-you-mean), never silently dropped. The bundle schemas are reused
 * wherever a frontmatter value ends up in the bundle unchanged.
 */
import { z } from 'zod';
import { Exam, Guide, MultipleSelectScoring, PublicQuestion, Slug } from './index.js';

/** `lint: { ignore: { rule-id: "why" } }` — silences linter rules for a whole file or bank. */
export const LintConfig = z.strictObject({
  ignore: z.record(z.string(), z.string().nullable()).default({}),
});
export type LintConfig = z.infer<typeof LintConfig>;

/** The exam's bundle fields as authors write them; `id` defaults to the file name. */
/** `unusableQuestions: warn` — imported questions without a usable key are left out with a warning. */
export const UnusableQuestions = z.enum(['error', 'warn']);

export const ExamFrontmatter = Exam.omit({
  id: true,
  scoring: true,
  descriptionHtml: true,
  source: true,
}).extend({
  id: Slug.optional(),
  scoring: z.strictObject({ multipleSelect: MultipleSelectScoring.default('all-or-nothing') }).optional(),
  lint: LintConfig.optional(),
  /** Bank file (relative to questions/<exam-id>/) → the domain of its questions. */
  bankDomains: z.record(z.string(), Slug).optional(),
  unusableQuestions: UnusableQuestions.optional(),
});
export type ExamFrontmatter = z.infer<typeof ExamFrontmatter>;

/** Guide fields made from the body and the file: authors never write them. */
const GUIDE_COMPUTED = { html: true, toc: true, questionIds: true, faq: true, readingMinutes: true } as const;

/** The guide's bundle fields as authors write them; `slug` defaults to the file name. */
export const GuideFrontmatter = Guide.omit({
  ...GUIDE_COMPUTED,
  source: true,
  slug: true,
  locale: true,
}).extend({
  slug: Slug.optional(),
  locale: z.string().min(1).default('en'),
  lint: LintConfig.optional(),
});
export type GuideFrontmatter = z.infer<typeof GuideFrontmatter>;

/** Defaults for every question of a bank file; all optional (a plain public bank may have none). */
export const BankFrontmatter = PublicQuestion.pick({
  exam: true,
  domain: true,
  difficulty: true,
  topics: true,
})
  .partial()
  .extend({ lint: LintConfig.optional(), unusableQuestions: UnusableQuestions.optional() });
export type BankFrontmatter = z.infer<typeof BankFrontmatter>;
