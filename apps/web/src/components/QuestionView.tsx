import type { OptionId, QuestionLike } from '../model';
import './QuestionView.css';

export interface Feedback {
  correctOptions: OptionId[];
  rationales: Record<string, string>;
}

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function optionLetter(q: QuestionLike, id: OptionId): string {
  const i = q.options.findIndex((o) => o.id === id);
  return i >= 0 ? (LETTERS[i] ?? id) : id.toUpperCase();
}

export function lettersOf(q: QuestionLike, ids: OptionId[]): string {
  if (ids.length === 0) return 'none';
  return q.options
    .filter((o) => ids.includes(o.id))
    .map((o) => optionLetter(q, o.id))
    .join(', ');
}

/**
 * One question as a native radio group (single choice) or checkbox group (choose N), so it is
 * operable with Tab/Space and announced correctly by screen readers. With `feedback` it becomes
 * read-only and marks the learner's answer, the correct options and their rationales.
 */
export function QuestionView({
  question: q,
  idPrefix,
  selected,
  onChange,
  feedback,
  heading,
}: {
  question: QuestionLike;
  idPrefix: string;
  selected: OptionId[];
  onChange?: (next: OptionId[]) => void;
  feedback?: Feedback;
  heading?: string;
}) {
  const multiple = q.type === 'multiple';
  const readOnly = !onChange || !!feedback;
  const stemId = `${idPrefix}-stem`;
  const hintId = `${idPrefix}-hint`;

  const toggle = (id: OptionId, checked: boolean) => {
    if (!onChange) return;
    if (!multiple) return onChange([id]);
    const next = checked ? [...selected.filter((s) => s !== id), id] : selected.filter((s) => s !== id);
    onChange(q.options.map((o) => o.id).filter((o) => next.includes(o)));
  };

  const over = multiple && selected.length > q.selectCount;
  // "Choose N": once N are picked the others rest until one is unpicked (the API refuses more).
  const full = multiple && selected.length >= q.selectCount;
  const groupProps = {
    role: multiple ? ('group' as const) : ('radiogroup' as const),
    'aria-labelledby': stemId,
    'aria-describedby': hintId,
    class: 'options',
  };

  return (
    <div class="question">
      {heading && <p class="question-number">{heading}</p>}
      <div
        class="question-stem prose"
        id={stemId}
        // Sanitized by the compiler (rehype-sanitize) before it enters the bundle.
        dangerouslySetInnerHTML={{ __html: q.stemHtml }}
      />
      <p class="question-hint" id={hintId}>
        {multiple ? (
          <>
            <strong>Choose {q.selectCount}.</strong>{' '}
            {!readOnly && (
              <span class={over ? 'warn' : ''}>
                {selected.length} of {q.selectCount} selected
                {over ? ` — remove ${selected.length - q.selectCount}` : ''}
                {full && !over ? ' — uncheck one to change your choice' : ''}
              </span>
            )}
          </>
        ) : (
          <strong>Choose one.</strong>
        )}
      </p>
      <div {...groupProps}>
        {q.options.map((o, i) => {
          const inputId = `${idPrefix}-${o.id}`;
          const chosen = selected.includes(o.id);
          const isCorrect = feedback?.correctOptions.includes(o.id) ?? false;
          const rationale = feedback?.rationales[o.id];
          let mark = '';
          if (feedback) {
            if (isCorrect && chosen) mark = 'Your answer · correct';
            else if (isCorrect) mark = 'Correct answer';
            else if (chosen) mark = 'Your answer · incorrect';
          }
          const cls = [
            'option',
            chosen ? 'is-chosen' : '',
            feedback && isCorrect ? 'is-correct' : '',
            feedback && chosen && !isCorrect ? 'is-wrong' : '',
          ]
            .filter(Boolean)
            .join(' ');
          return (
            <div class={cls} key={o.id}>
              <label for={inputId} class="option-label">
                <input
                  id={inputId}
                  type={multiple ? 'checkbox' : 'radio'}
                  name={`${idPrefix}-answer`}
                  value={o.id}
                  checked={chosen}
                  disabled={readOnly || (full && !chosen)}
                  onChange={(e) => toggle(o.id, (e.currentTarget as HTMLInputElement).checked)}
                />
                <span class="option-letter" aria-hidden="true">
                  {LETTERS[i]}
                </span>
                <span class="option-text" dangerouslySetInnerHTML={{ __html: o.html }} />
              </label>
              {mark && <p class={`option-mark ${isCorrect ? 'ok' : 'bad'}`}>{mark}</p>}
              {rationale && (
                <div class="option-rationale prose" dangerouslySetInnerHTML={{ __html: rationale }} />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}

export function Explanation({ html }: { html?: string }) {
  if (!html) return null;
  return (
    <div class="explanation">
      <p class="explanation-title">Explanation</p>
      <div class="prose" dangerouslySetInnerHTML={{ __html: html }} />
    </div>
  );
}
