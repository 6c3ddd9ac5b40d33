import type { ExamProgress } from '../learner-api';
import { formatDay } from './format';
import { ReviewButton } from './ReviewButton';

/**
 * Spaced repetition: how many of the questions answered before are due again, with the button
 * that drills them; otherwise when the next one falls due. Nothing when no card exists yet.
 */
export function ReviewDue({ progress }: { progress: ExamProgress }) {
  const { due, nextDueAt, examId } = progress;
  if (due > 0)
    return (
      <div class="review-due" data-testid="review-due">
        <p>
          <strong data-testid="due-count">{due}</strong> {due === 1 ? 'question' : 'questions'} due for review
        </p>
        <ReviewButton examId={examId}>Review now</ReviewButton>
      </div>
    );
  if (nextDueAt)
    return (
      <p class="review-due" data-testid="review-due">
        Next review: <time dateTime={nextDueAt}>{formatDay(nextDueAt)}</time>
      </p>
    );
  return null;
}
