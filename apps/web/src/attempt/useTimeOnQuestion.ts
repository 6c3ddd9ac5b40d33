import { useCallback, useEffect, useRef } from 'preact/hooks';

/**
 * Seconds the learner spends on each question, for the review's "time spent": counted while the
 * question is on screen and the tab is visible, handed to `record` (an autosave) when the learner
 * moves on, and on `commit()` — which the submit calls, so the last question counts too.
 */
export function useTimeOnQuestion(questionId: string, record: (questionId: string, seconds: number) => void) {
  const since = useRef<number | null>(null);
  const elapsed = useRef(0);
  const recordRef = useRef(record);
  recordRef.current = record;

  const commit = useCallback(() => {
    if (since.current !== null) elapsed.current += performance.now() - since.current;
    since.current = document.visibilityState === 'visible' ? performance.now() : null;
    const seconds = Math.round(elapsed.current / 1000);
    elapsed.current = 0;
    if (seconds > 0) recordRef.current(questionId, seconds);
  }, [questionId]);

  useEffect(() => {
    since.current = document.visibilityState === 'visible' ? performance.now() : null;
    elapsed.current = 0;
    const onVisibility = () => {
      if (document.visibilityState === 'visible') since.current ??= performance.now();
      else if (since.current !== null) {
        elapsed.current += performance.now() - since.current;
        since.current = null;
      }
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      commit();
    };
  }, [commit]);

  return { commit };
}
