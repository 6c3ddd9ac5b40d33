/**
 * What authors may write in frontmatter, per kind of file. Strict objects: an unknown key
 * is an error (with a did-you-mean), never silently dropped. The bundle schemas are reused
 * wherever a frontmatter value ends up in the bundle unchanged.
 */
import { z } from 'zod';
import { Difficulty, Exam, Guide, MultipleSelectScoring, Slug } from './index.js';

/** `lint: { ignore: { rule-id: "why" } }` — silences linter rules for a whole file or bank. */
export const LintConfig = z.strictObject({
  ignore: z.record(z.string(), z.string().nullable()).default({}),
});
export type LintConfig = z.infer<typeof LintConfig>;

/** The exam's bundle fields as authors write them; `id` defaults to the file name. */
export const ExamFrontmatter = Exam.omit({
  id: true,
  scoring: true,
  descriptionHtml: true,
  source: true,
}).extend({
  id: Slug.optional(),
  scoring: z.strictObject({ multipleSelect: MultipleSelectScoring.default('all-or-nothing') }).optional(),
  lint: LintConfig.optional(),
});
export type ExamFrontmatter = z.infer<typeof ExamFrontmatter>;

/** The guide's bundle fields as authors write them; `slug` defaults to the file name. */
export const GuideFrontmatter = Guide.pick({
  title: true,
  description: true,
  vendor: true,
  exams: true,
  published: true,
  updated: true,
  authors: true,
  tags: true,
  related: true,
}).extend({
  slug: Slug.optional(),
  locale: z.string().min(1).default('en'),
  lint: LintConfig.optional(),
});
export type GuideFrontmatter = z.infer<typeof GuideFrontmatter>;

/** Defaults for every question of a bank file; all optional (a plain public bank may have none). */
export const BankFrontmatter = z.strictObject({
  exam: Slug.optional(),
  domain: Slug.optional(),
  difficulty: Difficulty.optional(),
  topics: z.array(z.string().min(1)).optional(),
  lint: LintConfig.optional(),
});
export type BankFrontmatter = z.infer<typeof BankFrontmatter>;
