/**
 * A prerendered exam page's script (islands.tsx): the start and practice forms with this
 * browser's past results, its unfinished-attempt banner, and the learner's progress on the exam,
 * from the exam in the page's data.
 */
import { ExamActions } from './components/ExamActions';
import { ExamResume } from './components/ResumeBanners';
import { hydrateAll, startIslands } from './islands';
import { preloaded } from './preload';
import { ExamProgressPanel } from './progress/ExamProgressPanel';

startIslands();
const exam = Object.values(preloaded().exam ?? {})[0];
if (exam) {
  hydrateAll('.exam-side', () => <ExamActions exam={exam} />);
  hydrateAll('.client-slot', () => <ExamResume examId={exam.id} />);
  hydrateAll('.progress-slot', () => <ExamProgressPanel exam={exam} />);
}
