import { ErrorState } from '../components/ui';
import { useAsync } from '../hooks';
import { type LearnerSummary, learnerApi } from '../learner-api';
import { formatDateTime, formatPercent, modeName } from './format';
import { PassState } from './HistoryList';
import { ReviewButton } from './ReviewButton';
import './progress.css';

/**
 * The home page's "Your progress": the newest results of every exam and the review cards due per
 * exam. A new visitor (no session) gets nothing, and nothing shows while it loads: the catalogue
 * is what the page is for, and most visitors have no progress to wait for.
 */
export function HomeProgress() {
  const me = useAsync(() => learnerApi.me(), []);
  if (me.status === 'error') return <ErrorState error={me.error} onRetry={me.reload} />;
  if (me.status !== 'ok') return null;
  const due = me.data.exams.filter((e) => e.due > 0);
  if (me.data.recent.length === 0 && due.length === 0) return null;
  return (
    <section class="home-progress panel" aria-labelledby="home-progress-title">
      <h2 id="home-progress-title">Your progress</h2>
      <div class="home-progress-grid">
        {me.data.recent.length > 0 && <RecentResults recent={me.data.recent} />}
        {due.length > 0 && <DueReviews exams={due} />}
      </div>
    </section>
  );
}

function RecentResults({ recent }: { recent: LearnerSummary['recent'] }) {
  return (
    <section aria-labelledby="recent-title">
      <h3 id="recent-title">Recent results</h3>
      <ul class="link-list recent-list">
        {recent.map((r) => (
          <li key={r.id} class="recent-item" data-attempt-id={r.id}>
            <a href={`/attempts/${r.id}/results`}>
              {r.examTitle}
              <span class="sr-only">, {modeName(r.mode).toLowerCase()} results</span>
            </a>
            <p class="recent-meta">
              <span class="muted">
                {modeName(r.mode)} · <time dateTime={r.createdAt}>{formatDateTime(r.createdAt)}</time>
              </span>
              {r.score && (
                <>
                  {' '}
                  <strong data-score>{formatPercent(r.score.percent)}</strong>
                  {r.score.passed !== null && (
                    <>
                      {' '}
                      <PassState passed={r.score.passed} />
                    </>
                  )}
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

function DueReviews({ exams }: { exams: LearnerSummary['exams'] }) {
  return (
    <section aria-labelledby="due-title">
      <h3 id="due-title">Due for review</h3>
      <ul class="link-list due-list">
        {exams.map((e) => (
          <li key={e.examId} class="due-item" data-exam-id={e.examId}>
            <a href={`/exams/${e.examId}`}>{e.examTitle}</a>
            <ReviewButton
              examId={e.examId}
              extraLabel={`of ${e.examTitle}`}
            >{`Review ${e.due} due`}</ReviewButton>
          </li>
        ))}
      </ul>
    </section>
  );
}
