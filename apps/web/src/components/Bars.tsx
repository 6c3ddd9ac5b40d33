import type { Domain } from '../model';
import './Bars.css';

const PALETTE = ['#1d4ed8', '#0f766e', '#b45309', '#7c3aed', '#be123c', '#4d7c0f', '#0369a1', '#a21caf'];

export function domainColor(i: number): string {
  return PALETTE[i % PALETTE.length] ?? '#1d4ed8';
}

/** The blueprint as one stacked bar; the table next to it carries the same numbers as text. */
export function WeightBar({ domains }: { domains: Domain[] }) {
  return (
    <figure class="weight-bar-figure">
      <div class="weight-bar" role="img" aria-label={domains.map((d) => `${d.name} ${d.weight}%`).join(', ')}>
        {domains.map((d, i) => (
          <span
            key={d.id}
            class="weight-seg"
            style={{ flexGrow: d.weight, flexBasis: 0, background: domainColor(i) }}
            title={`${d.name}: ${d.weight}%`}
          >
            <span class="weight-seg-label">{d.weight}%</span>
          </span>
        ))}
      </div>
      <figcaption class="legend">
        {domains.map((d, i) => (
          <span class="legend-item" key={d.id}>
            <span class="swatch" style={{ background: domainColor(i) }} aria-hidden="true" />
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
