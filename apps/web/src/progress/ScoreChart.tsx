import { useRef } from 'preact/hooks';
import type { Point } from './series';
import { useWidth } from './useWidth';

/**
 * Score over attempts, drawn with plain SVG: x is the attempt number (1 … `count`, shared by
 * every chart of one exam so they line up), y is 0–100%, with the pass mark as a dashed line.
 * Timed exams are filled circles, practice runs hollow diamonds (ChartLegend explains them).
 * The numbers themselves are in the table next to it (ScoreTable); the image has a summary.
 */
export function ScoreChart({
  points,
  count,
  passingScore,
  label,
  height = 220,
  colorClass = 'trend-overall',
}: {
  points: readonly Point[];
  count: number;
  passingScore: number;
  /** The accessible summary of what the chart shows. */
  label: string;
  height?: number;
  colorClass?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box, 560);
  const pad = { left: 40, right: 14, top: 14, bottom: 26 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const x = (n: number) => pad.left + (count <= 1 ? plotW / 2 : ((n - 1) / (count - 1)) * plotW);
  const y = (percent: number) => pad.top + (1 - Math.min(100, Math.max(0, percent)) / 100) * plotH;
  // Room for an attempt number every ~32 px; the last attempt is always labelled.
  const step = Math.max(1, Math.ceil(count / Math.max(1, Math.floor(plotW / 32))));
  const ticks = Array.from({ length: count }, (_, i) => i + 1).filter(
    (n) => (n - 1) % step === 0 || n === count,
  );
  const grid = height >= 180 ? [0, 25, 50, 75, 100] : [0, 50, 100];
  const passY = y(passingScore);

  return (
    <div class="chart-box" ref={box}>
      <svg class={`score-chart ${colorClass}`} role="img" aria-label={label} width={width} height={height}>
        <title>{label}</title>
        <g class="chart-grid">
          {grid.map((g) => (
            <g key={g}>
              <line x1={pad.left} x2={width - pad.right} y1={y(g)} y2={y(g)} />
              <text class="chart-axis" x={pad.left - 6} y={y(g)} text-anchor="end" dominant-baseline="middle">
                {g}%
              </text>
            </g>
          ))}
          {ticks.map((n) => (
            <text key={n} class="chart-axis" x={x(n)} y={height - 6} text-anchor="middle">
              {n}
            </text>
          ))}
        </g>
        <g class="chart-pass">
          <line x1={pad.left} x2={width - pad.right} y1={passY} y2={passY} />
          <text x={width - pad.right} y={passY - 5} text-anchor="end">
            Pass {passingScore}%
          </text>
        </g>
        {points.length > 1 && (
          <polyline class="chart-line" points={points.map((p) => `${x(p.n)},${y(p.percent)}`).join(' ')} />
        )}
        {points.map((p) => (
          <g key={p.n} class={`chart-point chart-point-${p.mode}`}>
            <title>{`Attempt ${p.n} (${p.mode === 'exam' ? 'timed exam' : 'practice'}): ${p.percent}%`}</title>
            <PointMark mode={p.mode} cx={x(p.n)} cy={y(p.percent)} />
          </g>
        ))}
      </svg>
    </div>
  );
}

/** A filled circle for a timed exam, a hollow diamond for practice. */
export function PointMark({ mode, cx, cy }: { mode: 'exam' | 'practice'; cx: number; cy: number }) {
  if (mode === 'exam') return <circle cx={cx} cy={cy} r={5} />;
  const r = 5.5;
  return <path d={`M${cx} ${cy - r}L${cx + r} ${cy}L${cx} ${cy + r}L${cx - r} ${cy}Z`} />;
}

/** What the marks and the dashed line mean, in HTML under the chart. */
export function ChartLegend({ passingScore }: { passingScore: number }) {
  const mark = (mode: 'exam' | 'practice') => (
    <svg class="legend-mark trend-overall" width="14" height="14" aria-hidden="true">
      <g class={`chart-point chart-point-${mode}`}>
        <PointMark mode={mode} cx={7} cy={7} />
      </g>
    </svg>
  );
  return (
    <p class="legend chart-legend">
      <span class="legend-item">{mark('exam')}Timed exam</span>
      <span class="legend-item">{mark('practice')}Practice</span>
      <span class="legend-item">
        <svg class="legend-mark chart-pass" width="22" height="14" aria-hidden="true">
          <line x1="0" x2="22" y1="7" y2="7" />
        </svg>
        Pass mark ({passingScore}%)
      </span>
    </p>
  );
}
