import { useState } from 'preact/hooks';
import { api } from '../api';
import { AsyncPage } from '../components/AsyncPage';
import { ScoreBars } from '../components/Bars';
import { Explanation, lettersOf, QuestionView } from '../components/QuestionView';
import { useAsync, useTitle } from '../hooks';
import type { AttemptView, QuestionResult, ReportView } from '../model';
import { markSubmitted, requireAttempt } from '../storage';
import './ResultsPage.css';

type Loaded = { attempt: AttemptView; report?: ReportView };

async function loadResults(attemptId: string): Promise<Loaded> {
  const creds = requireAttempt(attemptId);
  const attempt = await api.attempt(attemptId, creds.token);
  if (attempt.status === 'in_progress') return { attempt };
  // Past the deadline but never submitted (the tab was closed): submitting grades what was saved.
  if (attempt.status === 'expired') await api.submit(attemptId, creds.token);
  const report = await api.report(attemptId, creds.token);
  markSubmitted(attemptId);
  return { attempt, report };
}

export function ResultsPage({ attemptId }: { attemptId: string }) {
  const data = useAsync(() => loadResults(attemptId), [attemptId]);
  useTitle(data.status === 'ok' ? `Results · ${data.data.attempt.examTitle}` : 'Results');
  return (
    <AsyncPage state={data} loading="Loading your results…">
      {({ attempt, report }) =>
        report ? (
          <Report report={report} />
        ) : (
          <div class="wrap page">
            <h1>This attempt is still in progress</h1>
            <p>Results appear once you submit it.</p>
            <a class="btn btn-primary" href={`/attempts/${attempt.id}`}>
              Return to the attempt
            </a>
          </div>
        )
      }
    </AsyncPage>
  );
}

type Filter = 'all' | 'wrong';
const FILTERS: { value: Filter; label: string }[] = [
  { value: 'all', label: 'All' },
  { value: 'wrong', label: 'Incorrect' },
];

function Report({ report }: { report: ReportView }) {
  const [filter, setFilter] = useState<Filter>('all');
  const domainName = new Map(report.domains.map((d) => [d.id, d.name]));
  const timedOut = new URLSearchParams(location.search).has('timeout') || report.overtime;
  const items = report.questions;
  const wrongCount = items.filter((r) => !r.correct).length;

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

      <section class={`score-hero ${report.passed ? 'pass' : 'fail'}`} aria-labelledby="score-title">
        <h2 id="score-title" class="sr-only">
          Score
        </h2>
        <p class="score-big" data-testid="score-percent">
          {fmtPct(report.percent)}%
        </p>
        <div>
          <p class={`pass-badge ${report.passed ? 'pass' : 'fail'}`} data-testid="pass-state">
            {report.passed ? 'Passed' : 'Not passed'}
          </p>
          <p>
            <span data-testid="score-correct">{report.correct}</span> of{' '}
            <span data-testid="score-total">{report.total}</span> correct
            {report.points !== report.correct ? ` (${fmtNum(report.points)} points with partial credit)` : ''}{' '}
            · passing score {report.passingScore}%
          </p>
          <p class="muted">
            {report.mode === 'exam' ? 'Timed practice exam' : 'Practice session'}
            {' · submitted '}
            {new Date(report.submittedAt).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' })}
          </p>
        </div>
      </section>

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

      <section aria-labelledby="review-title" class="review">
        <div class="review-head">
          <h2 id="review-title">Review</h2>
          <fieldset class="segmented">
            <legend class="sr-only">Show</legend>
            {FILTERS.map(({ value, label }) => (
              <label key={value}>
                <input
                  type="radio"
                  name="review-filter"
                  checked={filter === value}
                  onChange={() => setFilter(value)}
                />
                <span>
                  {label} ({value === 'all' ? items.length : wrongCount})
                </span>
              </label>
            ))}
          </fieldset>
        </div>
        {filter === 'wrong' && wrongCount === 0 && (
          <p class="state state-empty">Nothing to review — all correct.</p>
        )}
        <ol class="review-list">
          {items.map((r, i) =>
            filter === 'wrong' && r.correct ? null : (
              <ReviewItem key={r.question.id} n={i + 1} r={r} domain={domainName.get(r.domain) ?? r.domain} />
            ),
          )}
        </ol>
      </section>

      <p class="actions">
        <a class="btn btn-primary" href={`/exams/${report.examId}`}>
          Practice again
        </a>
        <a class="btn btn-ghost" href="/">
          All exams
        </a>
      </p>
    </div>
  );
}

function ReviewItem({ n, r, domain }: { n: number; r: QuestionResult; domain: string }) {
  const q = r.question;
  const unanswered = r.answer.length === 0;
  const verdict = r.correct
    ? 'Correct'
    : unanswered
      ? 'Unanswered'
      : r.credit > 0
        ? 'Partly correct'
        : 'Incorrect';
  return (
    <li
      class={`review-item ${r.correct ? 'ok' : 'bad'}`}
      data-question-id={q.id}
      data-answer={r.answer.join(',')}
      data-correct-options={r.correctOptions.join(',')}
      data-correct={String(r.correct)}
    >
      <details open={!r.correct}>
        <summary>
          <span class="review-n">Question {n}</span>
          <span class={`verdict-pill ${r.correct ? 'ok' : 'bad'}`}>{verdict}</span>
          {r.flagged && <span class="flag-pill">⚑ flagged</span>}
          <span class="review-domain">{domain}</span>
        </summary>
        <QuestionView
          question={q}
          idPrefix={`review-${n}`}
          selected={r.answer}
          feedback={{ correctOptions: r.correctOptions, rationales: r.rationales }}
        />
        <p class="answer-line">
          Your answer: <strong>{unanswered ? 'none' : lettersOf(q, r.answer)}</strong> · Correct:{' '}
          <strong>{lettersOf(q, r.correctOptions)}</strong>
        </p>
        <Explanation html={r.explanationHtml} />
      </details>
    </li>
  );
}

function fmtPct(p: number): string {
  return (Math.round(p * 10) / 10).toString();
}
function fmtNum(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}
