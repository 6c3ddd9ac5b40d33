import type { Domain } from '../model';
import './Bars.css';

/** Domain colours come from classes (`domain-c0` …, Bars.css): prerendered pages allow no inline styles (CSP). */
const DOMAIN_COLORS = 8;

export function domainClass(i: number): string {
  return `domain-c${i % DOMAIN_COLORS}`;
}

/**
 * The blueprint as one stacked bar; the table next to it carries the same numbers as text. SVG
 * geometry is attributes, not styles, so the bar is drawn in prerendered HTML under a strict CSP
 * and without JavaScript.
 */
export function WeightBar({ domains }: { domains: Domain[] }) {
  const total = domains.reduce((sum, d) => sum + d.weight, 0) || 1;
  let x = 0;
  const segments = domains.map((d, i) => {
    const width = (100 * d.weight) / total;
    const segment = { d, i, x, width };
    x += width;
    return segment;
  });
  return (
    <figure class="weight-bar-figure">
      <svg class="weight-bar" role="img" aria-label={domains.map((d) => `${d.name} ${d.weight}%`).join(', ')}>
        {segments.map(({ d, i, x, width }) => (
          <g key={d.id}>
            <title>{`${d.name}: ${d.weight}%`}</title>
            <rect
              class={`weight-seg ${domainClass(i)}`}
              x={`${x}%`}
              y="0"
              width={`${width}%`}
              height="100%"
            />
            {width >= 6 && (
              <text class="weight-seg-label" x={`${x + width / 2}%`} y="50%">
                {d.weight}%
              </text>
            )}
          </g>
        ))}
      </svg>
      <figcaption class="legend">
        {domains.map((d, i) => (
          <span class="legend-item" key={d.id}>
            <span class={`swatch ${domainClass(i)}`} aria-hidden="true" />
            {d.name}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

/** One horizontal bar per domain with the passing line drawn across all of them. */
export function ScoreBars({
  rows,
  passingScore,
}: {
  rows: { id: string; name: string; percent: number; correct: number; total: number }[];
  passingScore: number;
}) {
  return (
    <ul class="score-bars">
      {rows.map((r) => {
        const pct = Math.max(0, Math.min(100, r.percent));
        const below = r.percent < passingScore;
        return (
          <li key={r.id} class={`score-row ${below ? 'below' : 'above'}`}>
            <div class="score-row-head">
              <span class="score-name">{r.name}</span>
              <span class="score-value">
                {Math.round(r.percent)}%{' '}
                <span class="muted">
                  ({formatCount(r.correct)}/{r.total})
                </span>
                <span class="sr-only">
                  {below ? ', below the passing line' : ', at or above the passing line'}
                </span>
              </span>
            </div>
            <div class="score-track" aria-hidden="true">
              <span class="score-fill" style={{ width: `${pct}%` }} />
              <span class="pass-line" style={{ left: `${passingScore}%` }} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}

function formatCount(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
}
