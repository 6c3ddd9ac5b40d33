/** An attempt as the learner sees it: its questions in its order, answers, flags, time left. */
import type { ExamIndex, ServedQuestion } from '../bundle.js';
import { type Content, examOr404 } from '../bundle-store.js';
import { progressOf, type StoredAttempt } from '../learner/stored.js';
import type { AttemptState } from '../schemas/attempts.js';
import { orderOptions } from './option-order.js';

export const iso = (ms: number) => new Date(ms).toISOString();

/** The exam the attempt was drawn from; 404 `exam_not_found` once the content no longer has it. */
export function examOfAttempt(content: Content, attempt: Pick<StoredAttempt, 'examId'>): ExamIndex {
  return examOr404(content, attempt.examId, `The exam '${attempt.examId}' of this attempt no longer exists.`);
}

/** The public forms of the versions this attempt drew (not the live ones: they may have changed). */
export function formQuestions(content: Content, attempt: StoredAttempt) {
  return content.questionVersions(attempt.form.map((f) => ({ id: f.questionId, hash: f.hash })));
}

function statusOf(attempt: StoredAttempt, now: number): AttemptState['status'] {
  if (attempt.submittedAt !== null) return 'submitted';
  if (attempt.deadlineAt !== null && now > attempt.deadlineAt) return 'expired';
  return 'in_progress';
}

export function attemptState(
  id: string,
  questionsById: ReadonlyMap<string, ServedQuestion>,
  index: ExamIndex,
  attempt: StoredAttempt,
  now: number,
): AttemptState {
  const questions = attempt.form.flatMap((entry, position) => {
    const question = questionsById.get(entry.questionId);
    const slot = attempt.slots[position];
    if (!question || !slot) return [];
    return [
      {
        position,
        question: { ...question, options: orderOptions(question.options, entry.order) },
        answer: slot.answer,
        flagged: slot.flagged,
        checked: slot.checked,
      },
    ];
  });
  const { exam } = index;
  const total = attempt.form.length;
  const percent = attempt.points === null || total === 0 ? null : (100 * attempt.points) / total;
  return {
    id,
    examId: exam.id,
    examTitle: exam.title,
    mode: attempt.mode,
    status: statusOf(attempt, now),
    createdAt: iso(attempt.createdAt),
    deadline: attempt.deadlineAt === null ? null : iso(attempt.deadlineAt),
    serverTime: iso(now),
    timeLeftSeconds:
      attempt.deadlineAt === null
        ? null
        : attempt.submittedAt !== null
          ? 0
          : Math.max(0, Math.floor((attempt.deadlineAt - now) / 1000)),
    durationMinutes: attempt.mode === 'exam' ? exam.durationMinutes : null,
    passingScore: attempt.passingScore,
    progress: progressOf(attempt.slots),
    questions,
    score:
      percent === null || attempt.passed === null
        ? null
        : { percent: Math.round(percent * 10) / 10, passed: attempt.passed },
  };
}
