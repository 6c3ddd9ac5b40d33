import type { SaveState } from './useAutosave';
import './SaveIndicator.css';

const TEXT: Record<SaveState, string> = {
  idle: 'Answers save automatically',
  saving: 'Saving…',
  saved: 'All answers saved',
  offline: 'Offline — will retry',
  error: 'Not saved — retrying',
  refused: 'An answer was not accepted',
};

export function SaveIndicator({ state }: { state: SaveState }) {
  // Only problems are announced; "Saving…/Saved" on every click would drown out the question.
  const problem = state === 'offline' || state === 'error';
  return (
    <>
      <p class={`save-state save-${state}`}>{TEXT[state]}</p>
      <p class="sr-only" role="status" aria-live="polite">
        {problem ? 'Your last answer is not saved yet. We will keep retrying.' : ''}
      </p>
    </>
  );
}
