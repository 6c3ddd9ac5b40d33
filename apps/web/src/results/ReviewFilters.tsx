import type { DomainScore, QuestionResult } from '../model';
import { countByDomain, countByShow, type ReviewFilter, SHOW_LABEL, SHOW_OPTIONS } from './filters';
import './ReviewFilters.css';

/** "Show" as a radio group (arrow keys move within it) and the domain as a select, with counts. */
export function ReviewFilters({
  results,
  domains,
  filter,
  onChange,
}: {
  results: QuestionResult[];
  domains: DomainScore[];
  filter: ReviewFilter;
  onChange: (next: ReviewFilter) => void;
}) {
  const byShow = countByShow(results, filter.domain);
  const byDomain = countByDomain(results, filter.show);
  return (
    <div class="review-filters">
      <fieldset class="chips">
        <legend class="sr-only">Show</legend>
        {SHOW_OPTIONS.map((show) => (
          <label key={show}>
            <input
              type="radio"
              name="review-show"
              value={show}
              checked={filter.show === show}
              onChange={() => onChange({ ...filter, show })}
            />
            <span>
              {SHOW_LABEL[show]} <span class="chip-count">({byShow[show]})</span>
            </span>
          </label>
        ))}
      </fieldset>
      {domains.length > 1 && (
        <label class="domain-filter">
          <span>Domain</span>
          <select
            name="review-domain"
            value={filter.domain ?? ''}
            onChange={(e) =>
              onChange({ ...filter, domain: (e.currentTarget as HTMLSelectElement).value || null })
            }
          >
            <option value="">All domains ({byDomain.get(null) ?? 0})</option>
            {domains.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name} ({byDomain.get(d.id) ?? 0})
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
