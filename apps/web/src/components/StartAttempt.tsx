import { MAX_PRACTICE_QUESTIONS } from '@examdown/compiler/shared';
import { useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { api } from '../api';
import { rememberStarted } from '../attempt/begin';
import { toApiError } from '../hooks';
import type { AttemptMode, Exam } from '../model';
import { RulesDialog } from './RulesDialog';
import { describeError, formatMinutes } from './ui';

/** An exam with the number of questions its bank holds per domain (what practice can draw). */
export type ExamWithBank = Exam & { bank: { total: number; byDomain: Record<string, number> } };

/** Starts an attempt and keeps its credentials in this browser; returns the runner's path. */
async function start(
  exam: Exam,
  mode: AttemptMode,
  opts: { domains?: string[]; count?: number } = {},
): Promise<string> {
  return rememberStarted(await api.start(exam.id, { mode, ...opts }));
}

/** One start button's state: busy until the runner opens, or the error that stopped it. */
export function useStarter() {
  // In the app the router opens the runner; on a prerendered exam page (an island, no router)
  // the browser loads it as a document.
  const { route } = useLocation();
  const open = route ?? ((url: string) => location.assign(url));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = async (fn: () => Promise<string>) => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      open(await fn());
    } catch (e) {
      const { title, detail } = describeError(toApiError(e));
      setError(`${title}. ${detail}`);
      setBusy(false);
    }
  };
  return { busy, error, run };
}

/**
 * The timed exam's start: the button opens the rules (RulesDialog), and only "Begin exam" there
 * starts the attempt, so the clock never starts on a stray click.
 */
export function StartExam({ exam }: { exam: Exam }) {
  const { busy, error, run } = useStarter();
  const [rulesOpen, setRulesOpen] = useState(false);
  const startButton = useRef<HTMLButtonElement>(null);
  return (
    <section class="panel panel-accent" aria-labelledby="start-title">
      <h2 id="start-title">Timed practice exam</h2>
      <p>
        {exam.questionCount} questions drawn by the blueprint, {formatMinutes(exam.durationMinutes)} on the
        clock. Answers save as you go; you can flag questions and come back to them.
      </p>
      <button
        type="button"
        class="btn btn-primary btn-block"
        ref={startButton}
        aria-haspopup="dialog"
        onClick={() => setRulesOpen(true)}
      >
        Start timed exam
      </button>
      <RulesDialog
        exam={exam}
        open={rulesOpen}
        busy={busy}
        error={error}
        onBegin={() => run(() => start(exam, 'exam'))}
        onCancel={() => setRulesOpen(false)}
        returnFocus={() => startButton.current}
      />
    </section>
  );
}

const COUNTS = [5, 10, 20, 30];

export function PracticeForm({ exam }: { exam: ExamWithBank }) {
  const [domains, setDomains] = useState<string[]>(exam.domains.map((d) => d.id));
  const [count, setCount] = useState(10);
  const { busy, error, run } = useStarter();
  const none = domains.length === 0;
  const inBank = domains.reduce((n, d) => n + (exam.bank.byDomain[d] ?? 0), 0);
  const available = Math.min(inBank, MAX_PRACTICE_QUESTIONS);
  const counts = [...COUNTS.filter((n) => n < available), available].filter(
    (n, i, a) => n > 0 && a.indexOf(n) === i,
  );
  const effective = Math.min(count, available);

  return (
    <section class="panel" aria-labelledby="practice-title">
      <h2 id="practice-title">Practice mode</h2>
      <p>Untimed. Pick the domains you want to drill and see the answer after every question.</p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (none) return;
          run(() => start(exam, 'practice', { domains, count: effective }));
        }}
      >
        <fieldset>
          <legend>Domains</legend>
          {exam.domains.map((d) => (
            <label class="check" key={d.id}>
              <input
                type="checkbox"
                name="domain"
                value={d.id}
                checked={domains.includes(d.id)}
                onChange={(e) => {
                  const on = (e.currentTarget as HTMLInputElement).checked;
                  setDomains((cur) =>
                    exam.domains.map((x) => x.id).filter((id) => (id === d.id ? on : cur.includes(id))),
                  );
                }}
              />
              <span>
                {d.name} <span class="muted">({exam.bank.byDomain[d.id] ?? 0})</span>
              </span>
            </label>
          ))}
        </fieldset>
        <label class="field">
          <span>Number of questions</span>
          <select
            value={String(effective)}
            onChange={(e) => setCount(Number((e.currentTarget as HTMLSelectElement).value))}
            disabled={none}
          >
            {counts.map((n) => (
              <option key={n} value={String(n)}>
                {n === available && n > 30 ? `All ${n}` : n}
              </option>
            ))}
          </select>
        </label>
        {none && (
          <p class="inline-error" role="alert">
            Choose at least one domain.
          </p>
        )}
        <button type="submit" class="btn btn-block" aria-disabled={none}>
          {busy ? 'Starting…' : 'Start practice'}
        </button>
        {error && (
          <p class="inline-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
