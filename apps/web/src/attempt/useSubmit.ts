import { useCallback, useRef, useState } from 'preact/hooks';
import { ApiError, api } from '../api';
import { submittedReport } from '../handoff';
import { toApiError } from '../hooks';
import type { Autosave } from './useAutosave';

/** A submit the learner asked for, or one forced by the deadline (which must not give up). */
export type SubmitReason = 'submit' | 'deadline';

export interface SubmitEvents {
  /** The error to show, or undefined to clear it when a new try starts. */
  onError: (error: ApiError | undefined) => void;
  /** Submitted; `query` marks a submit forced by the deadline for the results page. */
  onSubmitted: (query?: string) => void;
}

const DEADLINE_RETRY_MS = 5000;

/**
 * Submitting an attempt: what is still queued is sent first, and a learner's submit is refused
 * while answers are unsaved (never submit over answers the server has not seen). When time is
 * up, the submit goes ahead with what was saved and is retried until the server takes it.
 */
export function useSubmit(
  attemptId: string,
  token: string,
  autosave: Pick<Autosave, 'flush' | 'hasUnsaved'>,
  events: SubmitEvents,
) {
  const [submitting, setSubmitting] = useState(false);
  const started = useRef(false);
  const latest = useRef({ autosave, events });
  latest.current = { autosave, events };

  const finish = useCallback(
    async (reason: SubmitReason) => {
      if (started.current) return;
      started.current = true;
      setSubmitting(true);
      const { autosave, events } = latest.current;
      events.onError(undefined);
      const fail = (err: ApiError) => {
        started.current = false;
        setSubmitting(false);
        latest.current.events.onError(err);
        if (reason === 'deadline') window.setTimeout(() => void finish('deadline'), DEADLINE_RETRY_MS);
      };
      await autosave.flush();
      if (autosave.hasUnsaved() && reason === 'submit') return fail(new ApiError(0, 'unsaved', ''));
      try {
        submittedReport.keep(attemptId, await api.submit(attemptId, token));
        latest.current.events.onSubmitted(reason === 'deadline' ? '?timeout=1' : '');
      } catch (e) {
        const err = toApiError(e);
        if (err.code === 'attempt_submitted') return latest.current.events.onSubmitted();
        fail(err);
      }
    },
    [attemptId, token],
  );

  const isSubmitting = useCallback(() => started.current, []);
  return { submitting, finish, isSubmitting };
}
