import { type ExamWithBank, PracticeForm, StartExam } from './StartAttempt';

/**
 * An exam page's interactive column: start a timed exam or a practice session (past results are
 * the progress island's, from the learner's server-side history). The exam page's islands
 * script hydrates it in place (exam-islands.tsx).
 */
export function ExamActions({ exam }: { exam: ExamWithBank }) {
  return (
    <>
      <StartExam exam={exam} />
      <PracticeForm exam={exam} />
    </>
  );
}
