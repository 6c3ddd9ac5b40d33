/**
 * The scored attempts of an exam in the order they were taken, numbered from 1: what the chart,
 * its per-domain trends and the table of numbers all draw from, so the three always agree.
 */
import type { HistoryEntry } from '../learner-api';

export interface ScoredAttempt {
  /** 1 for the first scored attempt. */
  n: number;
  id: string;
  mode: 'exam' | 'practice';
  at: string;
  percent: number;
  /** Percent per domain id; a domain the attempt had no question from is absent. */
  domains: Record<string, number>;
}

export function scoredAttempts(history: readonly HistoryEntry[]): ScoredAttempt[] {
  return history
    .filter((h) => h.score !== null)
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))
    .map((h, i) => ({
      n: i + 1,
      id: h.id,
      mode: h.mode,
      at: h.submittedAt ?? h.createdAt,
      percent: h.score?.percent ?? 0,
      domains: Object.fromEntries(h.domains.filter((d) => d.total > 0).map((d) => [d.id, d.percent])),
    }));
}

/** One point of a chart line: attempt number, percent, and how it was taken. */
export interface Point {
  n: number;
  percent: number;
  mode: 'exam' | 'practice';
}

export const overallPoints = (attempts: readonly ScoredAttempt[]): Point[] =>
  attempts.map((a) => ({ n: a.n, percent: a.percent, mode: a.mode }));

/** A domain's line: only the attempts that asked something from it. */
export function domainPoints(attempts: readonly ScoredAttempt[], domainId: string): Point[] {
  return attempts.flatMap((a) => {
    const percent = a.domains[domainId];
    return percent === undefined ? [] : [{ n: a.n, percent, mode: a.mode }];
  });
}
