import { useCallback } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { markSubmitted } from '../storage';

/** Records the attempt as submitted in this browser and replaces the runner with its results. */
export function useShowResults(attemptId: string): (query?: string) => void {
  const { route } = useLocation();
  return useCallback(
    (query = '') => {
      markSubmitted(attemptId);
      route(`/attempts/${attemptId}/results${query}`, true);
    },
    [attemptId, route],
  );
}
