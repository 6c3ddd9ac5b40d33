/**
 * A learner's progress, read from their object: the history of attempts (scores per domain as
 * stored at submit), review cards due, and readiness — the chance of passing now, from the
 * latest graded answer to each question (its card) per domain and the exam's blueprint.
 */
import { READINESS_METHOD, readiness } from '@examdown/compiler/shared';
import { iso } from '../attempts/view.js';
import type { ExamIndex } from '../bundle.js';
import type { HistoryEntry } from '../schemas/learner.js';
import { type CardSet, cardList } from './cards.js';
import { domainSums, type WireAttempt } from './stored.js';

const round1 = (x: number) => Math.round(x * 10) / 10;

export function historyEntry(
  learnerId: string,
  a: WireAttempt,
  index: ExamIndex | undefined,
  now: number,
): HistoryEntry {
  const total = a.answers === '' ? 0 : a.answers.split(',').length;
  const names = new Map(index?.exam.domains.map((d) => [d.id, d.name]));
  const graded = a.points !== null && a.submittedAt !== null;
  const expired = a.deadlineAt !== null && now > a.deadlineAt;
  return {
    id: `${learnerId}.${a.local.toString(36)}`,
    examId: a.examId,
    mode: a.mode,
    status: a.submittedAt !== null ? 'submitted' : expired ? 'expired' : 'in_progress',
    questionCount: total,
    createdAt: iso(a.createdAt),
    submittedAt: a.submittedAt === null ? null : iso(a.submittedAt),
    durationSeconds: a.submittedAt === null ? null : Math.round((a.submittedAt - a.createdAt) / 1000),
    score:
      graded && a.points !== null
        ? {
            percent: total === 0 ? 0 : round1((100 * a.points) / total),
            points: a.points,
            total,
            // A drill of a few questions is not an exam: no pass/fail for practice.
            passed: a.mode === 'exam' ? a.passed : null,
          }
        : null,
    domains: domainSums(a.domains).map((d) => ({
      id: d.id,
      name: names.get(d.id) ?? d.id,
      points: d.points,
      total: d.total,
      percent: d.total === 0 ? 0 : round1((100 * d.points) / d.total),
    })),
  };
}

/** Readiness for `index`'s exam from the learner's cards of it (latest credit per question). */
export function readinessOf(index: ExamIndex, cards: CardSet) {
  const domainOf = new Map<string, string>();
  for (const [domain, ids] of index.pool) for (const id of ids) domainOf.set(id, domain);
  const sums = new Map<string, { correct: number; answered: number }>();
  for (const card of cardList(cards)) {
    const domain = domainOf.get(card.questionId);
    if (!domain) continue;
    const sum = sums.get(domain) ?? { correct: 0, answered: 0 };
    sum.correct += card.lastCredit;
    sum.answered += 1;
    sums.set(domain, sum);
  }
  const { exam } = index;
  const domains = exam.domains.map((d) => ({
    id: d.id,
    weight: d.weight,
    correct: Math.round(sums.get(d.id)?.correct ?? 0),
    answered: sums.get(d.id)?.answered ?? 0,
  }));
  const r = readiness({ questionCount: exam.questionCount, passingScore: exam.passingScore, domains });
  const names = new Map(exam.domains.map((d) => [d.id, d.name]));
  return {
    ...r,
    method: READINESS_METHOD,
    domains: r.domains.map((d) => ({ ...d, name: names.get(d.id) ?? d.id })),
  };
}
