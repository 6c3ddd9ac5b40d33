import type { OptionId, PublicQuestion } from '../model';
import { isAnswered } from './progress';
import './QuestionGrid.css';

/** One button per question, showing which are answered, flagged and current. */
export function QuestionGrid({
  questions,
  answers,
  flags,
  current,
  onPick,
}: {
  questions: PublicQuestion[];
  answers: Record<string, OptionId[]>;
  flags: Record<string, boolean>;
  current: number;
  onPick: (i: number) => void;
}) {
  return (
    <nav class="q-grid-nav" aria-label="Questions">
      <p class="grid-title" id="grid-title">
        Questions
      </p>
      <ol class="q-grid">
        {questions.map((x, i) => {
          const answered = isAnswered(answers[x.id]);
          const flagged = !!flags[x.id];
          const states = [answered ? 'answered' : 'unanswered', flagged ? 'flagged' : ''].filter(Boolean);
          return (
            <li key={x.id}>
              <button
                type="button"
                class={`q-cell ${answered ? 'is-answered' : ''} ${flagged ? 'is-flagged' : ''} ${i === current ? 'is-current' : ''}`}
                aria-current={i === current ? 'step' : undefined}
                aria-label={`Question ${i + 1}, ${states.join(', ')}`}
                onClick={() => onPick(i)}
              >
                {i + 1}
                {flagged && (
                  <span class="q-flag" aria-hidden="true">
                    ⚑
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ol>
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
      </ul>
    </nav>
  );
}
