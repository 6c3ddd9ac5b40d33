import type { Domain } from '../model';
import { ScoreChart } from './ScoreChart';
import { domainPoints, type ScoredAttempt } from './series';

/**
 * Small multiples: one chart per blueprint domain on the same attempt axis as the overall chart,
 * each in its domain's colour. A drill that skipped a domain leaves no point there.
 */
export function DomainTrends({
  domains,
  attempts,
  passingScore,
}: {
  domains: readonly Domain[];
  attempts: readonly ScoredAttempt[];
  passingScore: number;
}) {
  return (
    <section class="domain-trends" aria-labelledby="domain-trends-title">
      <h3 id="domain-trends-title">By domain</h3>
      <ul class="trend-grid">
        {domains.map((d, i) => {
          const points = domainPoints(attempts, d.id);
          return (
            <li key={d.id}>
              <h4 class="trend-title">{d.name}</h4>
              {points.length === 0 ? (
                <p class="muted">No questions from this domain yet.</p>
              ) : (
                <ScoreChart
                  points={points}
                  count={attempts.length}
                  passingScore={passingScore}
                  height={130}
                  colorClass={`trend-c${i % 8}`}
                  label={`${d.name}: ${trendSummary(points.map((p) => p.percent))}`}
                />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** "3 attempts, latest 60%, best 80%", the gist of a line for a screen reader. */
export function trendSummary(percents: readonly number[]): string {
  const latest = percents.at(-1) ?? 0;
  const best = Math.max(...percents);
  const n = percents.length;
  return `${n} ${n === 1 ? 'attempt' : 'attempts'}, latest ${latest}%, best ${best}%`;
}
