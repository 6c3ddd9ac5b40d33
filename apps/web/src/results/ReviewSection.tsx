import type { DomainScore, QuestionResult } from '../model';
import { matches, NO_FILTER, type ReviewFilter } from './filters';
import { QuestionRow } from './QuestionRow';
import { ReviewFilters } from './ReviewFilters';

/**
 * Every question as a collapsed row, under the filters. Rows the filters leave out are hidden,
 * not removed, so a row the learner opened is still open when the filters change back.
 */
export function ReviewSection({
  results,
  domains,
  filter,
  onFilter,
}: {
  results: QuestionResult[];
  domains: DomainScore[];
  filter: ReviewFilter;
  onFilter: (next: ReviewFilter) => void;
}) {
  const domainName = new Map(domains.map((d) => [d.id, d.name]));
  const shown = results.filter((r) => matches(filter, r)).length;
  return (
    <section aria-labelledby="review-title" class="review">
      <div class="review-head">
        <h2 id="review-title">Review</h2>
        <ReviewFilters results={results} domains={domains} filter={filter} onChange={onFilter} />
      </div>
      <p class="muted review-count" role="status">
        {shown === results.length
          ? `Showing all ${results.length} questions.`
          : `Showing ${shown} of ${results.length} questions.`}
      </p>
      {shown === 0 && (
        <div class="state state-empty">
          <p>{emptyMessage(filter)}</p>
          <button type="button" class="btn btn-small" onClick={() => onFilter(NO_FILTER)}>
            Show all questions
          </button>
        </div>
      )}
      <ol class="review-list">
        {results.map((r, i) => (
          <QuestionRow
            key={r.question.id}
            n={i + 1}
            result={r}
            domainName={domainName.get(r.domain) ?? r.domain}
            secondsSpent={r.secondsSpent > 0 ? r.secondsSpent : undefined}
            hidden={!matches(filter, r)}
          />
        ))}
      </ol>
    </section>
  );
}

function emptyMessage({ show, domain }: ReviewFilter): string {
  const where = domain === null ? '' : ' in this domain';
  switch (show) {
    case 'incorrect':
      return `No incorrect answers${where}.`;
    case 'unanswered':
      return `Every question${where} was answered.`;
    case 'flagged':
      return `No flagged questions${where}.`;
    default:
      return `No questions${where}.`;
  }
}
