import { READINESS_MIN_ANSWERS } from '@examdown/compiler/shared';
import type { Readiness } from '../learner-api';
import { READINESS_DOCS_URL } from './docs-links';
import { formatChance } from './format';

/**
 * The chance of passing the real exam now, with its 80% interval, or what is still missing before
 * a number means anything. The mean can lie outside the interval (skewed samples), so the two are
 * shown as they come, never reordered or clamped into each other.
 */
export function ReadinessSummary({ readiness }: { readiness: Readiness }) {
  return (
    <section class="readiness" aria-labelledby="readiness-title">
      <h3 id="readiness-title">Readiness</h3>
      {readiness.enoughData ? (
        <p class="readiness-figure" data-testid="readiness">
          Estimated chance of passing now: <strong>{formatChance(readiness.probability)}</strong>{' '}
          <span class="readiness-interval">
            (80% interval {formatChance(Math.min(readiness.low, readiness.high))}–
            {formatChance(Math.max(readiness.low, readiness.high))})
          </span>
        </p>
      ) : (
        <p class="readiness-figure" data-testid="readiness">
          {missingEvidence(readiness)}
        </p>
      )}
      <p class="muted readiness-method">
        {readiness.method} <a href={READINESS_DOCS_URL}>How readiness is estimated</a>
      </p>
    </section>
  );
}

/** Why there is no number yet: too few answers overall, or a domain of the exam never practised. */
export function missingEvidence(r: Readiness): string {
  const more = READINESS_MIN_ANSWERS - r.answered;
  if (more > 0)
    return `Answer at least ${more} more ${more === 1 ? 'question' : 'questions'} to see your estimated chance of passing (${r.answered} of ${READINESS_MIN_ANSWERS} so far).`;
  const untried = r.domains.filter((d) => d.seats > 0 && d.answered === 0).map((d) => d.name);
  return `Answer questions from every domain to see your estimated chance of passing; not practised yet: ${untried.join(', ')}.`;
}
