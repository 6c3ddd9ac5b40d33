/** Schemas of the attempt routes: start, state, save. The score report is in report.ts. */
import { OptionId, Slug } from '@examdown/compiler/schema';
import { z } from '@hono/zod-openapi';
import { ATTEMPT_ID_PATTERN } from '../learner/ids.js';
import { MAX_PRACTICE_COUNT } from '../learner/policy.js';
import { Answer, AttemptMode, CheckResult, QuestionPublic } from './content.js';

export const AttemptId = z
  .string()
  .regex(ATTEMPT_ID_PATTERN, 'an attempt id is `<learner id (22 characters)>.<local id (base 36)>`')
  .openapi({
    description: 'Attempt id: `<learner id>.<local id>` (22 base64url characters, a dot, base 36)',
  });
export const AttemptIdParam = z.object({
  id: AttemptId.openapi({ param: { name: 'id', in: 'path' } }),
});
export const AttemptQuestionParam = z.object({
  id: AttemptId.openapi({ param: { name: 'id', in: 'path' } }),
  questionId: Slug.openapi({ param: { name: 'questionId', in: 'path' } }),
});

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
      .max(MAX_PRACTICE_COUNT)
      .optional()
      .openapi({ description: `Practice mode only (default 10, at most ${MAX_PRACTICE_COUNT}).` }),
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
    question: QuestionPublic,
    answer: z.array(OptionId).nullable(),
    flagged: z.boolean(),
    /** Practice mode: the answer was checked (final); the same answer with `check` shows its feedback again. */
    checked: z.boolean(),
  })
  .openapi('AttemptQuestion');

export const Progress = z.object({
  total: z.number().int().nonnegative(),
  answered: z.number().int().nonnegative(),
  flagged: z.number().int().nonnegative(),
});

export const AttemptState = z
  .object({
    id: AttemptId,
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
  /** The learner this attempt belongs to (the first part of the attempt id). */
  learnerId: z.string(),
  /** A new learner's secret: send it as `X-Learner-Token` to start as the same learner. Shown once. */
  learnerToken: z.string().optional(),
}).openapi('StartedAttempt');

export const SaveAnswerRequest = z
  .strictObject({
    answer: Answer.nullable().optional().openapi({ description: 'Chosen option ids; [] or null clears.' }),
    flagged: z.boolean().optional(),
    check: z.boolean().optional().openapi({
      description:
        'Practice mode: lock this answer and get its feedback (key, explanation, rationales) for this attempt.',
    }),
    spentSeconds: z.number().int().min(0).max(3600).optional().openapi({
      description: 'Seconds spent on this question since its last save (added to its total).',
    }),
  })
  .refine((r) => r.answer !== undefined || r.flagged !== undefined || r.spentSeconds !== undefined, {
    message: 'send `answer`, `flagged`, `spentSeconds` or several',
  })
  .openapi('SaveAnswerRequest', { example: { answer: ['a', 'c'], flagged: true } });

export const SaveAnswerResult = z
  .object({
    questionId: Slug,
    answer: z.array(OptionId).nullable(),
    flagged: z.boolean(),
    savedAt: z.iso.datetime(),
    progress: Progress,
    /** Practice mode with `check`: the verdict and the key of this question, for this attempt. */
    feedback: CheckResult.optional(),
  })
  .openapi('SaveAnswerResult');
export type SaveAnswerResult = z.infer<typeof SaveAnswerResult>;
