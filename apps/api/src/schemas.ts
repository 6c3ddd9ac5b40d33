/**
 * Request and response schemas of the API. Bundle entities come from the compiler's schemas
 * (`@examdown/compiler/schema`, the one contract); this module only composes them.
 */
import {
  Difficulty,
  Domain,
  Exam,
  Guide,
  GuideSummary,
  MultipleSelectScoring,
  OptionId,
  PublicOption,
  PublicQuestion,
  QuestionType,
  Slug,
} from '@examdown/compiler/schema';
import { z } from '@hono/zod-openapi';

// ---------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------

export const ExamIdParam = z.object({
  examId: Slug.openapi({ param: { name: 'examId', in: 'path' }, example: 'databricks-ml-professional' }),
});
export const GuideSlugParam = z.object({
  slug: Slug.openapi({ param: { name: 'slug', in: 'path' }, example: 'databricks-ml-professional-guide' }),
});
export const QuestionIdParam = z.object({
  id: Slug.openapi({ param: { name: 'id', in: 'path' } }),
});
const AttemptId = z.uuid().openapi({ description: 'Attempt id (a UUID)' });
export const AttemptIdParam = z.object({
  id: AttemptId.openapi({ param: { name: 'id', in: 'path' } }),
});
export const AttemptQuestionParam = z.object({
  id: AttemptId.openapi({ param: { name: 'id', in: 'path' } }),
  questionId: Slug.openapi({ param: { name: 'questionId', in: 'path' } }),
});

/** An answer: option ids (the bundle's stable letters), at most one of each. */
const Answer = z
  .array(OptionId)
  .max(26)
  .refine((ids) => new Set(ids).size === ids.length, 'an option may be chosen only once');

// ---------------------------------------------------------------------------
// Content
// ---------------------------------------------------------------------------

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
export const QuestionPublic = PublicQuestion.openapi('PublicQuestion');

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

// ---------------------------------------------------------------------------
// Attempts
// ---------------------------------------------------------------------------

export const AttemptMode = z.enum(['exam', 'practice']);
export const AttemptStatus = z.enum(['in_progress', 'expired', 'submitted']);

export const StartAttemptRequest = z
  .strictObject({
    mode: AttemptMode.default('exam').openapi({
      description:
        '`exam`: the blueprint (count, weights, deadline). `practice`: chosen domains and count, untimed.',
    }),
    domains: z
      .array(Slug)
      .min(1)
      .max(50)
      .optional()
      .openapi({ description: 'Practice mode only: domain ids.' }),
    count: z
      .number()
      .int()
      .min(1)
      .max(500)
      .optional()
      .openapi({ description: 'Practice mode only (default 10).' }),
  })
  .refine((r) => r.mode === 'practice' || (r.domains === undefined && r.count === undefined), {
    message: '`domains` and `count` apply to practice mode only; exam mode follows the blueprint',
    path: ['mode'],
  })
  .openapi('StartAttemptRequest', {
    example: { mode: 'practice', domains: ['ml-solution-design'], count: 5 },
  });

export const AttemptQuestion = z
  .object({
    position: z.number().int().nonnegative(),
    /** The public form, options in this attempt's order. */
    question: PublicQuestion,
    answer: z.array(OptionId).nullable(),
    flagged: z.boolean(),
  })
  .openapi('AttemptQuestion');

export const Progress = z.object({
  total: z.number().int().nonnegative(),
  answered: z.number().int().nonnegative(),
  flagged: z.number().int().nonnegative(),
});

export const AttemptState = z
  .object({
    id: z.uuid(),
    examId: Slug,
    examTitle: z.string(),
    mode: AttemptMode,
    status: AttemptStatus,
    createdAt: z.iso.datetime(),
    /** Server deadline (exam mode); null when untimed. */
    deadline: z.iso.datetime().nullable(),
    serverTime: z.iso.datetime(),
    /** Seconds until the deadline (0 once passed); null when untimed. */
    timeLeftSeconds: z.number().int().nonnegative().nullable(),
    durationMinutes: z.number().int().positive().nullable(),
    passingScore: z.number(),
    progress: Progress,
    questions: z.array(AttemptQuestion),
    /** Set once submitted; the full report is at /attempts/{id}/report. */
    score: z.object({ percent: z.number(), passed: z.boolean() }).nullable(),
  })
  .openapi('AttemptState');
export type AttemptState = z.infer<typeof AttemptState>;

export const StartedAttempt = AttemptState.extend({
  /** Secret bearer token of this attempt: send it as `Authorization: Bearer <token>`. Shown once. */
  token: z.string(),
}).openapi('StartedAttempt');

export const SaveAnswerRequest = z
  .strictObject({
    answer: Answer.nullable().optional().openapi({ description: 'Chosen option ids; [] or null clears.' }),
    flagged: z.boolean().optional(),
  })
  .refine((r) => r.answer !== undefined || r.flagged !== undefined, {
    message: 'send `answer`, `flagged` or both',
  })
  .openapi('SaveAnswerRequest', { example: { answer: ['a', 'c'], flagged: true } });

export const SaveAnswerResult = z
  .object({
    questionId: Slug,
    answer: z.array(OptionId).nullable(),
    flagged: z.boolean(),
    savedAt: z.iso.datetime(),
    progress: Progress,
  })
  .openapi('SaveAnswerResult');

// ---------------------------------------------------------------------------
// Score report
// ---------------------------------------------------------------------------

export const DomainScore = z.object({
  domainId: Slug,
  name: z.string(),
  weight: z.number(),
  total: z.number().int().nonnegative(),
  correct: z.number().int().nonnegative(),
  points: z.number().nonnegative(),
  percent: z.number().min(0).max(100),
});

export const StudyRecommendation = z.object({
  domainId: Slug,
  name: z.string(),
  percent: z.number(),
  belowPassing: z.boolean(),
  topics: z.array(z.string()),
  /** `/guides/<slug>#<section>` (web client route), or null when the exam names no study guide. */
  studyLink: z.string().nullable(),
  guide: z.object({ slug: Slug, section: z.string().nullable(), title: z.string().nullable() }).nullable(),
});

export const ReportQuestion = z.object({
  position: z.number().int().nonnegative(),
  questionId: Slug,
  domain: Slug,
  type: QuestionType,
  selectCount: z.number().int().positive(),
  difficulty: Difficulty.optional(),
  stemHtml: z.string(),
  options: z.array(PublicOption),
  answer: z.array(OptionId).nullable(),
  correctOptions: z.array(OptionId),
  correct: z.boolean(),
  credit: z.number().min(0).max(1),
  flagged: z.boolean(),
  explanationHtml: z.string().nullable(),
  rationales: z.record(z.string(), z.string()),
});

export const ScoreReport = z
  .object({
    attemptId: z.uuid(),
    examId: Slug,
    examTitle: z.string(),
    mode: AttemptMode,
    contentHash: z.string(),
    startedAt: z.iso.datetime(),
    submittedAt: z.iso.datetime(),
    deadline: z.iso.datetime().nullable(),
    /** Submitted after the deadline: only what was saved in time was graded. */
    overtime: z.boolean(),
    scoring: z.object({ multipleSelect: MultipleSelectScoring, rule: z.string() }),
    score: z.object({
      /** 100 × points / total, rounded to one decimal. */
      percent: z.number().min(0).max(100),
      points: z.number().nonnegative(),
      correct: z.number().int().nonnegative(),
      answered: z.number().int().nonnegative(),
      total: z.number().int().nonnegative(),
      passingScore: z.number(),
      passed: z.boolean(),
    }),
    domains: z.array(DomainScore),
    weakestDomains: z.array(StudyRecommendation),
    questions: z.array(ReportQuestion),
  })
  .openapi('ScoreReport');
export type ScoreReport = z.infer<typeof ScoreReport>;

// ---------------------------------------------------------------------------
// Admin and meta
// ---------------------------------------------------------------------------

export const StatsQuery = z.object({
  exam: Slug.openapi({ param: { name: 'exam', in: 'query' }, example: 'databricks-ml-professional' }),
  mode: AttemptMode.optional().openapi({ param: { name: 'mode', in: 'query' } }),
});

export const QuestionStats = z.object({
  questionId: Slug,
  domain: Slug,
  /** Submitted attempts that contained the question. */
  n: z.number().int().nonnegative(),
  answered: z.number().int().nonnegative(),
  /** Facility: mean credit (share correct), null when n = 0. */
  p: z.number().min(0).max(1).nullable(),
  /** Point-biserial correlation of the item with the attempt's total score; null when undefined. */
  rPb: z.number().min(-1).max(1).nullable(),
});

export const StatsResult = z
  .object({
    examId: Slug,
    attempts: z.number().int().nonnegative(),
    generatedAt: z.iso.datetime(),
    questions: z.array(QuestionStats),
  })
  .openapi('QuestionStats');

export const Health = z
  .object({
    status: z.enum(['ok', 'degraded']),
    apiVersion: z.string(),
    schemaVersion: z.number().int(),
    contentHash: z.string(),
    generator: z.string(),
    counts: z.object({ exams: z.number(), guides: z.number(), questions: z.number() }),
    database: z.enum(['ok', 'unavailable']),
  })
  .openapi('Health');
