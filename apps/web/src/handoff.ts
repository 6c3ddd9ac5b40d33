import type { AttemptView, ReportView } from './model';

/**
 * A response handed from the page that received it to the page it opens, so that page does not
 * ask the API for the same thing again: a start's attempt to the runner, a submit's report to the
 * results. Kept in sessionStorage (this tab only) because a start on a prerendered exam page opens
 * the runner as a new document. Taken once and only while fresh, so a reload, a resume later or
 * another tab reads the server (the attempt's answers may have changed since).
 */
const FRESH_MS = 60_000;

interface Kept<T> {
  id: string;
  at: number;
  value: T;
}

function handoff<T>(name: string) {
  const key = `examdown:handoff:${name}`;
  return {
    keep(id: string, value: T): void {
      try {
        sessionStorage.setItem(key, JSON.stringify({ id, at: Date.now(), value } satisfies Kept<T>));
      } catch {
        // Storage full or disabled: the next page asks the API.
      }
    },
    take(id: string): T | undefined {
      try {
        const raw = sessionStorage.getItem(key);
        sessionStorage.removeItem(key);
        const kept = raw ? (JSON.parse(raw) as Kept<T>) : undefined;
        const fresh = kept && kept.id === id && Date.now() - kept.at < FRESH_MS;
        return fresh ? kept.value : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

export const startedAttempt = handoff<AttemptView>('started');
export const submittedReport = handoff<ReportView>('submitted');
