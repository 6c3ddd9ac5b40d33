import { MAX_PRACTICE_QUESTIONS } from '@examdown/compiler/shared';
import { useState } from 'preact/hooks';
import { api } from '../api';
import { AsyncPage } from '../components/AsyncPage';
import { ScoreBars } from '../components/Bars';
import { submittedReport } from '../handoff';
import { useAsync, useTitle } from '../hooks';
import type { ReportView } from '../model';
import { matches, NO_FILTER, type ReviewFilter } from '../results/filters';
import { isMissed } from '../results/outcome';
import { rowId } from '../results/QuestionRow';
import { ResultsGrid } from '../results/ResultsGrid';
import { RetakeButton } from '../results/RetakeButton';
import { ReviewSection } from '../results/ReviewSection';
import { markSubmitted, requireAttempt } from '../storage';
import './ResultsPage.css';

/** A graded attempt's report, or the attempt still in progress. */
type Loaded = { report: ReportView; title: string } | { report?: undefined; title: string };

async function loadResults(attemptId: string): Promise<Loaded> {
  const creds = requireAttempt(attemptId);
  // Opened by this tab's submit: its response was the report.
  const submitted = submittedReport.take(attemptId);
  if (submitted) return { report: submitted, title: submitted.examTitle };
  const attempt = await api.attempt(attemptId, creds.token);
  if (attempt.status === 'in_progress') return { title: attempt.examTitle };
  // Past the deadline but never submitted (the tab was closed): submitting grades what was saved.
  const report =
    attempt.status === 'expired'
      ? await api.submit(attemptId, creds.token)
      : await api.report(attemptId, creds.token);
  markSubmitted(attemptId);
  return { report, title: attempt.examTitle };
}

export function ResultsPage({ attemptId }: { attemptId: string }) {
  const data = useAsync(() => loadResults(attemptId), [attemptId]);
  useTitle(data.status === 'ok' ? `Results · ${data.data.title}` : 'Results');
  return (
    <AsyncPage state={data} loading="Loading your results…">
      {({ report }) =>
        report ? (
          <Report report={report} />
        ) : (
          <div class="wrap page">
            <h1>This attempt is still in progress</h1>
            <p>Results appear once you submit it.</p>
            <a class="btn btn-primary" href={`/attempts/${attemptId}`}>
              Return to the attempt
            </a>
          </div>
        )
      }
    </AsyncPage>
  );
}

function Report({ report }: { report: ReportView }) {
  const [filter, setFilter] = useState<ReviewFilter>(NO_FILTER);
  const timedOut = new URLSearchParams(location.search).has('timeout') || report.overtime;
  const results = report.questions;
  const missed = Math.min(results.filter(isMissed).length, MAX_PRACTICE_QUESTIONS);

  // A question picked in the grid opens, even when the filters hide it (they are cleared then).
  const openRow = (i: number) => {
    const result = results[i];
    if (result && !matches(filter, result)) setFilter(NO_FILTER);
    // After the render that un-hides the row.
    requestAnimationFrame(() => {
      const row = document.getElementById(rowId(i + 1));
      const details = row?.querySelector('details');
      if (!row || !details) return;
      details.open = true;
      row.scrollIntoView({ block: 'start' });
      row.querySelector('summary')?.focus({ preventScroll: true });
    });
  };

  return (
    <div class="wrap page results">
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <a href="/">Exams</a> <span aria-hidden="true">/</span>{' '}
        <a href={`/exams/${report.examId}`}>{report.examTitle}</a> <span aria-hidden="true">/</span>{' '}
        <span aria-current="page">Results</span>
      </nav>
      <h1>Your results</h1>
      {timedOut && (
        <p class="notice" role="status">
          Time ran out, so your saved answers were submitted automatically.
        </p>
      )}
      <ScoreHero report={report} />

      <section class="result-overview" aria-label="Questions at a glance">
        <ResultsGrid results={results} onOpen={openRow} />
        <RetakeButton attemptId={report.attemptId} missed={missed} />
      </section>

      <DomainSummary report={report} />

      <ReviewSection results={results} domains={report.domains} filter={filter} onFilter={setFilter} />

      <p class="actions">
        <a class="btn" href={`/exams/${report.examId}`}>
          Practice again
        </a>
        <a class="btn btn-ghost" href="/">
          All exams
        </a>
      </p>
    </div>
  );
}

function ScoreHero({ report }: { report: ReportView }) {
  // A practice drill is not an exam: its score stands on its own, without a verdict.
  const verdict = report.mode === 'exam' ? (report.passed ? 'pass' : 'fail') : null;
  return (
    <section class={`score-hero ${verdict ?? 'practice'}`} aria-labelledby="score-title">
      <h2 id="score-title" class="sr-only">
        Score
      </h2>
      <p class="score-big" data-testid="score-percent">
        {fmtPct(report.percent)}%
      </p>
      <div>
        {verdict && (
          <p class={`pass-badge ${verdict}`} data-testid="pass-state">
            {verdict === 'pass' ? 'Passed' : 'Not passed'}
          </p>
        )}
        <p>
          <span data-testid="score-correct">{report.correct}</span> of{' '}
          <span data-testid="score-total">{report.total}</span> correct
          {report.points !== report.correct ? ` (${fmtNum(report.points)} points with partial credit)` : ''} ·{' '}
          {verdict ? 'passing' : "the exam's passing"} score {report.passingScore}%
        </p>
        <p class="muted">
          {report.mode === 'exam' ? 'Timed practice exam' : 'Practice session'}
          {' · submitted '}
          {new Date(report.submittedAt).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' })}
        </p>
      </div>
    </section>
  );
}

/** Per-domain bars and the study links for the weakest domains. */
function DomainSummary({ report }: { report: ReportView }) {
  return (
    <div class="results-grid">
      <section aria-labelledby="domains-title">
        <h2 id="domains-title">By domain</h2>
        <p class="muted legend-line">
          <span class="pass-line-key" aria-hidden="true" /> The line marks the passing score (
          {report.passingScore}
          %).
        </p>
        <ScoreBars rows={report.domains} passingScore={report.passingScore} />
      </section>
      {report.studyNext.length > 0 && (
        <section class="panel" aria-labelledby="study-title">
          <h2 id="study-title">Study next</h2>
          <ul class="link-list">
            {report.studyNext.map((s) => (
              <li key={s.domain}>
                {s.href ? <a href={s.href}>{s.name}</a> : <strong>{s.name}</strong>}{' '}
                <span class={s.belowPassing ? 'bad-text' : 'muted'}>— {fmtPct(s.percent)}%</span>
                {s.guideTitle && <p class="muted study-guide">In “{s.guideTitle}”</p>}
                {s.topics.length > 0 && (
                  <ul class="study-topics" aria-label={`Key topics of ${s.name}`}>
                    {s.topics.slice(0, 3).map((t) => (
                      <li key={t}>{t}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function fmtPct(p: number): string {
  return (Math.round(p * 10) / 10).toString();
}
function fmtNum(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}
