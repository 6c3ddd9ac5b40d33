import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { type ApiError, api } from '../api';
import { toApiError } from '../hooks';
import type { AttemptView, CheckResult, OptionId } from '../model';

export type SaveState = 'idle' | 'saving' | 'saved' | 'offline' | 'error' | 'refused';
type Patch = { answer?: OptionId[]; flagged?: boolean; spentSeconds?: number };

/** The most seconds one save may add (the API's bound). */
const MAX_SPENT_PER_SAVE = 3600;

export interface AutosaveEvents {
  /** The server already has this attempt submitted (another tab, or an earlier submit). */
  onSubmitted: () => void;
  /** The deadline passed: nothing more can be saved. */
  onExpired: (error: ApiError) => void;
  /** The server refused one change (e.g. an option it does not know): retrying cannot help. */
  onRefused: (error: ApiError) => void;
  /** True while the attempt is being submitted, when a refresh from the server would only race it. */
  isSubmitting: () => boolean;
}

const RETRY_MS = 4000;

/**
 * The learner's answers and flags, saved as they change: every change is queued per question
 * and sent in order, retried while the network is down, and refreshed from the server when the
 * tab comes back into view (another tab of the same browser may have answered meanwhile).
 */
export function useAutosave(attempt: AttemptView, token: string, events: AutosaveEvents) {
  const [answers, setAnswers] = useState<Record<string, OptionId[]>>(attempt.answers);
  const [flags, setFlags] = useState<Record<string, boolean>>(attempt.flags);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  const pending = useRef(new Map<string, Patch>());
  const flushing = useRef<Promise<void> | null>(null);
  const retryTimer = useRef<number | undefined>(undefined);
  // The latest callbacks, read when a response arrives rather than captured when it was sent.
  const on = useRef(events);
  on.current = events;

  const flush = useCallback((): Promise<void> => {
    if (flushing.current) return flushing.current;
    const run = async () => {
      let refused = false;
      while (pending.current.size > 0) {
        const [qid, patch] = pending.current.entries().next().value as [string, Patch];
        setSaveState('saving');
        try {
          await api.save(attempt.id, token, qid, patch);
          // Only drop the entry if nothing newer was queued for this question meanwhile.
          if (pending.current.get(qid) === patch) pending.current.delete(qid);
        } catch (e) {
          const err = toApiError(e);
          if (err.code === 'attempt_submitted') return on.current.onSubmitted();
          if (err.code === 'attempt_expired') {
            pending.current.clear();
            return on.current.onExpired(err);
          }
          if (err.status >= 400 && err.status < 500) {
            pending.current.delete(qid);
            refused = true;
            on.current.onRefused(err);
            continue;
          }
          setSaveState(err.code === 'network' ? 'offline' : 'error');
          window.clearTimeout(retryTimer.current);
          retryTimer.current = window.setTimeout(() => void flush(), RETRY_MS);
          return;
        }
      }
      setSaveState(refused ? 'refused' : 'saved');
    };
    flushing.current = run().finally(() => {
      flushing.current = null;
    });
    return flushing.current;
  }, [attempt.id, token]);

  const queue = useCallback(
    (qid: string, patch: Patch) => {
      const prev = pending.current.get(qid);
      // Re-inserted at the end, so the queue keeps the order in which questions last changed.
      pending.current.delete(qid);
      const merged: Patch = { ...prev, ...patch };
      // Time adds up while it waits to be sent; answers and flags replace.
      const seconds = (prev?.spentSeconds ?? 0) + (patch.spentSeconds ?? 0);
      if (seconds > 0) merged.spentSeconds = Math.min(MAX_SPENT_PER_SAVE, seconds);
      pending.current.set(qid, merged);
      if (flushing.current) void flushing.current.then(() => flush());
      else void flush();
    },
    [flush],
  );

  const hasUnsaved = useCallback(() => pending.current.size > 0, []);

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

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState !== 'visible' || pending.current.size > 0 || on.current.isSubmitting())
        return;
      api.attempt(attempt.id, token).then(
        (fresh) => {
          if (pending.current.size > 0) return;
          if (fresh.status === 'submitted') return on.current.onSubmitted();
          setAnswers(fresh.answers);
          setFlags(fresh.flags);
        },
        () => {},
      );
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [attempt.id, token]);

  return {
    answers,
    flags,
    saveState,
    flush,
    hasUnsaved,
    setAnswer(qid: string, answer: OptionId[]) {
      setAnswers((a) => ({ ...a, [qid]: answer }));
      queue(qid, { answer });
    },
    /**
     * Practice: make `answer` final and get its feedback. This question's queued answer goes with
     * the check instead of before it; a save of it already on the wire is awaited first.
     */
    async check(qid: string, answer: OptionId[]): Promise<CheckResult> {
      const queued = pending.current.get(qid);
      if (queued?.answer !== undefined) {
        const { answer: _sentWithCheck, ...rest } = queued;
        if (rest.flagged === undefined) pending.current.delete(qid);
        else pending.current.set(qid, rest);
      }
      await flushing.current;
      const result = await api.checkInAttempt(attempt.id, token, qid, answer);
      setAnswers((a) => ({ ...a, [qid]: answer }));
      return result;
    },
    /** Seconds spent on a question, sent with its next save (or on their own). */
    addTime(qid: string, seconds: number) {
      queue(qid, { spentSeconds: seconds });
    },
    toggleFlag(qid: string) {
      const next = !flags[qid];
      setFlags((f) => ({ ...f, [qid]: next }));
      queue(qid, { flagged: next });
    },
  };
}

export type Autosave = ReturnType<typeof useAutosave>;
