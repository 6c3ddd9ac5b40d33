/** Schemas of the admin and meta routes: item statistics and health. */
import { Slug } from '@examdown/compiler/schema';
import { z } from '@hono/zod-openapi';
import { AttemptMode } from './content.js';

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
