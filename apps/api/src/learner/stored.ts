/** An attempt as the learner's Durable Object stores it: its row, decoded (codec.ts). */
import type { MultipleSelectScoring } from '@examdown/compiler/schema';
import type { AttemptMode } from '@examdown/compiler/shared';
import { decodeAnswers, decodeCredits, type FormEntry, parseForm, type Slot } from './codec.js';
import type { AttemptRow } from './schema.js';

export interface StoredAttempt {
  /** The attempt id's own part (the Worker prefixes the learner id). */
  local: number;
  tokenHash: string;
  examId: string;
  mode: AttemptMode;
  contentHash: string;
  seed: number;
  createdAt: number;
  deadlineAt: number | null;
  expiresAt: number | null;
  submittedAt: number | null;
  form: FormEntry[];
  slots: Slot[];
  /** Set once graded (at submit), one per position. */
  credits: number[] | null;
  points: number | null;
  passed: boolean | null;
  passingScore: number;
  scoring: MultipleSelectScoring;
  /** Set at submit: per domain 'id=points/total', ';'-separated (domainSums). */
  domains: string | null;
}

/**
 * An attempt as it crosses the RPC boundary between the learner's object and the Worker: the row
 * with its form and answers still as text (strings copy cheaply; 60 objects each way do not).
 */
export interface WireAttempt extends Omit<StoredAttempt, 'form' | 'slots' | 'credits'> {
  form: string;
  answers: string;
  credits: string | null;
}

export function wireOf(row: AttemptRow, form: string): WireAttempt {
  return {
    local: row.id,
    tokenHash: row.token_hash,
    examId: row.exam_id,
    mode: row.mode,
    contentHash: row.content_hash,
    seed: row.seed,
    createdAt: row.created_at,
    deadlineAt: row.deadline_at,
    expiresAt: row.expires_at,
    submittedAt: row.submitted_at,
    form,
    answers: row.answers,
    credits: row.credits,
    points: row.points,
    passed: row.passed === null ? null : row.passed === 1,
    passingScore: row.passing_score,
    scoring: row.scoring,
    domains: row.domains,
  };
}

/** The per-domain points of a graded attempt, as the learner's object stored them at submit. */
export function domainSums(text: string | null): Array<{ id: string; points: number; total: number }> {
  if (!text) return [];
  return text.split(';').flatMap((part) => {
    const m = /^(.+)=([\d.]+)\/(\d+)$/.exec(part);
    return m ? [{ id: m[1] as string, points: Number(m[2]), total: Number(m[3]) }] : [];
  });
}

/** The decoded attempt (form entries, answer slots, credits). */
export function toStored(wire: WireAttempt, form: FormEntry[] = parseForm(wire.form)): StoredAttempt {
  return {
    ...wire,
    form,
    slots: decodeAnswers(wire.answers, form.length),
    credits: wire.credits === null ? null : decodeCredits(wire.credits, form.length),
  };
}

export function progressOf(slots: readonly Slot[]) {
  return {
    total: slots.length,
    answered: slots.filter((s) => s.answer !== null).length,
    flagged: slots.filter((s) => s.flagged).length,
  };
}

/** Open = answers can still change: not submitted, and (timed) the deadline + grace not passed. */
export function isOpen(
  a: Pick<StoredAttempt, 'submittedAt' | 'deadlineAt'>,
  now: number,
  graceMs: number,
): boolean {
  return a.submittedAt === null && (a.deadlineAt === null || now <= a.deadlineAt + graceMs);
}
