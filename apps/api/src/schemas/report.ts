/** The score report of a submitted attempt. */
import {
  Difficulty,
  MultipleSelectScoring,
  OptionId,
  PublicOption,
  QuestionType,
  Slug,
} from '@examdown/compiler/schema';
import { z } from '@hono/zod-openapi';
import { AttemptId } from './attempts.js';
import { AttemptMode } from './content.js';

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
  /** Seconds the learner spent on the question (sent with autosaves; 0 when none were recorded). */
  secondsSpent: z.number().int().nonnegative(),
  explanationHtml: z.string().nullable(),
  rationales: z.record(z.string(), z.string()),
});

export const ScoreReport = z
  .object({
    attemptId: AttemptId,
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
