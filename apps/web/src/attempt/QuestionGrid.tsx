import { useEffect, useRef, useState } from 'preact/hooks';
import { columnsOf, gridMove } from '../components/roving-grid';
import type { OptionId, PublicQuestion } from '../model';
import { isAnswered } from './progress';
import './QuestionGrid.css';

/**
 * One button per question, showing which are answered, flagged and current, and in practice
 * which were checked right or wrong. The grid is one Tab stop (a toolbar with a roving
 * tabindex): arrow keys move between cells, Home/End to the ends, Enter or Space opens one.
 */
export function QuestionGrid({
  questions,
  answers,
  flags,
  verdicts = {},
  current,
  onPick,
}: {
  questions: PublicQuestion[];
  answers: Record<string, OptionId[]>;
  flags: Record<string, boolean>;
  /** Practice: question id → whether its checked answer was correct. */
  verdicts?: Record<string, boolean>;
  current: number;
  onPick: (i: number) => void;
}) {
  // The cell Tab lands on: the current question's, or the one the arrows last moved to.
  const [active, setActive] = useState(current);
  useEffect(() => setActive(current), [current]);
  const cells = useRef<HTMLButtonElement[]>([]);

  const onKeyDown = (e: KeyboardEvent) => {
    const list = cells.current.slice(0, questions.length);
    const to = gridMove(e, active, questions.length, () => columnsOf(list));
    if (to === undefined) return;
    e.preventDefault();
    setActive(to);
    list[to]?.focus();
  };

  return (
    <nav class="q-grid-nav" aria-label="Questions">
      <p class="grid-title" id="grid-title">
        Questions
      </p>
      <p class="sr-only" id="grid-keys">
        Arrow keys move between questions; Enter opens one.
      </p>
      <div
        class="q-grid"
        role="toolbar"
        aria-labelledby="grid-title"
        aria-describedby="grid-keys"
        onKeyDown={onKeyDown}
      >
        {questions.map((x, i) => {
          const answered = isAnswered(answers[x.id]);
          const flagged = !!flags[x.id];
          const verdict = verdicts[x.id];
          const states = [
            answered ? 'answered' : 'unanswered',
            flagged ? 'flagged' : '',
            verdict === undefined ? '' : verdict ? 'correct' : 'incorrect',
          ].filter(Boolean);
          const cls = [
            'q-cell',
            answered ? 'is-answered' : '',
            flagged ? 'is-flagged' : '',
            verdict === true ? 'is-correct' : '',
            verdict === false ? 'is-incorrect' : '',
            i === current ? 'is-current' : '',
          ];
          return (
            <button
              key={x.id}
              type="button"
              ref={(el) => {
                if (el) cells.current[i] = el;
              }}
              class={cls.filter(Boolean).join(' ')}
              tabIndex={i === active ? 0 : -1}
              aria-current={i === current ? 'step' : undefined}
              aria-label={`Question ${i + 1}, ${states.join(', ')}`}
              onClick={() => onPick(i)}
              onFocus={() => setActive(i)}
            >
              {i + 1}
              {verdict !== undefined && (
                <span class="q-verdict" aria-hidden="true">
                  {verdict ? '✓' : '✗'}
                </span>
              )}
              {flagged && (
                <span class="q-flag" aria-hidden="true">
                  ⚑
                </span>
              )}
            </button>
          );
        })}
      </div>
      <ul class="grid-legend" aria-hidden="true">
        <li>
          <span class="q-cell mini is-answered" /> answered
        </li>
        <li>
          <span class="q-cell mini" /> unanswered
        </li>
        <li>
          <span class="q-cell mini is-flagged">⚑</span> flagged
        </li>
        {Object.keys(verdicts).length > 0 && (
          <>
            <li>
              <span class="q-cell mini is-correct">✓</span> correct
            </li>
            <li>
              <span class="q-cell mini is-incorrect">✗</span> incorrect
            </li>
          </>
        )}
      </ul>
    </nav>
  );
}
