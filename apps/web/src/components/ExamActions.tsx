import { useClientValue } from '../hooks';
import { pastAttempts } from '../storage';
import { type ExamWithBank, PracticeForm, StartExam } from './StartAttempt';

/**
 * An exam page's interactive column: start a timed exam or a practice session, and this browser's
 * past results. The exam page's islands script hydrates it in place (exam-islands.tsx).
 */
export function ExamActions({ exam }: { exam: ExamWithBank }) {
  const past = useClientValue(() => pastAttempts(exam.id).slice(0, 5), [], [exam.id]);
  return (
    <>
      <StartExam exam={exam} />
      <PracticeForm exam={exam} />
      {past.length > 0 && (
        <section class="panel" aria-labelledby="past-title">
          <h2 id="past-title">Your results</h2>
          <ul class="link-list">
            {past.map((a) => (
              <li key={a.id}>
                <a href={`/attempts/${a.id}/results`}>
                  {a.mode === 'exam' ? 'Timed exam' : 'Practice'} ·{' '}
                  {new Date(a.startedAt).toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short' })}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
