import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { type Async, toApiError, useAsync } from '../hooks';
import type { CheckResult, OptionId, PublicQuestion } from '../model';
import { preloaded } from '../preload';
import { Explanation, QuestionView } from './QuestionView';
import { describeError, Loading } from './ui';
import './TryIt.css';

/**
 * Check one answer and show the verdict, explanation and rationales in place. Guides ("try it")
 * check against the question route; practice mode passes `checker` (the attempt's own save,
 * which makes the answer final) and `final` for an answer checked before a reload, whose
 * feedback is fetched again on mount.
 */
export function CheckableQuestion({
  question,
  idPrefix,
  heading,
  initial = [],
  initialResult,
  onAnswer,
  onChecked,
  allowRetry = true,
  checker = (answer) => api.check(question.id, answer),
  final = false,
}: {
  question: PublicQuestion;
  idPrefix: string;
  heading?: string;
  initial?: OptionId[];
  initialResult?: CheckResult;
  onAnswer?: (answer: OptionId[]) => void;
  onChecked?: (result: CheckResult, answer: OptionId[]) => void;
  allowRetry?: boolean;
  checker?: (answer: OptionId[]) => Promise<CheckResult>;
  final?: boolean;
}) {
  const [selected, setSelected] = useState<OptionId[]>(initial);
  const [result, setResult] = useState<CheckResult | undefined>(initialResult);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const complete =
    question.type === 'single' ? selected.length === 1 : selected.length === question.selectCount;

  const check = async () => {
    if (!complete || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const r = await checker(selected);
      setResult(r);
      onChecked?.(r, selected);
    } catch (e) {
      const { title, detail } = describeError(toApiError(e));
      setError(`${title}. ${detail}`);
    } finally {
      setBusy(false);
    }
  };

  // Checked before a reload: the answer is final on the server; show its feedback again (once).
  useEffect(() => {
    if (final && !result) void check();
  }, []);

  return (
    <div class={`checkable ${result ? (result.correct ? 'was-correct' : 'was-wrong') : ''}`}>
      <QuestionView
        question={question}
        idPrefix={idPrefix}
        heading={heading}
        selected={selected}
        onChange={(next) => {
          setSelected(next);
          onAnswer?.(next);
        }}
        feedback={result}
      />
      <div class="feedback" aria-live="polite">
        {result && (
          <p class={`verdict ${result.correct ? 'ok' : 'bad'}`}>
            {result.correct ? 'Correct!' : 'Not quite.'}{' '}
            <span class="verdict-detail">
              {result.correct
                ? 'You picked the right answer.'
                : `The correct answer is highlighted in green${question.type === 'multiple' ? ' (every correct option was needed)' : ''}.`}
            </span>
          </p>
        )}
        {error && (
          <p class="inline-error" role="alert">
            {error}
          </p>
        )}
      </div>
      {result && <Explanation html={result.explanationHtml} />}
      <div class="actions">
        {!result ? (
          <button type="button" class="btn btn-primary" onClick={check} aria-disabled={!complete || busy}>
            {busy ? 'Checking…' : 'Check answer'}
          </button>
        ) : (
          allowRetry && (
            <button
              type="button"
              class="btn btn-ghost"
              onClick={() => {
                setResult(undefined);
                setSelected([]);
              }}
            >
              Try again
            </button>
          )
        )}
        {!result && !complete && (
          <span class="muted">
            {question.type === 'single'
              ? 'Pick an option first.'
              : `Pick ${question.selectCount} options first.`}
          </span>
        )}
      </div>
    </div>
  );
}

/** A guide's embedded question: fetched by id, answered in place. */
export function TryIt({ questionId, index }: { questionId: string; index: number }) {
  const q: Async<PublicQuestion> & { reload: () => void } = useAsync(
    () => api.question(questionId),
    [questionId],
    preloaded().question?.[questionId],
  );
  return (
    <section class="try-it" aria-label="Practice question">
      <p class="eyebrow try-it-label">Practice question</p>
      {q.status === 'loading' && <Loading label="Loading question…" />}
      {q.status === 'error' && (
        <p class="inline-error" role="alert">
          {describeError(q.error).title}.{' '}
          <button type="button" class="btn btn-small" onClick={q.reload}>
            Retry
          </button>
        </p>
      )}
      {q.status === 'ok' && <CheckableQuestion question={q.data} idPrefix={`tryit-${index}`} />}
    </section>
  );
}
