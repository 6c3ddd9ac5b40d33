import { useClientValue } from '../hooks';
import { openAttempts } from '../storage';

/**
 * Unfinished attempts, which only this browser knows (localStorage): nothing in the prerendered
 * page, then drawn after hydration. Each sits in a `.client-slot` the page always renders, so a
 * prerendered page's islands script can hydrate it where it stands.
 */
export function HomeResume() {
  const open = useClientValue(() => openAttempts(), []);
  if (open.length === 0) return null;
  return (
    <section class="resume-banner" aria-labelledby="resume-title">
      <h2 id="resume-title">Pick up where you left off</h2>
      <ul>
        {open.map((a) => (
          <li key={a.id}>
            <a href={`/attempts/${a.id}`}>
              Resume {a.mode === 'exam' ? 'timed exam' : 'practice'}: {a.examTitle ?? a.examId}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ExamResume({ examId }: { examId: string }) {
  const open = useClientValue(() => openAttempts(examId), [], [examId]);
  const first = open[0];
  if (!first) return null;
  return (
    <div class="resume-banner" role="note">
      <p>
        You have an unfinished {first.mode === 'exam' ? 'timed exam' : 'practice session'}.{' '}
        <a href={`/attempts/${first.id}`} class="btn btn-primary btn-small">
          Resume
        </a>
      </p>
    </div>
  );
}
