import { rememberStarted } from '../attempt/begin';
import { useStarter } from '../components/StartAttempt';
import { learnerApi } from '../learner-api';

/** Starts a practice attempt of the exam's review cards due now, and opens it. */
export function ReviewButton({
  examId,
  children,
  extraLabel,
  primary = true,
}: {
  examId: string;
  children: string;
  /** Said after the visible text to screen readers (which exam, when several buttons share it). */
  extraLabel?: string;
  primary?: boolean;
}) {
  const { busy, error, run } = useStarter();
  return (
    <>
      <button
        type="button"
        class={`btn btn-small ${primary ? 'btn-primary' : ''}`}
        onClick={() => run(async () => rememberStarted(await learnerApi.review(examId)))}
      >
        {busy ? 'Starting…' : children}
        {extraLabel && <span class="sr-only"> {extraLabel}</span>}
      </button>
      {error && (
        <p class="inline-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
