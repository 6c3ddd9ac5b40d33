import type { HistoryEntry } from '../learner-api';
import { formatDateTime, formatDuration, formatPercent, modeName } from './format';

/**
 * Every attempt of the exam, newest first. Results open only in the browser holding the
 * attempt's token; an unfinished attempt links to its runner instead.
 */
export function HistoryList({ history }: { history: readonly HistoryEntry[] }) {
  return (
    <section aria-labelledby="history-title">
      <h3 id="history-title">History</h3>
      <ol class="history">
        {history.map((h) => (
          <li key={h.id} class="history-item" data-attempt-id={h.id}>
            <div class="history-when">
              <span class="history-mode">{modeName(h.mode)}</span>
              <time dateTime={h.createdAt} class="muted">
                {formatDateTime(h.createdAt)}
              </time>
            </div>
            <div class="history-outcome">
              <Outcome entry={h} />
              {h.durationSeconds !== null && (
                <span class="muted">
                  <span class="sr-only">Time taken: </span>
                  {formatDuration(h.durationSeconds)}
                </span>
              )}
            </div>
            {h.status === 'submitted' ? (
              <a href={`/attempts/${h.id}/results`} class="history-link">
                Results
                <span class="sr-only">
                  {' '}
                  of the {modeName(h.mode).toLowerCase()} of {formatDateTime(h.createdAt)}
                </span>
              </a>
            ) : h.status === 'in_progress' ? (
              <a href={`/attempts/${h.id}`} class="history-link">
                Resume
                <span class="sr-only">
                  {' '}
                  the {modeName(h.mode).toLowerCase()} of {formatDateTime(h.createdAt)}
                </span>
              </a>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Outcome({ entry }: { entry: HistoryEntry }) {
  const { score, status } = entry;
  if (!score) return <span class="muted">{status === 'expired' ? 'Expired' : 'In progress'}</span>;
  return (
    <>
      <strong class="history-score" data-score>
        {formatPercent(score.percent)}
      </strong>
      {score.passed !== null && <PassState passed={score.passed} />}
    </>
  );
}

/** PASSED / NOT PASSED, for timed exams only (a drill has no pass mark). */
export function PassState({ passed }: { passed: boolean }) {
  return (
    <span class={`pass-pill ${passed ? 'is-passed' : 'is-failed'}`}>{passed ? 'PASSED' : 'NOT PASSED'}</span>
  );
}
