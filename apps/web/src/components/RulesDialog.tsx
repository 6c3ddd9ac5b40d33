import type { Exam } from '../model';
import { formatMinutes } from './ui';
import { useModalDialog } from './useModalDialog';
// The modal's frame and backdrop are the submit dialog's.
import '../attempt/SubmitDialog.css';
import './RulesDialog.css';

/** The fewest correct answers that reach the passing score (as the exam facts state it). */
function passMark(exam: Pick<Exam, 'passingScore' | 'questionCount'>): number {
  return Math.ceil((exam.passingScore / 100) * exam.questionCount - 1e-9);
}

/**
 * The timed exam's rules, shown before the clock starts: a native modal <dialog>, so focus moves
 * into it and stays there, and Escape cancels. Closing it gives focus back to what opened it
 * (`returnFocus`), so a keyboard learner who cancels is where they were.
 */
export function RulesDialog({
  exam,
  open,
  busy,
  error,
  onBegin,
  onCancel,
  returnFocus,
}: {
  exam: Exam;
  open: boolean;
  busy: boolean;
  error?: string;
  onBegin: () => void;
  onCancel: () => void;
  returnFocus: () => HTMLElement | null;
}) {
  const { ref, closed } = useModalDialog(open);
  // A start under way cannot be called back: Cancel and Escape wait for it.
  const cancel = () => {
    if (!busy) onCancel();
  };

  return (
    <dialog
      ref={ref}
      class="dialog rules-dialog"
      aria-labelledby="rules-title"
      aria-describedby="rules-desc"
      onClose={closed(() => {
        returnFocus()?.focus();
        onCancel();
      })}
      onCancel={(e) => {
        e.preventDefault();
        cancel();
      }}
    >
      <h2 id="rules-title">Before you start</h2>
      <p id="rules-desc">The clock starts when you choose Begin exam.</p>
      <dl class="rules-facts">
        <div>
          <dt>Questions</dt>
          <dd>{exam.questionCount}</dd>
        </div>
        <div>
          <dt>Time limit</dt>
          <dd>{formatMinutes(exam.durationMinutes)}</dd>
        </div>
        <div>
          <dt>Passing score</dt>
          <dd>
            {exam.passingScore}% <span class="muted">({passMark(exam)} correct)</span>
          </dd>
        </div>
      </dl>
      <ul class="rules-list">
        <li>Your answers save automatically as you go, and are still there if you reload the page.</li>
        <li>Flag a question to mark it for review; the question grid shows which ones you flagged.</li>
        <li>The timer keeps running if you leave the page or close the tab.</li>
        <li>When time runs out, the exam is submitted automatically with the answers you gave.</li>
      </ul>
      {error && (
        <p class="inline-error" role="alert">
          {error}
        </p>
      )}
      <div class="actions dialog-actions">
        <button type="button" class="btn" onClick={cancel} aria-disabled={busy} autofocus>
          Cancel
        </button>
        <button type="button" class="btn btn-primary" onClick={onBegin} aria-disabled={busy}>
          {busy ? 'Starting…' : 'Begin exam'}
        </button>
      </div>
    </dialog>
  );
}
