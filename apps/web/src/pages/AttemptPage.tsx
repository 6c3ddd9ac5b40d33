import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, api } from '../api';
import { QuestionView } from '../components/QuestionView';
import { CheckableQuestion } from '../components/TryIt';
import { describeError, ErrorState, Loading } from '../components/ui';
import { toApiError, useTitle } from '../hooks';
import type { AttemptView, CheckResult, OptionId } from '../model';
import { navigate } from '../router';
import { getAttempt, markSubmitted, type StoredAttempt, saveAttempt } from '../storage';

type Load =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ok'; attempt: AttemptView; creds: StoredAttempt };

export function AttemptPage({ attemptId }: { attemptId: string }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [nonce, setNonce] = useState(0);
  useTitle(load.status === 'ok' ? load.attempt.examTitle : 'Practice exam');

  useEffect(() => {
    let live = true;
    const creds = getAttempt(attemptId);
    if (!creds) {
      setLoad({
        status: 'error',
        error: new ApiError(401, 'token_missing', 'This browser has no key for this attempt.'),
      });
      return;
    }
    setLoad({ status: 'loading' });
    api.attempt(attemptId, creds.token).then(
      (attempt) => {
        if (!live) return;
        if (attempt.status === 'submitted') {
          markSubmitted(attemptId);
          navigate(`/attempts/${attemptId}/results`, { replace: true });
          return;
        }
        setLoad({ status: 'ok', attempt, creds });
      },
      (e: unknown) => live && setLoad({ status: 'error', error: toApiError(e) }),
    );
    return () => {
      live = false;
    };
  }, [attemptId, nonce]);

  if (load.status === 'loading')
    return (
      <div class="wrap page">
        <Loading label="Loading your attempt…" />
      </div>
    );
  if (load.status === 'error') {
    const creds = getAttempt(attemptId);
    return (
      <div class="wrap page">
        <ErrorState error={load.error} onRetry={() => setNonce((n) => n + 1)}>
          {load.error.code === 'attempt_submitted' && (
            <a class="btn btn-primary" href={`/attempts/${attemptId}/results`}>
              See results
            </a>
          )}
          {creds?.examId && (
            <a class="btn" href={`/exams/${creds.examId}`}>
              Start a new attempt
            </a>
          )}
        </ErrorState>
      </div>
    );
  }
  return <Runner attempt={load.attempt} creds={load.creds} />;
}

type SaveState = 'idle' | 'saving' | 'saved' | 'offline' | 'error' | 'refused';
type Patch = { answer?: OptionId[]; flagged?: boolean };

function readQ(n: number): number {
  const q = Number(new URLSearchParams(location.search).get('q'));
  return Number.isInteger(q) && q >= 1 && q <= n ? q - 1 : 0;
}

function Runner({ attempt, creds }: { attempt: AttemptView; creds: StoredAttempt }) {
  const qs = attempt.questions;
  const timed = attempt.mode === 'exam' && attempt.deadlineAt !== null;
  const [answers, setAnswers] = useState<Record<string, OptionId[]>>(attempt.answers);
  const [flags, setFlags] = useState<Record<string, boolean>>(attempt.flags);
  const [checked, setChecked] = useState<Record<string, CheckResult>>({});
  const [index, setIndex] = useState(() => readQ(qs.length));
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const [submitting, setSubmitting] = useState(false);
  const [fatal, setFatal] = useState<ApiError>();
  const [confirmOpen, setConfirmOpen] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // --- autosave: every change is queued per question and sent in order, retried when offline.
  const pending = useRef(new Map<string, Patch>());
  const flushing = useRef<Promise<void> | null>(null);
  const retryTimer = useRef<number | undefined>(undefined);
  const finished = useRef(false);

  const flushRef = useRef<(() => Promise<void>) | null>(null);

  const finish = useCallback(
    async (reason: 'submit' | 'deadline') => {
      if (finished.current) return;
      finished.current = true;
      setSubmitting(true);
      setFatal(undefined);
      const fail = (err: ApiError) => {
        finished.current = false;
        setSubmitting(false);
        setFatal(err);
        // Time is up: keep trying until the server takes the submission.
        if (reason === 'deadline') window.setTimeout(() => void finish('deadline'), 5000);
      };
      // Send what is still queued first; never submit over answers the server has not seen.
      if (flushRef.current) await flushRef.current();
      if (pending.current.size > 0 && reason === 'submit') {
        fail(new ApiError(0, 'unsaved', ''));
        return;
      }
      try {
        await api.submit(attempt.id, creds.token);
        markSubmitted(attempt.id);
        navigate(`/attempts/${attempt.id}/results${reason === 'deadline' ? '?timeout=1' : ''}`, {
          replace: true,
        });
      } catch (e) {
        const err = toApiError(e);
        if (err.code === 'attempt_submitted') {
          markSubmitted(attempt.id);
          navigate(`/attempts/${attempt.id}/results`, { replace: true });
          return;
        }
        fail(err);
      }
    },
    [attempt.id, creds.token],
  );

  const flush = useCallback((): Promise<void> => {
    if (flushing.current) return flushing.current;
    const run = async () => {
      let refused = false;
      while (pending.current.size > 0) {
        const [qid, patch] = pending.current.entries().next().value as [string, Patch];
        setSaveState('saving');
        try {
          await api.save(attempt.id, creds.token, qid, patch);
          // Only drop the entry if nothing newer was queued for this question meanwhile.
          if (pending.current.get(qid) === patch) pending.current.delete(qid);
        } catch (e) {
          const err = toApiError(e);
          if (err.code === 'attempt_submitted') {
            markSubmitted(attempt.id);
            navigate(`/attempts/${attempt.id}/results`, { replace: true });
            return;
          }
          if (err.code === 'attempt_expired') {
            pending.current.clear();
            setFatal(err);
            void finish('deadline');
            return;
          }
          if (err.status >= 400 && err.status < 500) {
            // The server refused this answer (e.g. an option it does not know): retrying cannot help.
            pending.current.delete(qid);
            refused = true;
            setFatal(err);
            continue;
          }
          setSaveState(err.code === 'network' ? 'offline' : 'error');
          window.clearTimeout(retryTimer.current);
          retryTimer.current = window.setTimeout(() => void flush(), 4000);
          return;
        }
      }
      setSaveState(refused ? 'refused' : 'saved');
    };
    flushing.current = run().finally(() => {
      flushing.current = null;
    });
    return flushing.current;
  }, [attempt.id, creds.token, finish]);

  flushRef.current = flush;

  const queue = useCallback(
    (qid: string, patch: Patch) => {
      const prev = pending.current.get(qid);
      pending.current.delete(qid);
      pending.current.set(qid, { ...prev, ...patch });
      if (flushing.current) void flushing.current.then(() => flush());
      else void flush();
    },
    [flush],
  );

  useEffect(() => {
    const online = () => void flush();
    const beforeUnload = (e: BeforeUnloadEvent) => {
      if (pending.current.size > 0) e.preventDefault();
    };
    window.addEventListener('online', online);
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('beforeunload', beforeUnload);
      window.clearTimeout(retryTimer.current);
    };
  }, [flush]);

  // Another tab may have answered: refresh from the server when this tab becomes visible again.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState !== 'visible' || pending.current.size > 0 || finished.current) return;
      api.attempt(attempt.id, creds.token).then(
        (fresh) => {
          if (pending.current.size > 0) return;
          if (fresh.status === 'submitted') {
            markSubmitted(attempt.id);
            navigate(`/attempts/${attempt.id}/results`, { replace: true });
            return;
          }
          setAnswers(fresh.answers);
          setFlags(fresh.flags);
        },
        () => {},
      );
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [attempt.id, creds.token]);

  // Keep the credentials' deadline fresh for the catalogue's "resume" list.
  useEffect(() => {
    if (attempt.deadlineAt) saveAttempt({ ...creds, deadline: new Date(attempt.deadlineAt).toISOString() });
  }, [attempt.deadlineAt, creds]);

  const go = (i: number) => {
    const next = Math.max(0, Math.min(qs.length - 1, i));
    setIndex(next);
    const url = new URL(location.href);
    url.searchParams.set('q', String(next + 1));
    history.replaceState(null, '', url.href);
    requestAnimationFrame(() => headingRef.current?.focus());
  };

  const q = qs[index];
  const stats = useMemo(() => {
    const answered = qs.filter((x) => (answers[x.id]?.length ?? 0) > 0).length;
    const flagged = qs.filter((x) => flags[x.id]).length;
    return { answered, flagged, unanswered: qs.length - answered };
  }, [qs, answers, flags]);

  if (!q) return null;

  const setAnswer = (qid: string, answer: OptionId[]) => {
    setAnswers((a) => ({ ...a, [qid]: answer }));
    queue(qid, { answer });
  };
  const toggleFlag = (qid: string) => {
    const next = !flags[qid];
    setFlags((f) => ({ ...f, [qid]: next }));
    queue(qid, { flagged: next });
  };

  const requestSubmit = () => {
    setConfirmOpen(true);
  };

  const flagged = !!flags[q.id];
  const last = index === qs.length - 1;

  return (
    <div class="runner">
      <div class="runner-bar">
        <div class="wrap runner-bar-inner">
          <div class="runner-title">
            <span class="badge">{attempt.mode === 'exam' ? 'Timed exam' : 'Practice'}</span>
            <span class="runner-exam">{attempt.examTitle}</span>
          </div>
          <SaveIndicator state={saveState} />
          {timed && attempt.deadlineAt !== null && (
            <Countdown deadlineAt={attempt.deadlineAt} onExpire={() => void finish('deadline')} />
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
              onClick={() => toggleFlag(q.id)}
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
                onAnswer={(a) => setAnswer(q.id, a)}
                onChecked={(r) => setChecked((c) => ({ ...c, [q.id]: r }))}
              />
            ) : (
              <QuestionView
                question={q}
                idPrefix={`q-${index}`}
                selected={answers[q.id] ?? []}
                onChange={(a) => setAnswer(q.id, a)}
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
              <button type="button" class="btn btn-primary" onClick={requestSubmit}>
                {attempt.mode === 'exam' ? 'Review and submit' : 'Finish practice'}
              </button>
            )}
          </div>
        </section>

        <aside class="runner-side" aria-label="Exam navigation">
          <QuestionGrid attempt={attempt} answers={answers} flags={flags} current={index} onPick={go} />
          <p class="grid-summary">
            {stats.answered} answered · {stats.flagged} flagged · {stats.unanswered} unanswered
          </p>
          <button
            type="button"
            class="btn btn-primary btn-block"
            onClick={requestSubmit}
            disabled={submitting}
          >
            {submitting ? 'Submitting…' : attempt.mode === 'exam' ? 'Submit exam' : 'Finish and see report'}
          </button>
        </aside>
      </div>

      <ConfirmSubmit
        open={confirmOpen}
        mode={attempt.mode}
        stats={stats}
        unansweredNumbers={qs.flatMap((x, i) => ((answers[x.id]?.length ?? 0) === 0 ? [i + 1] : []))}
        flaggedNumbers={qs.flatMap((x, i) => (flags[x.id] ? [i + 1] : []))}
        busy={submitting}
        onCancel={() => setConfirmOpen(false)}
        onGoTo={(n) => {
          setConfirmOpen(false);
          go(n - 1);
        }}
        onConfirm={() => {
          // Close first: if the submit fails, its error shows on the page, not behind the modal.
          setConfirmOpen(false);
          void finish('submit');
        }}
      />
    </div>
  );
}

function SaveIndicator({ state }: { state: SaveState }) {
  const text: Record<SaveState, string> = {
    idle: 'Answers save automatically',
    saving: 'Saving…',
    saved: 'All answers saved',
    offline: 'Offline — will retry',
    error: 'Not saved — retrying',
    refused: 'An answer was not accepted',
  };
  // Only problems are announced; "Saving…/Saved" on every click would drown out the question.
  const problem = state === 'offline' || state === 'error';
  return (
    <>
      <p class={`save-state save-${state}`}>{text[state]}</p>
      <p class="sr-only" role="status" aria-live="polite">
        {problem ? 'Your last answer is not saved yet. We will keep retrying.' : ''}
      </p>
    </>
  );
}

function fmt(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const mm = String(m).padStart(h ? 2 : 1, '0');
  return `${h ? `${h}:` : ''}${mm}:${String(sec).padStart(2, '0')}`;
}

const WARNINGS = [10 * 60_000, 5 * 60_000, 60_000];

function Countdown({ deadlineAt, onExpire }: { deadlineAt: number; onExpire: () => void }) {
  const [now, setNow] = useState(Date.now());
  const [announce, setAnnounce] = useState('');
  const warned = useRef(new Set<number>());
  const expired = useRef(false);
  const left = deadlineAt - now;

  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(t);
  }, []);

  useEffect(() => {
    for (const w of WARNINGS) {
      if (left <= w && left > 0 && !warned.current.has(w)) {
        // Mark every larger threshold too, so a resume at 3 minutes left announces once.
        for (const x of WARNINGS) if (x >= w) warned.current.add(x);
        const mins = Math.ceil(left / 60_000);
        setAnnounce(`${mins} minute${mins === 1 ? '' : 's'} left.`);
      }
    }
    if (left <= 0 && !expired.current) {
      expired.current = true;
      setAnnounce('Time is up. Submitting your answers.');
      onExpire();
    }
  }, [left, onExpire]);

  const level = left <= 60_000 ? 'critical' : left <= 5 * 60_000 ? 'low' : '';
  return (
    <div class={`timer ${level}`}>
      <span class="timer-label">Time left</span>{' '}
      <span role="timer" aria-label="Time left" class="timer-value">
        {fmt(left)}
      </span>
      <span class="sr-only" aria-live="assertive">
        {announce}
      </span>
    </div>
  );
}

function QuestionGrid({
  attempt,
  answers,
  flags,
  current,
  onPick,
}: {
  attempt: AttemptView;
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
        {attempt.questions.map((x, i) => {
          const answered = (answers[x.id]?.length ?? 0) > 0;
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

function ConfirmSubmit({
  open,
  mode,
  stats,
  unansweredNumbers,
  flaggedNumbers,
  busy,
  onCancel,
  onConfirm,
  onGoTo,
}: {
  open: boolean;
  mode: AttemptView['mode'];
  stats: { answered: number; flagged: number; unanswered: number };
  unansweredNumbers: number[];
  flaggedNumbers: number[];
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
  onGoTo: (n: number) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  const noun = mode === 'exam' ? 'exam' : 'practice';
  return (
    <dialog
      ref={ref}
      class="dialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-desc"
      onClose={onCancel}
      onCancel={onCancel}
    >
      <h2 id="confirm-title">Submit your {noun}?</h2>
      <div id="confirm-desc">
        {stats.unanswered > 0 ? (
          <p class="warn-text">
            <strong>
              {stats.unanswered} question{stats.unanswered === 1 ? ' is' : 's are'} unanswered.
            </strong>{' '}
            Unanswered questions score zero.
          </p>
        ) : (
          <p>You answered every question.</p>
        )}
        {stats.flagged > 0 && (
          <p>
            {stats.flagged} question{stats.flagged === 1 ? ' is' : 's are'} still flagged for review.
          </p>
        )}
        <p>After submitting you can't change your answers.</p>
      </div>
      {(unansweredNumbers.length > 0 || flaggedNumbers.length > 0) && (
        <div class="jump-list">
          {unansweredNumbers.length > 0 && (
            <JumpRow label="Unanswered" numbers={unansweredNumbers} onGoTo={onGoTo} />
          )}
          {flaggedNumbers.length > 0 && <JumpRow label="Flagged" numbers={flaggedNumbers} onGoTo={onGoTo} />}
        </div>
      )}
      <div class="actions dialog-actions">
        <button type="button" class="btn" onClick={onCancel} autofocus>
          Keep working
        </button>
        <button type="button" class="btn btn-primary" onClick={onConfirm} disabled={busy}>
          {busy ? 'Submitting…' : stats.unanswered > 0 ? 'Submit anyway' : `Submit ${noun}`}
        </button>
      </div>
    </dialog>
  );
}

function JumpRow({
  label,
  numbers,
  onGoTo,
}: {
  label: string;
  numbers: number[];
  onGoTo: (n: number) => void;
}) {
  const shown = numbers.slice(0, 30);
  return (
    <div class="jump-row">
      <span class="jump-label">{label}:</span>
      <ul>
        {shown.map((n) => (
          <li key={n}>
            <button
              type="button"
              class="btn btn-small"
              onClick={() => onGoTo(n)}
              aria-label={`Go to question ${n}`}
            >
              {n}
            </button>
          </li>
        ))}
        {numbers.length > shown.length && <li class="muted">+{numbers.length - shown.length} more</li>}
      </ul>
    </div>
  );
}
