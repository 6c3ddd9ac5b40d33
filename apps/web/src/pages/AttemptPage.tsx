import { useEffect, useMemo, useState } from 'preact/hooks';
import { type ApiError, api } from '../api';
import { Countdown } from '../attempt/Countdown';
import { type PracticeTally, practiceTally, progressOf } from '../attempt/progress';
import { QuestionGrid } from '../attempt/QuestionGrid';
import { SaveIndicator } from '../attempt/SaveIndicator';
import { SubmitDialog } from '../attempt/SubmitDialog';
import { useAutosave } from '../attempt/useAutosave';
import { useQuestionIndex } from '../attempt/useQuestionIndex';
import { useShowResults } from '../attempt/useShowResults';
import { useSubmit } from '../attempt/useSubmit';
import { useTimeOnQuestion } from '../attempt/useTimeOnQuestion';
import { AsyncPage } from '../components/AsyncPage';
import { QuestionView } from '../components/QuestionView';
import { CheckableQuestion } from '../components/TryIt';
import { describeError } from '../components/ui';
import { startedAttempt } from '../handoff';
import { useAsync, useTitle } from '../hooks';
import type { AttemptView, CheckResult } from '../model';
import { getAttempt, requireAttempt, type StoredAttempt, saveAttempt } from '../storage';
import './AttemptPage.css';

/** A timed exam or practice session, resumed from the server with this browser's credentials. */
export function AttemptPage({ attemptId }: { attemptId: string }) {
  const showResults = useShowResults(attemptId);
  const load = useAsync(async () => {
    const creds = requireAttempt(attemptId);
    const attempt = startedAttempt.take(attemptId) ?? (await api.attempt(attemptId, creds.token));
    // Already submitted (in another tab, or by the deadline): the results are the page to show.
    if (attempt.status === 'submitted') {
      showResults();
      return undefined;
    }
    return { attempt, creds };
  }, [attemptId]);
  useTitle(load.status === 'ok' ? load.data?.attempt.examTitle : 'Practice exam');
  const examId = load.status === 'error' ? getAttempt(attemptId)?.examId : undefined;

  return (
    <AsyncPage
      state={load}
      loading="Loading your attempt…"
      errorActions={
        <>
          {load.error?.code === 'attempt_submitted' && (
            <a class="btn btn-primary" href={`/attempts/${attemptId}/results`}>
              See results
            </a>
          )}
          {examId && (
            <a class="btn" href={`/exams/${examId}`}>
              Start a new attempt
            </a>
          )}
        </>
      }
    >
      {/* Nothing while the router swaps a submitted attempt for its results. */}
      {(data) => data && <Runner attempt={data.attempt} creds={data.creds} />}
    </AsyncPage>
  );
}

/** One question at a time, with the grid, flags, autosave, countdown and submit around it. */
function Runner({ attempt, creds }: { attempt: AttemptView; creds: StoredAttempt }) {
  const qs = attempt.questions;
  const [checked, setChecked] = useState<Record<string, CheckResult>>({});
  const [fatal, setFatal] = useState<ApiError>();
  const [confirmOpen, setConfirmOpen] = useState(false);
  const { index, go, headingRef } = useQuestionIndex(qs.length);
  const showResults = useShowResults(attempt.id);

  // Autosave and submit need each other (an expired save forces the submit; a submit first
  // sends what is queued): their callbacks are only called later, after both exist.
  const autosave = useAutosave(attempt, creds.token, {
    onSubmitted: () => showResults(),
    onExpired: (err) => {
      setFatal(err);
      void submission.finish('deadline');
    },
    onRefused: setFatal,
    isSubmitting: () => submission.isSubmitting(),
  });
  const submission = useSubmit(attempt.id, creds.token, autosave, {
    onError: setFatal,
    onSubmitted: showResults,
  });
  const { answers, flags } = autosave;
  // Time on the current question goes out with its autosaves; the submit counts the last one too.
  // Once the attempt is being submitted, or its time is up, nothing more can be saved.
  const time = useTimeOnQuestion(qs[index]?.id ?? '', (qid, seconds) => {
    const over = attempt.deadlineAt !== null && Date.now() > attempt.deadlineAt;
    if (!submission.isSubmitting() && !over) autosave.addTime(qid, seconds);
  });

  // Keep the credentials' deadline fresh for the catalogue's "resume" list.
  useEffect(() => {
    if (attempt.deadlineAt) saveAttempt({ ...creds, deadline: new Date(attempt.deadlineAt).toISOString() });
  }, [attempt.deadlineAt, creds]);

  const progress = useMemo(() => progressOf(qs, answers, flags), [qs, answers, flags]);
  const verdicts = useMemo(
    () => Object.fromEntries(Object.entries(checked).map(([id, r]) => [id, r.correct])),
    [checked],
  );
  const tally = useMemo(() => practiceTally(qs, attempt.checked, verdicts), [qs, attempt.checked, verdicts]);

  const q = qs[index];
  if (!q) return null;
  const flagged = !!flags[q.id];
  const last = index === qs.length - 1;
  const openConfirm = () => setConfirmOpen(true);

  return (
    <div class="runner">
      <div class="runner-bar">
        <div class="wrap runner-bar-inner">
          <div class="runner-title">
            <span class="badge">{attempt.mode === 'exam' ? 'Timed exam' : 'Practice'}</span>
            <span class="runner-exam">{attempt.examTitle}</span>
          </div>
          <SaveIndicator state={autosave.saveState} />
          {attempt.mode === 'exam' && attempt.deadlineAt !== null && (
            <Countdown deadlineAt={attempt.deadlineAt} onExpire={() => void submission.finish('deadline')} />
          )}
        </div>
      </div>

      <div class="wrap runner-layout">
        <section class="runner-main" aria-labelledby="q-heading">
          <div class="q-head">
            <h1 id="q-heading" class="q-heading" tabIndex={-1} ref={headingRef}>
              Question {index + 1} <span class="muted">of {qs.length}</span>
            </h1>
            <button
              type="button"
              class={`btn btn-small flag-btn ${flagged ? 'is-on' : ''}`}
              aria-pressed={flagged}
              onClick={() => autosave.toggleFlag(q.id)}
            >
              <span aria-hidden="true">⚑</span> {flagged ? 'Flagged for review' : 'Flag for review'}
            </button>
          </div>

          {fatal && (
            <div class="notice notice-error" role="alert">
              <strong>{describeError(fatal).title}.</strong> {describeError(fatal).detail}
            </div>
          )}

          <div
            class="q-card"
            key={q.id}
            data-question-id={q.id}
            data-type={q.type}
            data-select-count={q.selectCount}
          >
            {attempt.mode === 'practice' ? (
              <CheckableQuestion
                question={q}
                idPrefix={`q-${index}`}
                initial={answers[q.id] ?? []}
                initialResult={checked[q.id]}
                allowRetry={false}
                onAnswer={(a) => autosave.setAnswer(q.id, a)}
                onChecked={(r) => setChecked((c) => ({ ...c, [q.id]: r }))}
                checker={(a) => autosave.check(q.id, a)}
                final={attempt.checked[q.id] === true}
              />
            ) : (
              <QuestionView
                question={q}
                idPrefix={`q-${index}`}
                selected={answers[q.id] ?? []}
                onChange={(a) => autosave.setAnswer(q.id, a)}
              />
            )}
          </div>

          <div class="q-nav">
            <button type="button" class="btn" onClick={() => go(index - 1)} disabled={index === 0}>
              ← Previous
            </button>
            {!last ? (
              <button type="button" class="btn btn-primary" onClick={() => go(index + 1)}>
                Next →
              </button>
            ) : (
              <button type="button" class="btn btn-primary" onClick={openConfirm}>
                {attempt.mode === 'exam' ? 'Review and submit' : 'Finish practice'}
              </button>
            )}
          </div>
        </section>

        <aside class="runner-side" aria-label="Exam navigation">
          <QuestionGrid
            questions={qs}
            answers={answers}
            flags={flags}
            verdicts={verdicts}
            current={index}
            onPick={go}
          />
          <p class="grid-summary">
            {progress.answered} answered · {progress.flagged} flagged · {progress.unanswered} unanswered
          </p>
          {attempt.mode === 'practice' && <PracticeTallyLine tally={tally} total={qs.length} />}
          <button
            type="button"
            class="btn btn-primary btn-block"
            onClick={openConfirm}
            disabled={submission.submitting}
          >
            {submission.submitting
              ? 'Submitting…'
              : attempt.mode === 'exam'
                ? 'Submit exam'
                : 'Finish and see report'}
          </button>
        </aside>
      </div>

      <SubmitDialog
        open={confirmOpen}
        mode={attempt.mode}
        progress={progress}
        busy={submission.submitting}
        onCancel={() => setConfirmOpen(false)}
        onGoTo={(n) => {
          setConfirmOpen(false);
          go(n - 1);
        }}
        onConfirm={() => {
          // Close first: if the submit fails, its error shows on the page, not behind the modal.
          setConfirmOpen(false);
          time.commit();
          void submission.finish('submit');
        }}
      />
    </div>
  );
}

/** Practice: "3 of 5 checked · 2 correct", and what is not known yet after a reload. */
function PracticeTallyLine({ tally, total }: { tally: PracticeTally; total: number }) {
  return (
    <div class="grid-tally" data-testid="practice-tally">
      <p>
        {tally.checked} of {total} checked · {tally.correct} correct
      </p>
      {tally.unknown > 0 && (
        <p class="muted">
          {tally.unknown} checked before a reload:{' '}
          {tally.unknown === 1 ? 'its verdict shows' : 'their verdicts show'} when you open{' '}
          {tally.unknown === 1 ? 'it' : 'them'}.
        </p>
      )}
    </div>
  );
}
