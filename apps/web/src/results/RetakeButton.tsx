import { rememberStarted } from '../attempt/begin';
import { useStarter } from '../components/StartAttempt';
import { learnerApi } from '../learner-api';
import { requireAttempt } from '../storage';

/**
 * Starts a practice attempt of this attempt's missed questions (the API picks them: every one
 * without full credit) with this browser's key to the attempt, and opens it.
 */
export function RetakeButton({ attemptId, missed }: { attemptId: string; missed: number }) {
  const { busy, error, run } = useStarter();
  if (missed === 0) return null;
  const retake = async () => {
    const { token } = requireAttempt(attemptId);
    return rememberStarted(await learnerApi.retake(attemptId, token));
  };
  return (
    <div class="retake">
      <button type="button" class="btn btn-primary" aria-disabled={busy} onClick={() => run(retake)}>
        {busy ? 'Starting…' : `Retake missed questions (${missed})`}
      </button>
      {error && (
        <p class="inline-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
