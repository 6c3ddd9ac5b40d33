/**
 * What every way of starting an attempt does next (a start, a retake, a review): keep the
 * attempt's credentials in this browser, hand the started attempt to the runner, and give the
 * runner's path.
 */
import { startedAttempt } from '../handoff';
import type { AttemptView } from '../model';
import { saveAttempt } from '../storage';

export function rememberStarted({ token, attempt }: { token: string; attempt: AttemptView }): string {
  saveAttempt({
    id: attempt.id,
    token,
    examId: attempt.examId,
    examTitle: attempt.examTitle,
    mode: attempt.mode,
    startedAt: new Date().toISOString(),
    deadline: attempt.deadlineAt === null ? null : new Date(attempt.deadlineAt).toISOString(),
  });
  // The runner shows the started attempt without reading it back.
  startedAttempt.keep(attempt.id, attempt);
  return `/attempts/${attempt.id}`;
}
