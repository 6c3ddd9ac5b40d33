import { useRef, useState } from 'preact/hooks';
import { columnsOf, gridMove } from '../components/roving-grid';
import type { QuestionResult } from '../model';
import { OUTCOME_ICON, OUTCOME_LABEL, type Outcome, outcomeOf } from './outcome';
import { rowId } from './QuestionRow';
import './ResultsGrid.css';

const OUTCOMES: Outcome[] = ['correct', 'partial', 'incorrect', 'unanswered'];

/** The accessible name of a cell, e.g. "Question 7, incorrect, flagged". */
export function cellName(n: number, r: Pick<QuestionResult, 'correct' | 'credit' | 'answer' | 'flagged'>) {
  const parts = [`Question ${n}`, OUTCOME_LABEL[outcomeOf(r)].toLowerCase()];
  if (r.flagged) parts.push('flagged');
  return parts.join(', ');
}

/**
 * Every question of the attempt at a glance, one cell each, linking to its review row. A 60-cell
 * grid would be 60 Tab stops before the review: it is one (roving tabindex), arrows move within.
 */
export function ResultsGrid({
  results,
  onOpen,
}: {
  results: QuestionResult[];
  onOpen: (index: number) => void;
}) {
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLOListElement>(null);

  const onKeyDown = (e: KeyboardEvent, i: number) => {
    const cells = [...(listRef.current?.children ?? [])] as HTMLElement[];
    const to = gridMove(e, i, results.length, () => columnsOf(cells));
    if (to === undefined) return;
    e.preventDefault();
    setActive(to);
    listRef.current?.querySelectorAll<HTMLAnchorElement>('a')[to]?.focus();
  };

  return (
    <nav class="result-cells-nav" aria-labelledby="result-cells-title">
      <h2 id="result-cells-title">Questions</h2>
      <p class="muted result-cells-hint" id="result-cells-hint">
        Choose a question to open its review. Arrow keys move between questions.
      </p>
      <ol class="result-cells" ref={listRef} aria-describedby="result-cells-hint">
        {results.map((r, i) => {
          const outcome = outcomeOf(r);
          return (
            <li key={r.question.id}>
              <a
                href={`#${rowId(i + 1)}`}
                class={`result-cell is-${outcome}${r.flagged ? ' is-flagged' : ''}`}
                data-outcome={outcome}
                aria-label={cellName(i + 1, r)}
                tabIndex={i === active ? 0 : -1}
                onKeyDown={(e) => onKeyDown(e, i)}
                onFocus={() => setActive(i)}
                onClick={(e) => {
                  e.preventDefault();
                  setActive(i);
                  onOpen(i);
                }}
              >
                <span class="result-cell-n">{i + 1}</span>
                <span class="result-cell-icon" aria-hidden="true">
                  {OUTCOME_ICON[outcome]}
                </span>
                {r.flagged && (
                  <span class="result-cell-flag" aria-hidden="true">
                    ⚑
                  </span>
                )}
              </a>
            </li>
          );
        })}
      </ol>
      <ul class="result-cells-legend" aria-hidden="true">
        {OUTCOMES.filter((o) => results.some((r) => outcomeOf(r) === o)).map((o) => (
          <li key={o}>
            <span class={`result-cell mini is-${o}`}>{OUTCOME_ICON[o]}</span> {OUTCOME_LABEL[o]}
          </li>
        ))}
        {results.some((r) => r.flagged) && (
          <li>
            <span class="result-cell mini is-flag-key">⚑</span> Flagged
          </li>
        )}
      </ul>
    </nav>
  );
}
