/** Schemas of the learner's own routes (/me): history, review cards, readiness, export. */
import { Slug } from '@examdown/compiler/schema';
import { z } from '@hono/zod-openapi';
import { AttemptId, AttemptStatus } from './attempts.js';
import { AttemptMode } from './content.js';

export const DomainResult = z.object({
  id: Slug,
  name: z.string(),
  points: z.number(),
  total: z.number().int(),
  percent: z.number(),
});

export const HistoryEntry = z
  .object({
    id: AttemptId,
    examId: Slug,
    mode: AttemptMode,
    status: AttemptStatus,
    questionCount: z.number().int(),
    createdAt: z.iso.datetime(),
    submittedAt: z.iso.datetime().nullable(),
    /** Seconds from start to submit; null while open. */
    durationSeconds: z.number().int().nullable(),
    /** Null while open. `passed` is null for practice drills (no pass/fail for a drill). */
    score: z
      .object({
        percent: z.number(),
        points: z.number(),
        total: z.number().int(),
        passed: z.boolean().nullable(),
      })
      .nullable(),
    domains: z.array(DomainResult),
  })
  .openapi('HistoryEntry');
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const Readiness = z
  .object({
    /** Probability of passing the real exam now (0–1), with an 80% interval. */
    probability: z.number(),
    low: z.number(),
    high: z.number(),
    /** Graded answers the estimate rests on. */
    answered: z.number().int(),
    /** False while the evidence is too thin to show a number. */
    enoughData: z.boolean(),
    /** One sentence: how it is computed. */
    method: z.string(),
    domains: z.array(
      z.object({
        id: Slug,
        name: z.string(),
        seats: z.number().int(),
        accuracy: z.number(),
        answered: z.number().int(),
      }),
    ),
  })
  .openapi('Readiness');

export const ExamProgress = z
  .object({
    examId: Slug,
    /** Every attempt of this exam, newest first. */
    history: z.array(HistoryEntry),
    /** Review cards due now, and when the next one falls due (null: none scheduled). */
    due: z.number().int(),
    nextDueAt: z.iso.datetime().nullable(),
    cards: z.number().int(),
    readiness: Readiness,
  })
  .openapi('ExamProgress');

export const LearnerSummary = z
  .object({
    /** Null when this browser has no learner session yet. */
    learnerId: z.string().nullable(),
    /** Passkeys registered for this learner (progress reachable from other devices). */
    passkeys: z.number().int(),
    /** The newest submitted attempts of every exam (at most 5). */
    recent: z.array(HistoryEntry.extend({ examTitle: z.string() })),
    exams: z.array(
      z.object({ examId: Slug, examTitle: z.string(), attempts: z.number().int(), due: z.number().int() }),
    ),
  })
  .openapi('LearnerSummary');
