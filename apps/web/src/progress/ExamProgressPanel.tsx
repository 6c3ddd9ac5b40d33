import { useEffect } from 'preact/hooks';
import { ErrorState, Loading } from '../components/ui';
import { useAsync, useClientValue } from '../hooks';
import { type ExamProgress, learnerApi } from '../learner-api';
import type { Exam } from '../model';
import { DomainTrends, trendSummary } from './DomainTrends';
import { HistoryList } from './HistoryList';
import { ReadinessSummary } from './ReadinessSummary';
import { ReviewDue } from './ReviewDue';
import { ChartLegend, ScoreChart } from './ScoreChart';
import { ScoreTable } from './ScoreTable';
import { overallPoints, scoredAttempts } from './series';
import './progress.css';

type ExamLike = Pick<Exam, 'id' | 'passingScore' | 'domains'>;

/**
 * An exam page's "Your progress": this learner's attempts, review cards and readiness, which only
 * the API knows (the session cookie). The prerendered page holds the one-line placeholder, the
 * same as the first render here, so hydration matches; the real content comes after the fetch.
 */
export function ExamProgressPanel({ exam }: { exam: ExamLike }) {
  const mounted = useClientValue(() => true, false);
  const progress = useAsync(() => learnerApi.progress(exam.id), [exam.id]);
  useRefreshOnReturn(progress.reload);

  let body = <Placeholder />;
  if (mounted && progress.status === 'loading') body = <Loading label="Loading your progress…" />;
  if (progress.status === 'error') body = <ErrorState error={progress.error} onRetry={progress.reload} />;
  if (progress.status === 'ok' && hasProgress(progress.data))
    body = <ProgressDetail exam={exam} progress={progress.data} />;

  return (
    <section class="progress" aria-labelledby="progress-title">
      <h2 id="progress-title">Your progress</h2>
      {body}
    </section>
  );
}

const hasProgress = (p: ExamProgress) => p.history.length > 0 || p.cards > 0;

function Placeholder() {
  return <p class="muted progress-placeholder">Your results will appear here after your first attempt.</p>;
}

/**
 * A page restored from the back/forward cache keeps its old progress (a review just done would
 * not show): fetch it again whenever the page comes back that way.
 */
function useRefreshOnReturn(reload: () => void) {
  useEffect(() => {
    const onShow = (e: PageTransitionEvent) => {
      if (e.persisted) reload();
    };
    addEventListener('pageshow', onShow);
    return () => removeEventListener('pageshow', onShow);
  }, [reload]);
}

function ProgressDetail({ exam, progress }: { exam: ExamLike; progress: ExamProgress }) {
  const attempts = scoredAttempts(progress.history);
  const points = overallPoints(attempts);
  return (
    <>
      <div class="progress-summary">
        <ReviewDue progress={progress} />
        <ReadinessSummary readiness={progress.readiness} />
      </div>
      {attempts.length > 0 && (
        <section aria-labelledby="score-chart-title">
          <h3 id="score-chart-title">Score over attempts</h3>
          <ScoreChart
            points={points}
            count={attempts.length}
            passingScore={exam.passingScore}
            label={`Score over attempts: ${trendSummary(points.map((p) => p.percent))}; pass mark ${exam.passingScore}%.`}
          />
          <ChartLegend passingScore={exam.passingScore} />
          <DomainTrends domains={exam.domains} attempts={attempts} passingScore={exam.passingScore} />
          <ScoreTable attempts={attempts} domains={exam.domains} />
        </section>
      )}
      {progress.history.length > 0 && <HistoryList history={progress.history} />}
    </>
  );
}
