import { Explanation, lettersOf, QuestionView } from '../components/QuestionView';
import type { QuestionResult } from '../model';
import { OUTCOME_ICON, OUTCOME_LABEL, outcomeOf } from './outcome';
import './QuestionRow.css';

/** The id of question `n`'s row: the grid's links point at it. */
export function rowId(n: number): string {
  return `review-q${n}`;
}

/**
 * One question of the review, collapsed to a line (number, result, domain) until opened; open, the
 * full review: stem, options marked chosen and correct, rationales and explanation. A native
 * <details>, so it opens with Enter or Space and says whether it is expanded.
 */
export function QuestionRow({
  n,
  result: r,
  domainName,
  secondsSpent,
  hidden,
}: {
  n: number;
  result: QuestionResult;
  domainName: string;
  /** Time on the question, once the report carries it (it does not yet); omitted, not shown. */
  secondsSpent?: number;
  hidden?: boolean;
}) {
  const q = r.question;
  const outcome = outcomeOf(r);
  return (
    <li
      id={rowId(n)}
      class={`review-item is-${outcome} ${r.correct ? 'ok' : 'bad'}`}
      hidden={hidden}
      data-question-id={q.id}
      data-outcome={outcome}
      data-domain={r.domain}
      data-flagged={String(r.flagged)}
      data-answer={r.answer.join(',')}
      data-correct-options={r.correctOptions.join(',')}
      data-correct={String(r.correct)}
    >
      <details>
        <summary>
          <span class="review-n">Question {n}</span>
          <span class={`verdict-pill is-${outcome}`}>
            <span aria-hidden="true">{OUTCOME_ICON[outcome]} </span>
            {OUTCOME_LABEL[outcome]}
          </span>
          {r.flagged && (
            <span class="flag-pill">
              <span aria-hidden="true">⚑ </span>Flagged
            </span>
          )}
          <span class="review-domain">{domainName}</span>
          {secondsSpent !== undefined && (
            <span class="review-time">
              <span class="sr-only">Time spent: </span>
              {formatSeconds(secondsSpent)}
            </span>
          )}
        </summary>
        <div class="review-body">
          <QuestionView
            question={q}
            idPrefix={`review-${n}`}
            selected={r.answer}
            feedback={{ correctOptions: r.correctOptions, rationales: r.rationales }}
          />
          <p class="answer-line">
            Your answer: <strong>{r.answer.length === 0 ? 'none' : lettersOf(q, r.answer)}</strong> · Correct:{' '}
            <strong>{lettersOf(q, r.correctOptions)}</strong>
          </p>
          <Explanation html={r.explanationHtml} />
        </div>
      </details>
    </li>
  );
}

function formatSeconds(s: number): string {
  const m = Math.floor(s / 60);
  return m > 0 ? `${m}\u00a0min ${Math.round(s % 60)}\u00a0s` : `${Math.round(s)}\u00a0s`;
}
