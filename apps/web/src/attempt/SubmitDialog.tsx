import { useModalDialog } from '../components/useModalDialog';
import type { AttemptMode } from '../model';
import type { Progress } from './progress';
import './SubmitDialog.css';

/**
 * "Submit your exam?": what is unanswered or flagged, with buttons to jump there. A native modal
 * <dialog>, so focus is trapped and Escape cancels.
 */
export function SubmitDialog({
  open,
  mode,
  progress,
  busy,
  onCancel,
  onConfirm,
  onGoTo,
}: {
  open: boolean;
  mode: AttemptMode;
  progress: Progress;
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
  onGoTo: (n: number) => void;
}) {
  const { ref, closed } = useModalDialog(open);

  const noun = mode === 'exam' ? 'exam' : 'practice';
  const { unanswered, flagged, unansweredNumbers, flaggedNumbers } = progress;
  return (
    <dialog
      ref={ref}
      class="dialog"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-desc"
      onClose={closed(onCancel)}
      onCancel={onCancel}
    >
      <h2 id="confirm-title">Submit your {noun}?</h2>
      <div id="confirm-desc">
        {unanswered > 0 ? (
          <p class="warn-text">
            <strong>
              {unanswered} question{unanswered === 1 ? ' is' : 's are'} unanswered.
            </strong>{' '}
            Unanswered questions score zero.
          </p>
        ) : (
          <p>You answered every question.</p>
        )}
        {flagged > 0 && (
          <p>
            {flagged} question{flagged === 1 ? ' is' : 's are'} still flagged for review.
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
          {busy ? 'Submitting…' : unanswered > 0 ? 'Submit anyway' : `Submit ${noun}`}
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
