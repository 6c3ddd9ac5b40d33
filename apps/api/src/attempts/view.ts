/** An attempt as the learner sees it: its questions in its order, answers, flags, time left. */
import type { PublicQuestion } from '@examdown/compiler/schema';
import type { ExamIndex } from '../bundle.js';
import { type Content, examOr404 } from '../bundle-store.js';
import type { AttemptState } from '../schemas/attempts.js';
import { orderOptions } from './option-order.js';
import { type AttemptQuestionRow, type AttemptRow, parseAnswer } from './store.js';

export const iso = (ms: number) => new Date(ms).toISOString();

/** The exam the attempt was drawn from; 404 `exam_not_found` once the content no longer has it. */
export function examOfAttempt(content: Content, attempt: AttemptRow): ExamIndex {
  return examOr404(
    content,
    attempt.exam_id,
    `The exam '${attempt.exam_id}' of this attempt no longer exists.`,
  );
}

function statusOf(attempt: AttemptRow, now: number): AttemptState['status'] {
  if (attempt.submitted_at !== null) return 'submitted';
  if (attempt.deadline_at !== null && now > attempt.deadline_at) return 'expired';
  return 'in_progress';
}

function progressOf(rows: readonly AttemptQuestionRow[]): AttemptState['progress'] {
  return {
    total: rows.length,
    answered: rows.filter((r) => r.answer !== null).length,
    flagged: rows.filter((r) => r.flagged === 1).length,
  };
}

export function attemptState(
  questionsById: ReadonlyMap<string, PublicQuestion>,
  index: ExamIndex,
  attempt: AttemptRow,
  rows: readonly AttemptQuestionRow[],
  now: number,
): AttemptState {
  const questions = rows.flatMap((row) => {
    const question = questionsById.get(row.question_id);
    if (!question) return [];
    return [
      {
        position: row.position,
        question: { ...question, options: orderOptions(question.options, row.option_order) },
        answer: parseAnswer(row.answer),
        flagged: row.flagged === 1,
      },
    ];
  });
  const { exam } = index;
  return {
    id: attempt.id,
    examId: exam.id,
    examTitle: exam.title,
    mode: attempt.mode,
    status: statusOf(attempt, now),
    createdAt: iso(attempt.created_at),
    deadline: attempt.deadline_at === null ? null : iso(attempt.deadline_at),
    serverTime: iso(now),
    timeLeftSeconds:
      attempt.deadline_at === null
        ? null
        : attempt.submitted_at !== null
          ? 0
          : Math.max(0, Math.floor((attempt.deadline_at - now) / 1000)),
    durationMinutes: attempt.mode === 'exam' ? exam.durationMinutes : null,
    passingScore: exam.passingScore,
    progress: progressOf(rows),
    questions,
    score:
      attempt.score_percent === null || attempt.passed === null
        ? null
        : { percent: Math.round(attempt.score_percent * 10) / 10, passed: attempt.passed === 1 },
  };
}
