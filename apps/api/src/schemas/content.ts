/**
 * Schemas of the content and practice routes. Bundle entities come from the compiler's schemas
 * (`@examdown/compiler/schema`, the one contract); these modules only compose them.
 */
import { Domain, Exam, Guide, GuideSummary, OptionId, PublicQuestion, Slug } from '@examdown/compiler/schema';
import { ATTEMPT_MODES } from '@examdown/compiler/shared';
import { z } from '@hono/zod-openapi';

/** The shared attempt modes as a zod enum, for request and response schemas. */
export const AttemptMode = z.enum(ATTEMPT_MODES);

export const ExamIdParam = z.object({
  examId: Slug.openapi({ param: { name: 'examId', in: 'path' }, example: 'databricks-ml-professional' }),
});
export const GuideSlugParam = z.object({
  slug: Slug.openapi({ param: { name: 'slug', in: 'path' }, example: 'databricks-ml-professional-guide' }),
});
export const QuestionIdParam = z.object({
  id: Slug.openapi({ param: { name: 'id', in: 'path' } }),
});
/** An answer: option ids (the bundle's stable letters), at most one of each. */
export const Answer = z
  .array(OptionId)
  .max(26)
  .refine((ids) => new Set(ids).size === ids.length, 'an option may be chosen only once');

export const DomainSummary = Domain.pick({ id: true, name: true, weight: true });

export const ExamSummary = Exam.pick({
  id: true,
  title: true,
  vendor: true,
  level: true,
  summary: true,
  questionCount: true,
  durationMinutes: true,
  passingScore: true,
  fee: true,
  languages: true,
  validityYears: true,
  format: true,
  guides: true,
})
  .extend({
    domains: z.array(DomainSummary),
    /** Questions in this exam's bank (practice mode can draw up to this many). */
    bankSize: z.number().int().nonnegative(),
  })
  .openapi('ExamSummary');
export type ExamSummary = z.infer<typeof ExamSummary>;

export const ExamList = z.object({ exams: z.array(ExamSummary) }).openapi('ExamList');

export const ExamDetail = Exam.extend({
  /** The bank behind practice exams: questions per domain. */
  bank: z.object({
    total: z.number().int().nonnegative(),
    byDomain: z.record(z.string(), z.number().int().nonnegative()),
  }),
}).openapi('ExamDetail');

export const GuideList = z.object({ guides: z.array(GuideSummary) }).openapi('GuideList');
export const GuideDetail = Guide.openapi('Guide');
/** The public form as served: without the authoring metadata (`source`) the bundle carries. */
export const QuestionPublic = PublicQuestion.omit({ source: true }).openapi('PublicQuestion');

// ---------------------------------------------------------------------------
// Practice one question
// ---------------------------------------------------------------------------

export const CheckRequest = z
  .strictObject({ answer: Answer.min(1, 'choose at least one option') })
  .openapi('CheckRequest', { example: { answer: ['b'] } });

export const CheckResult = z
  .object({
    questionId: Slug,
    answer: z.array(OptionId),
    correct: z.boolean(),
    /** 0..1: partial credit is possible for multiple select when the exam declares it. */
    credit: z.number().min(0).max(1),
    correctOptions: z.array(OptionId),
    explanationHtml: z.string().nullable(),
    /** Option id → rationale HTML, for the chosen and the correct options. */
    rationales: z.record(z.string(), z.string()),
  })
  .openapi('CheckResult');
export type CheckResult = z.infer<typeof CheckResult>;
